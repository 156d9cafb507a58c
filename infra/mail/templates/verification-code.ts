import { z } from 'zod';
import { line, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

export const verificationCodeSchema = z.object({
  code: z.string().regex(/^[0-9A-Za-z]{4,12}$/, '驗證碼須為 4–12 位英數字'),
  minutes: z.int().min(1).max(1440),
  /** What the code is for, e.g. 電子郵件驗證, 忘記密碼, 帳號啟用. */
  purpose: line(40).optional(),
});

export function verificationCode(data: z.output<typeof verificationCodeSchema>, _ctx: RenderContext): RenderedMail {
  // The code stays out of the subject: subjects show up in notifications, lock screens and logs.
  return layout('驗證碼通知', [
    p(data.purpose ? `您正在進行「${data.purpose}」，請使用以下驗證碼完成驗證。` : '請使用以下驗證碼完成驗證。'),
    { kind: 'code', label: '您的驗證碼為：', value: data.code },
    p(`驗證碼將於 ${data.minutes} 分鐘後失效，請儘速輸入。`),
    note('為保護您的帳號安全，請勿將驗證碼提供給任何人；本府人員不會向您索取驗證碼。若您未進行此項操作，請忽略本信件。'),
  ]);
}
