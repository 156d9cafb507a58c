import { z } from 'zod';
import { formatTaipei, line, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

/** Letters and digits that cannot be mistaken for one another (no 0/O/o, 1/l/I/i). */
export const TEMPORARY_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

export const temporaryPasswordSchema = z.object({
  name: line(100),
  account: line(64),
  password: z.string().regex(/^[A-Za-z0-9]{12}$/, '臨時密碼須為 12 位英數字'),
  minutes: z.int().min(1).max(1440),
});

/** 臨時密碼 (登入方式四): the one-time password itself, only in the body. */
export function temporaryPassword(data: z.output<typeof temporaryPasswordSchema>, _ctx: RenderContext): RenderedMail {
  // The password stays out of the subject: subjects show up in notifications, lock screens and logs.
  return layout('臨時密碼通知', [
    p(`${data.name} 您好：`),
    p(`您於單一帳號認證平台申請以「臨時密碼」登入帳號 ${data.account}，請使用以下臨時密碼，並再次輸入圖形驗證碼後點擊「登入」。`),
    { kind: 'code', label: '您的臨時密碼為：', value: data.password },
    p(`臨時密碼僅能使用一次，將於 ${data.minutes} 分鐘後失效；若重新申請，先前寄出的臨時密碼即失效。`),
    note('為保護您的帳號安全，請勿將臨時密碼提供給任何人；本府人員不會向您索取密碼。若您未申請臨時密碼，請忽略本信件。'),
  ]);
}

export const accountBindingChangedSchema = z.object({
  name: line(100),
  account: line(64),
  /** What changed, in the manual's words: 啟用 OTP 驗證, 手機號碼綁定, 備用電子郵件重新綁定 … */
  change: line(40),
  /** A detail that is safe to mail (a masked number or address), optional. */
  detail: line(200).optional(),
  changedAt: z.coerce.date(),
  ip: line(64).optional(),
});

/** 個人帳號管理 › a binding changed (OTP, 手機號碼, 備用電子郵件, 自然人憑證): so an unexpected change is noticed. */
export function accountBindingChanged(data: z.output<typeof accountBindingChangedSchema>, _ctx: RenderContext): RenderedMail {
  return layout(`帳號安全通知：${data.change}`, [
    p(`${data.name} 您好：`),
    p(`您的臺南市政府公務帳號已於 ${formatTaipei(data.changedAt)} 完成「${data.change}」。`),
    {
      kind: 'fields',
      rows: [
        ['帳號', data.account],
        ['異動項目', data.change],
        ...(data.detail ? ([['內容', data.detail]] as const) : []),
        ...(data.ip ? ([['來源 IP', data.ip]] as const) : []),
      ],
    },
    p('您可於公務入口網「個人帳號管理」查看目前的綁定狀態，並於「個人帳號使用紀錄」查詢異動紀錄。'),
    note('若這不是您本人的操作，請立即變更密碼，並聯絡貴機關資訊人員或系統管理員。'),
  ]);
}
