import { z } from 'zod';
import { formatTaipei, line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

export const accountActivationGuideSchema = z.object({
  name: line(100),
  /** The new account (sAMAccountName); never a password — the applicant sets it on the activation page. */
  account: line(64),
  activationUrl: link,
  expiresAt: z.coerce.date().optional(),
});

export function accountActivationGuide(data: z.output<typeof accountActivationGuideSchema>, ctx: RenderContext): RenderedMail {
  const url = resolveLink(data.activationUrl, ctx);
  return layout('開通帳號說明', [
    p(`${data.name} 您好：`),
    p('您申請的臺南市政府公務入口網帳號已審核通過並建立，請依下列步驟開通帳號後使用。'),
    { kind: 'fields', rows: [['帳號', data.account]] },
    {
      kind: 'steps',
      items: [
        '點選下方「開通帳號」按鈕，開啟單一帳號認證平台的開通帳號頁面。',
        '依畫面指示完成身分驗證，並設定符合本府密碼原則的密碼。',
        '完成後即可使用此帳號登入公務入口網，以及以單一帳號登入已整合的各業務系統。',
      ],
    },
    { kind: 'button', label: '開通帳號', url },
    ...(data.expiresAt ? [p(`開通帳號期限至 ${formatTaipei(data.expiresAt)}，逾期請洽貴機關帳號管理人員重新寄送。`)] : []),
    note('若您並未申請本帳號，請忽略本信件並通知貴機關資訊人員。'),
  ]);
}
