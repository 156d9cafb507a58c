import { z } from 'zod';
import { formatTaipei, line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// 停用 / 閒置停用: the user's notice, the idle warning, and the system admins' report of idle
// accounts that could not be disabled (pre-checks failed). No ID number, no secrets.

export const accountDisabledSchema = z.object({
  name: line(100),
  account: line(64),
  /** 手動停用 or 閒置停用 */
  kind: z.enum(['MANUAL', 'IDLE']),
  reason: line(500),
  disabledAt: z.coerce.date(),
  reactivateUrl: link,
});

export function accountDisabled(data: z.output<typeof accountDisabledSchema>, ctx: RenderContext): RenderedMail {
  return layout('您的公務帳號已停用', [
    p(`${data.name} 您好：`),
    p(
      data.kind === 'IDLE'
        ? `您的公務帳號「${data.account}」因長期未登入，已依規定閒置停用。`
        : `您的公務帳號「${data.account}」已由管理者停用。`,
    ),
    {
      kind: 'fields',
      rows: [
        ['帳號', data.account],
        ['停用原因', data.reason],
        ['停用時間', formatTaipei(data.disabledAt)],
      ],
    },
    p('帳號停用後無法登入公務入口網及各應用系統。如需再次使用，請使用「個人帳號復用」提出申請。'),
    { kind: 'button', label: '個人帳號復用', url: resolveLink(data.reactivateUrl, ctx) },
  ]);
}

export const idleDisableWarningSchema = z.object({
  name: line(100),
  account: line(64),
  lastActiveAt: z.coerce.date(),
  disableAt: z.coerce.date(),
  loginUrl: link,
});

export function idleDisableWarning(data: z.output<typeof idleDisableWarningSchema>, ctx: RenderContext): RenderedMail {
  return layout('提醒您：公務帳號即將因閒置停用', [
    p(`${data.name} 您好：`),
    p(`您的公務帳號「${data.account}」已長期未登入，若在停用日前仍未登入，系統將自動停用此帳號。`),
    {
      kind: 'fields',
      rows: [
        ['帳號', data.account],
        ['最後登入', formatTaipei(data.lastActiveAt)],
        ['預定停用', formatTaipei(data.disableAt)],
      ],
    },
    { kind: 'button', label: '登入公務入口網', url: resolveLink(data.loginUrl, ctx) },
    note('登入一次即可繼續使用，無須另行申請。'),
  ]);
}

export const idleDisableBlockedSchema = z.object({
  runDate: line(20),
  accounts: z
    .array(z.object({ account: line(64), name: line(100), agencyName: line(100), problem: z.string().trim().min(1).max(1000) }))
    .min(1),
  consoleUrl: link,
});

export function idleDisableBlocked(data: z.output<typeof idleDisableBlockedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`閒置停用未執行：${data.accounts.length} 個帳號未通過停用前檢查`, [
    p('系統管理者您好：'),
    p(
      `${data.runDate} 的閒置停用作業中，下列帳號已達閒置停用期間，但未通過停用前檢查，因此未停用。` +
        '請協助完成移交，系統將於次日再次檢查。',
    ),
    ...data.accounts.map((a) => ({
      kind: 'fields' as const,
      rows: [
        ['帳號', `${a.name}（${a.account}）`],
        ['機關', a.agencyName],
        ['待處理事項', a.problem],
      ] as const,
    })),
    { kind: 'button', label: '前往帳號管理', url: resolveLink(data.consoleUrl, ctx) },
    note('您收到此信是因為您是系統管理者。'),
  ]);
}
