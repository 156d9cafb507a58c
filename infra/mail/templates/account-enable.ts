import { z } from 'zod';
import { line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// 帳號管理 › 啟用 / 重設為待開通: the user's notice. Never a password: after a reset the user sets
// one on the 開通帳號 page.

export const accountEnabledSchema = z.object({
  name: line(100),
  account: line(64),
  kind: z.enum(['ENABLED', 'RESET']),
  reason: line(500),
  activationUrl: link,
  loginUrl: link,
});

export function accountEnabled(data: z.output<typeof accountEnabledSchema>, ctx: RenderContext): RenderedMail {
  const fields = {
    kind: 'fields' as const,
    rows: [['帳號', data.account] as [string, string], ['說明', data.reason] as [string, string]],
  };
  if (data.kind === 'ENABLED') {
    return layout('您的公務帳號已重新啟用', [
      p(`${data.name} 您好：`),
      p(`您的公務帳號「${data.account}」已由管理者重新啟用，可使用原密碼登入公務入口網及各應用系統。`),
      fields,
      { kind: 'button', label: '登入公務入口網', url: resolveLink(data.loginUrl, ctx) },
      note('若您忘記密碼，請於登入頁使用「忘記密碼」。'),
    ]);
  }
  return layout('您的公務帳號已重設，請重新開通帳號', [
    p(`${data.name} 您好：`),
    p(
      `您的公務帳號「${data.account}」已由管理者重設為待開通，原密碼已失效。請使用「開通帳號」驗證身分並設定新密碼後，即可再次登入。`,
    ),
    fields,
    { kind: 'button', label: '開通帳號', url: resolveLink(data.activationUrl, ctx) },
    note('若您並未要求重設帳號，請通知貴機關的機關管理者。'),
  ]);
}
