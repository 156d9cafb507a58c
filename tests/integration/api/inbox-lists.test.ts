// 帳號申請審核's list at a city's scale: a capped count (「1,000+」), pages that step by cursor (rows
// sharing a timestamp neither repeat nor go missing), and the keyword as a prefix of account or name.
// The rows are read-model rows of a throw-away agency, chosen with the 機關 filter of a system admin.
import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { testEnv } from '../../support/env';
import { apiSession } from '../../support/http';

const { prisma } = createClients(testEnv());
const code = `IN${crypto.randomBytes(3).toString('hex').toUpperCase()}`;
const ROWS = 1_005;
const base = '/api/console/account-applications';
let agencyId = '';

beforeAll(async () => {
  const agency = await prisma.organization.create({
    data: { code, name: `清單測試機關${code}`, kind: 'EXTERNAL_AGENCY', adOu: `OU=${code}` },
  });
  agencyId = agency.id;
  const start = Date.parse('2026-01-01T00:00:00Z');
  await prisma.request.createMany({
    data: Array.from({ length: ROWS }, (_r, i) => ({
      workflowId: `account-application-${code}-${i}`,
      type: 'ACCOUNT_APPLICATION' as const,
      status: i % 10 === 0 ? 'PENDING' : 'APPROVED',
      statusLabel: i % 10 === 0 ? '待機關管理者審核' : '已核准',
      agencyId,
      applicantAccount: `${code.toLowerCase()}u${String(i).padStart(4, '0')}`,
      applicantName: i === 7 ? '陳志明' : i === 8 ? '林陳明' : `測試${i}`,
      summary: { applicationId: crypto.randomUUID() },
      // Pairs of rows share a timestamp: the cursor's id breaks the tie.
      createdAt: new Date(start + Math.floor(i / 2) * 60_000),
    })),
  });
});
afterAll(async () => {
  await prisma.request.deleteMany({ where: { agencyId } });
  await prisma.organization.delete({ where: { id: agencyId } });
  await prisma.$disconnect();
});

async function sysadmin() {
  const session = apiSession();
  expect((await session.login('sysadmin')).status).toBe(200);
  return session;
}

describe('帳號申請審核 list at scale', () => {
  it('counts up to 1,000 and then says 1,000+, stepping through pages by cursor without repeats or gaps', async () => {
    const admin = await sysadmin();
    const list = (search: string) => admin.get(`${base}?agencyCode=${code}&status=ALL&pageSize=50&${search}`);
    const first = await list('page=0');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ total: 1000, totalCapped: true, prevCursor: null });
    const byOffset = (await list('page=1')).body;
    const second = (await list(`page=1&after=${first.body.nextCursor}`)).body;
    expect(second.items.map((r: { id: string }) => r.id)).toEqual(byOffset.items.map((r: { id: string }) => r.id));
    // Back from the second page is the first page again.
    const back = (await list(`page=0&before=${second.prevCursor}`)).body;
    expect(back.items.map((r: { id: string }) => r.id)).toEqual(first.body.items.map((r: { id: string }) => r.id));
    // Every row once, newest first, to the last page (which has no next page).
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { body: { items: { id: string; submittedAt: string }[]; nextCursor: string | null } } = await list(
        cursor ? `after=${cursor}` : 'page=0',
      );
      seen.push(...page.body.items.map((r) => r.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 30);
    expect(seen).toHaveLength(ROWS);
    expect(new Set(seen).size).toBe(ROWS);

    const pending = (await admin.get(`${base}?agencyCode=${code}&status=PENDING&pageSize=100`)).body;
    expect(pending).toMatchObject({ total: 101, totalCapped: false });
  });

  it('finds an applicant by the start of the account or of the name (陳志明 by 陳 and by 陳志明, not by 志明)', async () => {
    const admin = await sysadmin();
    const names = async (q: string) =>
      (await admin.get(`${base}?agencyCode=${code}&status=ALL&q=${encodeURIComponent(q)}`)).body.items.map(
        (r: { name: string }) => r.name,
      );
    expect(await names('陳志明')).toEqual(['陳志明']);
    expect(await names('陳')).toEqual(['陳志明']);
    expect(await names('志明')).toEqual([]);
    // A name prefix is counted along the name index: the same count as the rows found.
    const surname = (await admin.get(`${base}?agencyCode=${code}&status=ALL&q=${encodeURIComponent('陳')}`)).body;
    expect(surname).toMatchObject({ total: 1, totalCapped: false });
    expect(await names(`${code.toUpperCase()}u0008`)).toEqual(['林陳明']);
  });

  it('refuses a cursor it did not issue, in zh-TW', async () => {
    const admin = await sysadmin();
    const answer = await admin.get(`${base}?after=not-a-cursor`);
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('分頁位置格式錯誤');
  });
});
