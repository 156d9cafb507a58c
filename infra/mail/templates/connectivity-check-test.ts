import { z } from 'zod';
import { formatTaipei, line, type RenderContext } from './format';
import { layout, p, type RenderedMail } from './layout';

export const connectivityCheckTestSchema = z.object({
  checkedAt: z.coerce.date(),
  /** Who ran 連線測試 (name or account). */
  requestedBy: line(100).optional(),
});

export function connectivityCheckTest(data: z.output<typeof connectivityCheckTestSchema>, _ctx: RenderContext): RenderedMail {
  return layout('郵件伺服器連線測試', [
    p('這是一封由管理主控台「連線測試」功能發送的測試信件。收到本信件，表示系統可以透過郵件伺服器正常寄送電子郵件。'),
    {
      kind: 'fields',
      rows: [['測試時間', formatTaipei(data.checkedAt)], ...(data.requestedBy ? [['執行人員', data.requestedBy] as const] : [])],
    },
    p('本信件無須任何處理。'),
  ]);
}
