import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUsers } from '../../../prisma/seed-users';
import { latestMail, proofHeaders, verifiedHeaders, verifyEmail } from '../../support/applicant';
import { e2e, eventually } from '../../support/env';
import { apiSession } from '../../support/http';
import { testPrisma } from '../db/helpers';

const prisma = testPrisma();
const email = `${e2e.user()}@example.com`;
// One 備用信箱 verification for the whole file: it lasts 30 minutes, and a second code for the same
// address and purpose within a minute is refused (RESEND_TOO_SOON).
let token: string;
beforeAll(async () => {
  token = await verifyEmail('ADMIN_LOOKUP', email);
});
afterAll(() => prisma.$disconnect());

/** Nothing private of an admin in an answer: backup e-mail, mobile number, ID number. */
async function expectNoPrivateData(body: unknown) {
  const text = JSON.stringify(body);
  for (const key of ['backupEmail', 'mobile', 'nationalId', 'nationalIdHash', 'account']) expect(text).not.toContain(`"${key}"`);
  const admins = await prisma.user.findMany({ where: { roles: { some: {} } } });
  for (const admin of admins) {
    if (admin.backupEmail) expect(text).not.toContain(admin.backupEmail);
    if (admin.mobile) expect(text).not.toContain(admin.mobile);
    expect(text).not.toContain(admin.nationalIdHash);
  }
}

/** 民政局's seeded admin is listed and its general staff are not (other suites may approve more admins there). */
function expectCabAdmins(items: { name: string }[]) {
  const names = items.map((i) => i.name);
  expect(names).toContain('張家豪');
  expect(names).not.toContain('李雅婷');
}

describe('機關管理員查詢 (GET /api/agency-admin-lookup/:agencyCode, not logged in)', () => {
  it('after 備用信箱 verification lists the chosen agency’s admins with unit, title, phone and official mail only', async () => {
    const mail = await latestMail(email, '驗證碼');
    expect(mail.body).toContain('機關管理員查詢');

    const anonymous = apiSession();
    const { status, body } = await anonymous.get('/api/agency-admin-lookup/G25', verifiedHeaders(token));
    expect(status).toBe(200);
    expect(body.agency).toEqual({ code: 'G25', name: '智慧發展中心' });
    expect(body.fallback).toBe(false);
    expect(body.items).toEqual([
      {
        name: '林怡君',
        unit: expect.stringContaining('智慧發展中心-'),
        title: '科長',
        officePhone: '2991111',
        officeExt: '8101',
        officialMail: 'sdcadmin@mail.tainan.gov.tw',
      },
    ]);
    await expectNoPrivateData(body);

    // The same verification looks up another agency while it lasts.
    const cab = await anonymous.get('/api/agency-admin-lookup/G01', verifiedHeaders(token));
    expectCabAdmins(cab.body.items);
  });

  it('an agency without an admin of its own lists the system admins, who decide its requests', async () => {
    const { status, body } = await apiSession().get('/api/agency-admin-lookup/G02', verifiedHeaders(token));
    expect(status).toBe(200);
    expect(body).toMatchObject({ agency: { code: 'G02', name: '財政稅務局' }, fallback: true });
    expect(body.items.map((i: { name: string }) => i.name)).toContain('系統管理者');
    await expectNoPrivateData(body);
  });

  it('without a verification, with a wrong token, or for a unit that is not an agency, answers nothing', async () => {
    const anonymous = apiSession();
    const none = await anonymous.get('/api/agency-admin-lookup/G25');
    expect(none.status).toBe(401);
    expect(none.body.error.code).toBe('VERIFICATION_REQUIRED');
    expect((await anonymous.get('/api/agency-admin-lookup/G25', { 'X-Verification-Token': 'nonsense' })).status).toBe(401);
    expect((await anonymous.get('/api/agency-admin-lookup/G25', { 'X-Identity-Proof': 'nonsense' })).status).toBe(401);
    const missing = await anonymous.get('/api/agency-admin-lookup/NOPE', verifiedHeaders(token));
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toBe('找不到此機關，請重新選擇');
  });

  it('after 行動自然人憑證 (a VERIFY identity proof) lists the admins as well', async () => {
    const simulator = process.env.MOI_SIMULATOR_URL;
    if (!simulator) throw new Error('MOI_SIMULATOR_URL is not set (npm test sets it)');
    const nationalId = seedUsers.find((u) => u.account === 'cabuser1')!.nationalId;
    const s = apiSession();
    const started = await s.post('/api/identity/mobile-cert/start', { purpose: 'VERIFY', nationalId });
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const approve = await fetch(`${simulator}/__operator/approve`, {
      method: 'POST',
      body: JSON.stringify({ id_num: nationalId }),
    });
    expect(approve.status).toBe(200);
    await eventually(async () => (await s.get(`/api/identity/mobile-cert/${started.body.id}`)).body.status === 'APPROVED', {
      timeoutMs: 30_000,
      intervalMs: 1_000,
    });
    const proof = await s.post(`/api/identity/mobile-cert/${started.body.id}/proof`, { purpose: 'VERIFY' });
    expect(proof.status).toBe(201);
    const { status, body } = await apiSession().get('/api/agency-admin-lookup/G01', proofHeaders(proof.body.token));
    expect(status).toBe(200);
    expectCabAdmins(body.items);
    await expectNoPrivateData(body);
    // Looking up does not spend the proof: it still answers for another agency.
    expect((await apiSession().get('/api/agency-admin-lookup/G25', proofHeaders(proof.body.token))).status).toBe(200);
  });

  it('mails no code to an address no account or application uses (same answer to the browser)', async () => {
    const s = apiSession();
    const email = `unknown_${Date.now()}@example.org`;
    const captcha = await s.captcha();
    const started = await s.post('/api/verifications/email', { purpose: 'ADMIN_LOOKUP', email, ...captcha });
    expect(started.status).toBe(201);
    const row = await prisma.emailVerification.findUniqueOrThrow({ where: { id: started.body.verificationId } });
    expect(row).toMatchObject({ purpose: 'STATUS', delivered: false });
  });
});

describe('本機關管理者 (GET /api/communication/agency-admins, logged in)', () => {
  it("lists the admins of the user's own agency; anonymous callers get 401", async () => {
    const user = apiSession();
    expect((await user.login(e2e.user())).status).toBe(200);
    const { status, body } = await user.get('/api/communication/agency-admins');
    expect(status).toBe(200);
    expect(body.agency.code).toBe('G25');
    expect(body.items.map((i: { name: string; title: string }) => `${i.name} ${i.title}`)).toEqual(['林怡君 科長']);
    await expectNoPrivateData(body);

    const cab = apiSession();
    expect((await cab.login('cabadmin')).status).toBe(200);
    expectCabAdmins((await cab.get('/api/communication/agency-admins')).body.items);

    expect((await apiSession().get('/api/communication/agency-admins')).status).toBe(401);
  });
});
