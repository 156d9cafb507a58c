import { z } from 'zod';
import { formatTaipei, line, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

export const passwordChangedSchema = z.object({
  name: line(100),
  account: line(64),
  /** 開通帳號 / 忘記密碼 / 密碼逾期變更 / 密碼修改. */
  reason: line(20),
  /** How the person proved who they were, e.g. 備用信箱, 手機簡訊, 行動自然人憑證. */
  method: line(20),
  changedAt: z.coerce.date(),
  ip: line(64).optional(),
});

/** 密碼變更通知: sent after every password set, so an unexpected change is noticed. Never the password. */
export function passwordChanged(data: z.output<typeof passwordChangedSchema>, _ctx: RenderContext): RenderedMail {
  return layout('密碼變更通知', [
    p(`${data.name} 您好：`),
    p(`您的臺南市政府公務帳號密碼已於 ${formatTaipei(data.changedAt)} 完成設定（${data.reason}）。`),
    {
      kind: 'fields',
      rows: [
        ['帳號', data.account],
        ['作業', data.reason],
        ['身分驗證方式', data.method],
        ...(data.ip ? ([['來源 IP', data.ip]] as const) : []),
      ],
    },
    p('其他已登入的裝置已被登出，請使用新密碼重新登入。'),
    note('若這不是您本人的操作，請立即使用「忘記密碼」重設密碼，並聯絡貴機關資訊人員或系統管理員。'),
  ]);
}
