import { z } from 'zod';
import { line, link, resolveLink, type RenderContext } from './format';
import { layout, note, p, type RenderedMail } from './layout';

// 場地借用 / 公務車借用 mails beside the applicant's (application.ts): to the resource's custodians
// (保管人) and to a dispatched driver's 管理人. Names, times and the reason only; no phone numbers.

export const bookingForCustodianSchema = z.object({
  kind: z.enum(['submitted', 'reminder', 'cancelled']),
  requestType: line(60),
  resource: line(200),
  when: line(60),
  applicantName: line(100),
  unitName: line(200),
  reason: z.string().trim().max(1000),
  inboxUrl: link,
});

export function bookingForCustodian(data: z.output<typeof bookingForCustodianSchema>, ctx: RenderContext): RenderedMail {
  const subject = {
    submitted: `有一件新的${data.requestType}待您審核`,
    reminder: `提醒您：有待審核的${data.requestType}`,
    cancelled: `${data.requestType}已由申請人取消`,
  }[data.kind];
  return layout(subject, [
    p('您好：'),
    p(
      data.kind === 'cancelled'
        ? `以下「${data.requestType}」已由申請人取消，該時段已釋出。`
        : `您保管的 ${data.resource} 有一件「${data.requestType}」尚待審核，請於借用時段開始前審核；逾時未審核的申請將自動失效。`,
    ),
    {
      kind: 'fields',
      rows: [
        ['借用項目', data.resource],
        ['借用時段', data.when],
        ['登記者', data.applicantName],
        ['借用單位', data.unitName],
        ['申請事由', data.reason],
      ],
    },
    { kind: 'button', label: data.kind === 'cancelled' ? '查看申請' : '前往審核', url: resolveLink(data.inboxUrl, ctx) },
    note('您收到此信是因為您是該物品的保管人。'),
  ]);
}

export const driverDispatchSchema = z.object({
  kind: z.enum(['dispatched', 'cancelled']),
  driverName: line(100),
  car: line(200),
  when: line(60),
  destination: z.string().trim().max(200),
  applicantName: line(100),
  unitName: line(200),
});

export function driverDispatch(data: z.output<typeof driverDispatchSchema>): RenderedMail {
  const dispatched = data.kind === 'dispatched';
  return layout(dispatched ? `派遣通知：${data.driverName} ${data.when}` : `派遣取消：${data.driverName} ${data.when}`, [
    p('您好：'),
    p(
      dispatched
        ? `您管理的派遣司機 ${data.driverName} 已被派遣，請協助轉知。`
        : `您管理的派遣司機 ${data.driverName} 原定的派遣已取消。`,
    ),
    {
      kind: 'fields',
      rows: [
        ['公務車', data.car],
        ['派遣時段', data.when],
        ['目的地', data.destination],
        ['登記者', data.applicantName],
        ['借用單位', data.unitName],
      ],
    },
    note('您收到此信是因為您是該司機的管理人。'),
  ]);
}
