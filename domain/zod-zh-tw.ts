// Every message zod writes by itself, in zh-TW a person can read. Importing this module installs it
// (z.config is global): api/app.ts, worker/main.ts and web/src/main.tsx import it, so the API, the
// worker and the forms (which validate with the same schemas) never show zod's English ("Invalid
// input: expected string, received number") nor the bundled zh-TW locale's type names ("預期為
// string"). A message written in a schema (`z.string({ error: '請輸入姓名' })`, `.max(500, '…')`)
// still wins: zod consults this map only for issues that carry none.
import { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: '文字',
  number: '數字',
  int: '整數',
  bigint: '整數',
  boolean: '是或否',
  array: '清單',
  object: '一組欄位',
  date: '日期',
};

const FORMAT_NAMES: Record<string, string> = {
  email: '電子郵件',
  uuid: '編號',
  guid: '編號',
  url: '網址',
  date: '日期',
  datetime: '日期時間',
  time: '時間',
  ipv4: 'IP 位址',
  ipv6: 'IP 位址',
};

const count = (n: number | bigint) => n.toString();

function tooBig(issue: Extract<Issue, { code: 'too_big' }>): string {
  const max = count(issue.maximum as number | bigint);
  switch (issue.origin) {
    case 'string':
      return `長度不可超過 ${max} 個字`;
    case 'array':
    case 'set':
      return `最多 ${max} 項`;
    case 'file':
      return `檔案不可超過 ${max} 位元組`;
    case 'date':
      return '日期太晚';
    default:
      return issue.inclusive === false ? `必須小於 ${max}` : `不可大於 ${max}`;
  }
}

function tooSmall(issue: Extract<Issue, { code: 'too_small' }>): string {
  const min = count(issue.minimum as number | bigint);
  switch (issue.origin) {
    case 'string':
      return Number(issue.minimum) <= 1 ? '此欄位為必填' : `長度至少 ${min} 個字`;
    case 'array':
    case 'set':
      return Number(issue.minimum) <= 1 ? '請至少選擇一項' : `至少 ${min} 項`;
    case 'date':
      return '日期太早';
    default:
      return issue.inclusive === false ? `必須大於 ${min}` : `不可小於 ${min}`;
  }
}

/** The message for an issue no schema named one for. */
export function zhTwError(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return '此欄位為必填';
      return TYPE_NAMES[issue.expected] ? `此欄位必須是${TYPE_NAMES[issue.expected]}` : '此欄位的資料格式不正確';
    case 'too_big':
      return tooBig(issue);
    case 'too_small':
      return tooSmall(issue);
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ? `${FORMAT_NAMES[issue.format]}格式不正確` : '格式不正確';
    case 'invalid_value':
      return issue.values.length > 1 ? '請選擇有效的選項' : '此欄位的值不正確';
    case 'not_multiple_of':
      return `必須是 ${count(issue.divisor as number | bigint)} 的倍數`;
    case 'unrecognized_keys':
      return `含有不接受的欄位：${issue.keys.join('、')}`;
    case 'invalid_key':
    case 'invalid_element':
      return '含有格式不正確的項目';
    default:
      return '此欄位的資料格式不正確';
  }
}

z.config({ customError: zhTwError });
