import { z } from 'zod';
import { line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// 線上報修 mails beside the reporter's (application.ts): to the type's 維修人員 (a new or returned
// ticket, and the reminder when it waits too long) and to its 類型保管人 (the escalation).

export const repairTicketNoticeSchema = z.object({
  kind: z.enum(['submitted', 'returned', 'reminder', 'escalated']),
  ticketKey: line(40),
  repairType: line(100),
  unitName: line(200),
  reporterName: line(100),
  location: line(200),
  floor: line(40),
  fault: z.string().trim().min(1).max(1000),
  /** 退回原因 of a returned ticket. */
  reason: z.string().trim().max(1000).optional(),
  /** Hours it has waited (reminder, escalation). */
  waitedHours: z.number().nonnegative().optional(),
  ticketUrl: link,
});

export function repairTicketNotice(data: z.output<typeof repairTicketNoticeSchema>, ctx: RenderContext): RenderedMail {
  const subject = {
    submitted: `有一件新的報修案件待您處理（${data.repairType}）`,
    returned: `報修案件已被退回，請重新處理（${data.repairType}）`,
    reminder: `提醒您：有待處理的報修案件（${data.repairType}）`,
    escalated: `報修案件逾期未處理，請協助追蹤（${data.repairType}）`,
  }[data.kind];
  const waited = data.waitedHours !== undefined ? `已超過 ${data.waitedHours} 小時` : '已逾期';
  const lead = {
    submitted: `「${data.repairType}」有一件新的報修案件，請至「報修處理狀況回報」回覆處理狀況。`,
    returned: `「${data.repairType}」的報修案件已由報修人退回，請重新處理並回覆處理狀況。`,
    reminder: `「${data.repairType}」的報修案件待處理${waited}仍未回覆，請儘速處理。`,
    escalated: `「${data.repairType}」的報修案件待處理${waited}仍未回覆，已提醒維修人員，請協助追蹤。`,
  }[data.kind];
  return layout(subject, [
    p('您好：'),
    p(lead),
    {
      kind: 'fields',
      rows: [
        ['案件編號', data.ticketKey],
        ['報修類型', data.repairType],
        ['報修單位', data.unitName],
        ['報修人員', data.reporterName],
        ['所在地點', data.location],
        ['所在樓層', data.floor],
        ['故障原因', data.fault],
        ...(data.reason ? [['退回原因', data.reason] as [string, string]] : []),
      ],
    },
    { kind: 'button', label: data.kind === 'escalated' ? '查看報修案件' : '前往處理', url: resolveLink(data.ticketUrl, ctx) },
    note(
      data.kind === 'escalated' ? '您收到此信是因為您是該報修類型的類型保管人。' : '您收到此信是因為您是該報修類型的維修人員。',
    ),
  ]);
}
