// 密碼規則 of 輸入新密碼 as a live checklist: each rule of the manual ticks green or red as the user
// types (domain/password-policy.ts, the rules the API enforces). Rules only the server can judge
// (password history; the account name, unknown before activation) stay 「送出時檢查」 until it answers.
import {
  PASSWORD_MESSAGES,
  passwordRules,
  passwordViolations,
  type PasswordViolationCode,
} from '../../../../domain/password-policy';

export type RuleState = 'pass' | 'fail' | 'unchecked';

export interface RulePart {
  code: PasswordViolationCode;
  label: string;
  state: RuleState;
}

export interface ChecklistItem {
  id: 'length' | 'composition' | 'history' | 'account';
  text: string;
  state: RuleState;
  /** The pieces of a compound rule (大寫、小寫、數字、特殊字元…), each with its own tick. */
  parts?: RulePart[];
  /** Why a rule is not ticked yet. */
  note?: string;
}

/** What the server said about one submitted password. */
export interface ServerVerdict {
  password: string;
  codes: readonly PasswordViolationCode[];
  /** PASSWORD_REUSED: equal to one of the recent passwords. */
  reused: boolean;
}

const COMPOSITION_PARTS: readonly { code: PasswordViolationCode; label: string }[] = [
  { code: 'UPPER', label: '大寫英文字母' },
  { code: 'LOWER', label: '小寫英文字母' },
  { code: 'DIGIT', label: '數字' },
  { code: 'SPECIAL', label: '特殊字元' },
  { code: 'QUOTE', label: "不含 '" },
  { code: 'CHARSET', label: '僅限半形字元' },
];

export const SERVER_CHECK_NOTE = '送出時檢查';

/** Maps the server's PASSWORD_POLICY messages (fields.newPassword) back to rule codes. */
export function violationCodesFromMessages(messages: readonly string[]): { codes: PasswordViolationCode[]; unknown: string[] } {
  const codes = new Set<PasswordViolationCode>();
  const unknown: string[] = [];
  const entries = Object.entries(PASSWORD_MESSAGES) as [PasswordViolationCode, string][];
  for (const message of messages) {
    // A message may also hold several rules joined together.
    const found = entries.filter(([, text]) => message.includes(text));
    if (found.length === 0) unknown.push(message);
    for (const [code] of found) codes.add(code);
  }
  return { codes: [...codes], unknown };
}

interface ChecklistOptions {
  /** The account, when known: then 「不可包含帳號名稱」 is checked while typing. */
  account?: string | null;
  /** The server's verdict, which counts only for the password it was about. */
  server?: ServerVerdict | null;
}

export function passwordChecklist(password: string, options: ChecklistOptions = {}): ChecklistItem[] {
  const [lengthText = '', compositionText = '', historyText = '', accountText = ''] = passwordRules();
  const typed = password !== '';
  const local = new Set(passwordViolations(password, { account: options.account }).map((v) => v.code));
  const server = options.server && options.server.password === password ? options.server : null;
  const failed = (code: PasswordViolationCode) => local.has(code) || Boolean(server?.codes.includes(code));
  const state = (bad: boolean): RuleState => (!typed ? 'unchecked' : bad ? 'fail' : 'pass');

  const parts = COMPOSITION_PARTS.map(({ code, label }) => ({ code, label, state: state(failed(code)) }));
  const accountKnown = Boolean(options.account?.trim());

  return [
    { id: 'length', text: lengthText, state: state(failed('LENGTH')) },
    { id: 'composition', text: compositionText, state: state(parts.some((part) => part.state === 'fail')), parts },
    server?.reused
      ? { id: 'history', text: historyText, state: 'fail' }
      : { id: 'history', text: historyText, state: 'unchecked', note: SERVER_CHECK_NOTE },
    failed('ACCOUNT')
      ? { id: 'account', text: accountText, state: 'fail' }
      : accountKnown
        ? { id: 'account', text: accountText, state: state(false) }
        : { id: 'account', text: accountText, state: 'unchecked', note: SERVER_CHECK_NOTE },
  ];
}

/** Whether what can be checked here is all right (the server checks the rest). */
export function checklistPasses(items: readonly ChecklistItem[]): boolean {
  return items.every((item) => item.state !== 'fail') && items.some((item) => item.state === 'pass');
}
