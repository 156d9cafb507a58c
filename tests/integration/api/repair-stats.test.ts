import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RepairStats } from '../../../domain/repairs/stats';
import { createClients } from '../../../infra/clients';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { MANUAL_EXPORT_COLUMNS } from '../../support/repair-export';
import { createActiveUser, createAgencyAdmin } from './support-users';

// 報修類型管理 › 處理狀況 over HTTP with the real API and PostgreSQL: a type of its own with tickets and
// replies written straight into the database across July and August 2026 (Taipei), the figures
// checked against sums and medians worked out by hand below, who may read them (表 2), the zh-TW
// refusals of a bad range, and the 匯出 read back with exceljs.
const clients = createClients(testEnv());
const prisma = clients.prisma;

interface Who {
  id: string;
  account: string;
  name: string;
  session: ReturnType<typeof apiSession>;
}
async function login(user: { id: string; account: string; name: string }): Promise<Who> {
  const session = apiSession();
  const answer = await session.login(user.account);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { ...user, session };
}
const adminOf = (agencyCode: string, unitCode: string) => createAgencyAdmin(prisma, agencyCode, unitCode);
const org = (code: string) => prisma.organization.findUniqueOrThrow({ where: { code } });

/** A Taipei wall-clock time (2026-07-01 09:00) as an instant. */
const tpe = (local: string) => new Date(`${local.replace(' ', 'T')}:00+08:00`);
const hours = (at: Date, h: number) => new Date(at.getTime() + h * 3_600_000);
const H = 3_600;

let typeId: string;
let typeName: string;
let custodian: Who;
let vendor1: Who;
let vendor2: Who;
let plain: Who;
let g01Admin: Who;
let otherAdmin: Who;
let sysadmin: Who;
const units: Record<'u1' | 'u2' | 'u3', { id: string; name: string }> = {} as never;

/**
 * The fixtures (Taipei times), hand-computed figures in the tests:
 *   t1 07-01 09:00 u1 已結案  reply V1 +2h,                          closed +26h, rating 5
 *   t2 07-03 17:23 u1 已結案  reply V1 +4h, 退回, reply V2 +30h, 評分 4, closed +50h, returned once
 *   t3 07-12 06:29 u2 已處理  reply V2 +1h
 *   t4 07-16 08:36 u2 待處理  no reply
 *   t5 08-01 00:30 u3 待處理  reply V1 +6h, 退回 (July 31 in UTC: August in Taipei)
 *   t6 08-10 10:00 u1 已結案  reply V2 +8h, closed by itself +192h
 */
beforeAll(async () => {
  const [g01, u1, u2, u3] = await Promise.all([org('G01'), org('G01-01'), org('G01-02'), org('G02-01')]);
  Object.assign(units, { u1, u2, u3 });
  const [c, v1, v2, p, a, b, reporter] = await Promise.all([
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    createActiveUser(prisma, 'G01-91'),
    adminOf('G01', 'G01-91'),
    adminOf('G15', 'G15-01'),
    createActiveUser(prisma, 'G01-01'),
  ]);
  typeName = `公文管理系統維修-${crypto.randomBytes(3).toString('hex')}`;
  const type = await prisma.repairType.create({
    data: {
      name: typeName,
      agencyId: g01.id,
      audience: 'CITY',
      custodian1Id: c.id,
      vendors: { create: [{ userId: v1.id }, { userId: v2.id }] },
      categories: { create: [{ name: `${typeName}-一般操作問題` }] },
    },
  });
  typeId = type.id;
  const category = `${typeName}-一般操作問題`;

  let n = 0;
  async function ticket(
    local: string,
    unit: { id: string },
    fields: {
      status: 'PENDING' | 'HANDLED' | 'CLOSED';
      returnCount?: number;
      firstReply?: number;
      close?: number;
      autoClosed?: boolean;
      rating?: number;
    },
    replies: (
      { kind: 'REPLY'; by: Who; at: number; result: string } | { kind: 'RETURN' | 'RATING' | 'AUTO_CLOSE'; at: number }
    )[],
  ) {
    const createdAt = tpe(local);
    const key = `RS${Date.now().toString(36)}-${crypto.randomBytes(3).toString('hex')}-${++n}`;
    return prisma.repairTicket.create({
      data: {
        key,
        repairTypeId: typeId,
        reporterUserId: reporter.id,
        agencyId: g01.id,
        unitId: unit.id,
        reporterName: '機管測試1',
        officePhone: '2991111',
        locationId: 'loc-minzhi',
        floor: '2',
        fault: `故障 ${n}`,
        status: fields.status,
        returnCount: fields.returnCount ?? 0,
        rating: fields.rating ?? null,
        firstRepliedAt: fields.firstReply === undefined ? null : hours(createdAt, fields.firstReply),
        closedAt: fields.close === undefined ? null : hours(createdAt, fields.close),
        autoClosed: fields.autoClosed ?? false,
        createdAt,
        replies: {
          create: replies.map((r, i) =>
            r.kind === 'REPLY'
              ? {
                  seq: i + 1,
                  kind: 'REPLY' as const,
                  authorUserId: r.by.id,
                  authorName: r.by.name,
                  handlerName: `${r.by.name} 工程師`,
                  handledAt: hours(createdAt, r.at - 0.5),
                  result: r.result,
                  categoryName: category,
                  createdAt: hours(createdAt, r.at),
                }
              : {
                  seq: i + 1,
                  kind: r.kind,
                  reason: r.kind === 'RETURN' ? '仍無法使用' : null,
                  createdAt: hours(createdAt, r.at),
                },
          ),
        },
      },
    });
  }

  [custodian, vendor1, vendor2, plain, g01Admin, otherAdmin] = await Promise.all([
    login(c),
    login(v1),
    login(v2),
    login(p),
    login(a),
    login(b),
  ]);
  const sys = await prisma.user.findUniqueOrThrow({ where: { account: e2e.sysadmin() } });
  sysadmin = await login(sys);

  await ticket('2026-07-01 09:00', u1, { status: 'CLOSED', firstReply: 2, close: 26, rating: 5 }, [
    { kind: 'REPLY', by: vendor1, at: 2, result: '已重新安裝憑證元件' },
    { kind: 'RATING', at: 26 },
  ]);
  await ticket('2026-07-03 17:23', u1, { status: 'CLOSED', returnCount: 1, firstReply: 4, close: 50, rating: 4 }, [
    { kind: 'REPLY', by: vendor1, at: 4, result: '請清除瀏覽器快取' },
    { kind: 'RETURN', at: 20 },
    { kind: 'REPLY', by: vendor2, at: 30, result: '更新公文系統元件後已可使用' },
    { kind: 'RATING', at: 50 },
  ]);
  await ticket('2026-07-12 06:29', u2, { status: 'HANDLED', firstReply: 1 }, [
    { kind: 'REPLY', by: vendor2, at: 1, result: '測試處理結果回報。' },
  ]);
  await ticket('2026-07-16 08:36', u2, { status: 'PENDING' }, []);
  await ticket('2026-08-01 00:30', u3, { status: 'PENDING', returnCount: 1, firstReply: 6 }, [
    { kind: 'REPLY', by: vendor1, at: 6, result: '已遠端協助' },
    { kind: 'RETURN', at: 9 },
  ]);
  await ticket('2026-08-10 10:00', u1, { status: 'CLOSED', firstReply: 8, close: 192, autoClosed: true }, [
    { kind: 'REPLY', by: vendor2, at: 8, result: '已更換網路線' },
    { kind: 'AUTO_CLOSE', at: 192 },
  ]);
}, 90_000);

afterAll(async () => {
  if (typeId) {
    await prisma.repairTicket.deleteMany({ where: { repairTypeId: typeId } });
    await prisma.repairType.delete({ where: { id: typeId } });
  }
  await prisma.$disconnect();
});

const statsOf = async (who: Who, query = '') => {
  const answer = await who.session.get(`/api/repair-stats/${typeId}${query}`);
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return answer.body as RepairStats;
};

describe('報修類型管理 › 處理狀況 (real API, PostgreSQL)', () => {
  it('處理狀況統計, 處理狀況, 報修案量 per day and 單位案件統計 of July', async () => {
    const stats = await statsOf(custodian, '?from=2026-07-01&to=2026-07-31');
    expect(stats.type).toEqual({ id: typeId, name: typeName });
    expect(stats.range).toEqual({ from: '2026-07-01', to: '2026-07-31', granularity: 'day', granularityLabel: '每日' });
    expect(stats.summary).toMatchObject({ total: 4, pending: 1, handled: 1, closed: 2, returned: 1, returnedShare: 0.25 });
    expect(stats.statuses).toEqual([
      { status: 'PENDING', label: '待處理', count: 1 },
      { status: 'HANDLED', label: '已處理', count: 1 },
      { status: 'CLOSED', label: '已結案', count: 2 },
    ]);
    expect(stats.volume).toHaveLength(31);
    expect(stats.volume[0]).toEqual({ bucket: '2026-07-01', label: '07/01', total: 1, pending: 0, handled: 0, closed: 1 });
    expect(stats.volume.filter((b) => b.total > 0).map((b) => [b.bucket, b.total])).toEqual([
      ['2026-07-01', 1],
      ['2026-07-03', 1],
      ['2026-07-12', 1],
      ['2026-07-16', 1],
    ]);
    expect(stats.units).toEqual([
      { unitId: units.u1.id, unit: units.u1.name, total: 2, pending: 0, handled: 0, closed: 2, returned: 1 },
      { unitId: units.u2.id, unit: units.u2.name, total: 2, pending: 1, handled: 1, closed: 0, returned: 0 },
    ]);
  });

  it('the medians and the returned share, for the type and per vendor', async () => {
    const stats = await statsOf(sysadmin, '?from=2026-07-01&to=2026-07-31');
    // First reply: t1 2h, t2 4h, t3 1h → 2h. Close: t1 26h, t2 50h → 38h. Ratings 5 and 4.
    expect(stats.summary).toMatchObject({
      replied: 3,
      medianFirstReplySeconds: 2 * H,
      closedCount: 2,
      medianCloseSeconds: 38 * H,
      autoClosed: 0,
      rated: 2,
      averageRating: 4.5,
    });
    // V1 wrote t1's and t2's first replies (2h, 4h) and t1's last (closed at 26h);
    // V2 wrote t3's first (1h) and t2's last (closed at 50h). t2 was returned: half of each one's tickets.
    const byId = <T extends { userId: string | null }>(rows: T[]) => [...rows].sort((a, b) => a.userId!.localeCompare(b.userId!));
    expect(byId(stats.vendors)).toEqual(
      byId([
        {
          userId: vendor1.id,
          name: vendor1.name,
          account: vendor1.account,
          replies: 2,
          tickets: 2,
          firstReplies: 2,
          medianFirstReplySeconds: 3 * H,
          closedTickets: 1,
          medianCloseSeconds: 26 * H,
          returnedTickets: 1,
          returnedShare: 0.5,
        },
        {
          userId: vendor2.id,
          name: vendor2.name,
          account: vendor2.account,
          replies: 2,
          tickets: 2,
          firstReplies: 1,
          medianFirstReplySeconds: 1 * H,
          closedTickets: 1,
          medianCloseSeconds: 50 * H,
          returnedTickets: 1,
          returnedShare: 0.5,
        },
      ]),
    );
  });

  it('the range filter: August in Taipei holds the ticket of 00:30 on the 1st; longer ranges per week and per month', async () => {
    const august = await statsOf(g01Admin, '?from=2026-08-01&to=2026-08-31');
    // t5 first reply 6h, t6 8h → 7h; only t6 closed (192h, by itself).
    expect(august.summary).toMatchObject({
      total: 2,
      pending: 1,
      closed: 1,
      returned: 1,
      returnedShare: 0.5,
      medianFirstReplySeconds: 7 * H,
      medianCloseSeconds: 192 * H,
      autoClosed: 1,
      rated: 0,
      averageRating: null,
    });
    expect(august.volume[0]).toMatchObject({ bucket: '2026-08-01', total: 1, pending: 1 });
    // Equal totals: by the units' codes (G01-01 before G02-01).
    expect(august.units.map((u) => [u.unit, u.total, u.returned])).toEqual([
      [units.u1.name, 1, 0],
      [units.u3.name, 1, 1],
    ]);

    const oneDay = await statsOf(custodian, '?from=2026-07-03&to=2026-07-03');
    expect(oneDay.summary.total).toBe(1);
    const none = await statsOf(custodian, '?from=2026-07-04&to=2026-07-11');
    expect(none.summary).toMatchObject({
      total: 0,
      returnedShare: null,
      medianFirstReplySeconds: null,
      medianCloseSeconds: null,
    });
    expect(none.units).toEqual([]);
    expect(none.vendors).toEqual([]);

    // 92 days: per week (Monday first); the whole year: per month.
    const weeks = await statsOf(custodian, '?from=2026-06-01&to=2026-08-31');
    expect(weeks.range.granularity).toBe('week');
    expect(weeks.volume.filter((b) => b.total > 0).map((b) => [b.bucket, b.total])).toEqual([
      ['2026-06-29', 2],
      ['2026-07-06', 1],
      ['2026-07-13', 1],
      ['2026-07-27', 1],
      ['2026-08-10', 1],
    ]);
    const year = await statsOf(custodian, '?from=2026-01-01&to=2026-12-31');
    expect(year.range.granularity).toBe('month');
    expect(year.volume).toHaveLength(12);
    expect(year.volume.filter((b) => b.total > 0).map((b) => [b.label, b.total])).toEqual([
      ['2026/07', 4],
      ['2026/08', 2],
    ]);
    expect(year.summary.total).toBe(6);
    // From alone: to the end of its month.
    expect((await statsOf(custodian, '?from=2026-08-01')).range).toMatchObject({ from: '2026-08-01', to: '2026-08-31' });
  });

  it('the current month without a range', async () => {
    const stats = await statsOf(custodian);
    const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(stats.range.from).toBe(`${today.slice(0, 7)}-01`);
    expect(stats.range.to.slice(0, 7)).toBe(today.slice(0, 7));
  });

  it('is read by system admins, the agency’s admins and the 類型保管人; vendors and others get 403 in zh-TW', async () => {
    for (const who of [sysadmin, g01Admin, custodian])
      expect((await who.session.get(`/api/repair-stats/${typeId}`)).status).toBe(200);
    for (const who of [plain, vendor1, otherAdmin]) {
      for (const path of [`/api/repair-stats/${typeId}`, `/api/repair-stats/${typeId}/export`]) {
        const answer = await who.session.get(path);
        expect(answer.status, `${who.account} ${path}`).toBe(403);
        expect(answer.body.error).toEqual({ code: 'FORBIDDEN', message: '您沒有使用此功能的權限' });
      }
    }
    expect((await apiSession().get(`/api/repair-stats/${typeId}`)).status).toBe(401);
    // A second custodian reads too.
    await prisma.repairType.update({ where: { id: typeId }, data: { custodian2Id: plain.id } });
    try {
      expect((await plain.session.get(`/api/repair-stats/${typeId}`)).status).toBe(200);
    } finally {
      await prisma.repairType.update({ where: { id: typeId }, data: { custodian2Id: null } });
    }
    const missing = await sysadmin.session.get('/api/repair-stats/c0000000000000000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('找不到此報修類型');
  });

  it('refuses a bad range with 400 and the field in zh-TW', async () => {
    const cases: [string, string, string][] = [
      ['?from=2026-13-01', 'from', '起日格式錯誤（YYYY-MM-DD）'],
      ['?from=2026-07-01&to=07/31', 'to', '迄日格式錯誤（YYYY-MM-DD）'],
      ['?from=2026-07-01&from=2026-07-02', 'from', '起日格式錯誤（YYYY-MM-DD）'],
      ['?from=2026-08-01&to=2026-07-01', 'from', '起日不可晚於迄日'],
      ['?from=2025-01-01&to=2026-07-31', 'to', '查詢區間最長 366 天'],
      ['?from=0000-01-01', 'from', '起日須介於 2000-01-01 至 2099-12-31'],
      ['?to=9999-12-31', 'to', '迄日須介於 2000-01-01 至 2099-12-31'],
    ];
    for (const [query, field, message] of cases) {
      for (const path of [`/api/repair-stats/${typeId}${query}`, `/api/repair-stats/${typeId}/export${query}`]) {
        const answer = await custodian.session.get(path);
        expect(answer.status, path).toBe(400);
        expect(answer.body.error.code).toBe('VALIDATION_FAILED');
        expect(answer.body.error.fields, path).toEqual({ [field]: message });
      }
    }
  });

  it('hostile query strings are answered 200 or 400 in zh-TW, never 5xx (hostile-input.test.ts probes bodies only)', async () => {
    const value = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.constantFrom('2026-07-01', '2026-02-29', '9999-12-31', '0000-01-01', '2026-7-1', '+2026-07-01', ' 2026-07-01'),
      fc
        .date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10)),
    );
    const param = fc.constantFrom('from', 'to', 'from[]', 'to[x]', 'from[$gt]', 'page');
    const queries = fc.sample(
      fc
        .array(fc.tuple(param, value), { minLength: 1, maxLength: 3 })
        .map((pairs) =>
          pairs
            .map(([k, v]) => `${encodeURIComponent(k).replace(/%5B/g, '[').replace(/%5D/g, ']')}=${encodeURIComponent(v)}`)
            .join('&'),
        ),
      { numRuns: 60, seed: 13 },
    );
    for (const query of [...queries, 'from=%00', 'to=%ED%A0%80', `from=${'9'.repeat(5000)}`]) {
      for (const path of [`/api/repair-stats/${typeId}?${query}`, `/api/repair-stats/${typeId}/export?${query}`]) {
        const answer = await custodian.session.download(path);
        const text = answer.status === 200 ? '' : await answer.text();
        if (answer.status === 200) await answer.arrayBuffer();
        expect([200, 400], `${path} → ${answer.status} ${text}`).toContain(answer.status);
        if (answer.status === 400) {
          const { error } = JSON.parse(text) as { error: { message: string; fields?: Record<string, string> } };
          expect(error.message, path).toMatch(/[\u3400-\u9fff]/);
          for (const message of Object.values(error.fields ?? {})) expect(message, path).toMatch(/[\u3400-\u9fff]/);
        }
      }
    }
  });

  it('匯出: the manual’s 11 columns in order, one row per ticket, 處理狀況詳細 multi-line, dates in Taipei', async () => {
    const file = await custodian.session.download(`/api/repair-stats/${typeId}/export?from=2026-07-01&to=2026-08-31`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(decodeURIComponent(file.headers.get('content-disposition')!)).toContain(`${typeName}_處理狀況_20260701-20260831.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await file.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('處理狀況')!;
    const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...MANUAL_EXPORT_COLUMNS]);
    expect(sheet.rowCount).toBe(7);
    const category = `${typeName}-一般操作問題`;
    expect(values(2)).toEqual([
      typeName,
      units.u1.name,
      '機管測試1',
      '2991111',
      '民治市政中心',
      '2',
      '2026/07/01 09:00',
      '故障 1',
      '已結案',
      0,
      `處理人員：${vendor1.name} 工程師\n處理時間：2026-07-01 10:30\n處理結果：已重新安裝憑證元件\n分類：${category}`,
    ]);
    // Two replies, in order, with the return between them counted in 退回次數.
    expect(values(3).slice(6, 11)).toEqual([
      '2026/07/03 17:23',
      '故障 2',
      '已結案',
      1,
      `處理人員：${vendor1.name} 工程師\n處理時間：2026-07-03 20:53\n處理結果：請清除瀏覽器快取\n分類：${category}\n\n` +
        `處理人員：${vendor2.name} 工程師\n處理時間：2026-07-04 22:53\n處理結果：更新公文系統元件後已可使用\n分類：${category}`,
    ]);
    expect(sheet.getRow(3).getCell(11).alignment).toMatchObject({ wrapText: true });
    // 待處理 without a reply: the detail is empty. The ticket of 00:30 on 1 August (Taipei) is dated so.
    expect(values(5).slice(6, 10)).toEqual(['2026/07/16 08:36', '故障 4', '待處理', 0]);
    expect(sheet.getRow(5).getCell(11).text).toBe('');
    expect(values(6).slice(6, 10)).toEqual(['2026/08/01 00:30', '故障 5', '待處理', 1]);
    expect(values(7)[8]).toBe('已結案');

    // The range filters the export like the statistics.
    const july = await custodian.session.download(`/api/repair-stats/${typeId}/export?from=2026-07-01&to=2026-07-31`);
    const julyBook = new ExcelJS.Workbook();
    await julyBook.xlsx.load(Buffer.from(await july.arrayBuffer()) as unknown as ArrayBuffer);
    expect(julyBook.getWorksheet('處理狀況')!.rowCount).toBe(5);
  });
});
