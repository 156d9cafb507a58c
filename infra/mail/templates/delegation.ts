import { z } from 'zod';
import { formatTaipei, line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// 代理人設定: the deputy is told they were named, the approver that their deputy decided one of their
// requests (who, which request, the decision). No personal identifiers beyond names.
export const delegationAssignedSchema = z.object({
  deputyName: line(100),
  principalName: line(100),
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  consoleUrl: link,
});

export function delegationAssigned(data: z.output<typeof delegationAssignedSchema>, ctx: RenderContext): RenderedMail {
  return layout(`${data.principalName} 已指定您為審核代理人`, [
    p(`${data.deputyName} 您好：`),
    p(`${data.principalName} 已指定您在下列期間代理其審核工作；期間內您可在管理主控台看見並審核其待審核的申請。`),
    {
      kind: 'fields',
      rows: [
        ['被代理人', data.principalName],
        ['代理開始', formatTaipei(data.startsAt)],
        ['代理結束', formatTaipei(data.endsAt)],
      ],
    },
    { kind: 'button', label: '前往管理主控台', url: resolveLink(data.consoleUrl, ctx) },
    note('您收到此信是因為您被指定為代理人；如有疑問請洽被代理人。'),
  ]);
}

export const delegatedDecisionSchema = z.object({
  principalName: line(100),
  deputyName: line(100),
  requestType: line(60),
  applicantName: line(100),
  decision: z.enum(['APPROVE', 'REJECT', 'RETURN']),
  decidedAt: z.coerce.date(),
  detailUrl: link,
});

export function delegatedDecision(data: z.output<typeof delegatedDecisionSchema>, ctx: RenderContext): RenderedMail {
  const verdict = { APPROVE: '核准', REJECT: '駁回', RETURN: '退回補正' }[data.decision];
  return layout(`您的代理人 ${data.deputyName} 已${verdict}一件${data.requestType}`, [
    p(`${data.principalName} 您好：`),
    p(`您的代理人 ${data.deputyName} 已代理您審核下列申請。`),
    {
      kind: 'fields',
      rows: [
        ['申請類別', data.requestType],
        ['申請人', data.applicantName],
        ['審核結果', verdict],
        ['審核時間', formatTaipei(data.decidedAt)],
      ],
    },
    { kind: 'button', label: '檢視申請', url: resolveLink(data.detailUrl, ctx) },
    note('您收到此信是因為您在個人帳號管理的代理人設定中指定了代理人。'),
  ]);
}
