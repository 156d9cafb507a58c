import { z } from 'zod';
import { formatTaipei, line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// Mail to approvers (reminders, escalations) and the applicant's notice that an undecided request
// expired. No personal identifiers beyond the applicant's name and agency.
export const approvalReminderSchema = z.object({
  requestType: line(60),
  applicantName: line(100),
  agencyName: line(100),
  submittedAt: z.coerce.date(),
  inboxUrl: link,
  /** True when the mail goes to the system admins because the agency's admins did not decide. */
  escalated: z.boolean().default(false),
});

export function approvalReminder(data: z.output<typeof approvalReminderSchema>, ctx: RenderContext): RenderedMail {
  return layout(data.escalated ? `${data.requestType}逾期未審核，請協助處理` : `提醒您：有待審核的${data.requestType}`, [
    p('您好：'),
    p(
      data.escalated
        ? `${data.agencyName} 的「${data.requestType}」已超過審核期限仍未處理，依規定轉請系統管理者協助審核。`
        : `${data.agencyName} 有一件「${data.requestType}」尚待您審核。`,
    ),
    {
      kind: 'fields',
      rows: [
        ['申請人', data.applicantName],
        ['機關', data.agencyName],
        ['申請時間', formatTaipei(data.submittedAt)],
      ],
    },
    { kind: 'button', label: '前往審核', url: resolveLink(data.inboxUrl, ctx) },
    note('您收到此信是因為您是該機關的機關管理者、系統管理者，或其指定的代理人。'),
  ]);
}

export const applicationExpiredSchema = z.object({
  name: line(100),
  requestType: line(60),
  statusUrl: link.optional(),
  /** What to do now, when not 「如仍需帳號…」 (a booking: the slot has started). */
  hint: z.string().trim().max(500).optional(),
});

export function applicationExpired(data: z.output<typeof applicationExpiredSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.requestType}已逾期失效`, [
    p(`${data.name} 您好：`),
    p(
      `您的「${data.requestType}」在審核期限內未經審核，已失效。${data.hint ?? '如仍需帳號，請重新提出申請，或洽所屬機關的機關管理者。'}`,
    ),
    ...(data.statusUrl ? [{ kind: 'button' as const, label: '查詢案件進度', url: resolveLink(data.statusUrl, ctx) }] : []),
  ]);
}
