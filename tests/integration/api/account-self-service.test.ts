import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { agencyAdminGroupName } from '../../../activities/self-service';
import { latestMail } from '../../support/applicant';
import { e2e, eventually } from '../../support/env';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD } from '../../support/reset-users';

// 個人帳號管理 over HTTP: 密碼修改, 公務資料/個人資料, 個人圖像, 權限異動申請 and its review inbox.
const { prisma, ad, newUser } = useAccountSandbox('selfsvc');

/** An active user (database + AD, same password) logged in through the SSO. */
async function loggedIn() {
  const user = await newUser({ prefix: 'ss' });
  const session = apiSession();
  const login = await session.login(user.account, FIRST_PASSWORD);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { user, session };
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

async function putAvatar(session: ReturnType<typeof apiSession>, body: Buffer, type = 'image/png') {
  const response = await fetch(`${e2e.baseUrl()}/api/account/avatar`, {
    method: 'PUT',
    headers: { 'content-type': type, cookie: session.jar.header() },
    body: new Uint8Array(body),
  });
  return {
    status: response.status,
    body: (await response.json()) as { error?: { code: string; message: string }; mimeType?: string },
  };
}

describe('個人帳號管理 › 密碼修改', () => {
  it('a wrong old password is refused in words and changes nothing; the right one changes it (AD too), keeps this session', async () => {
    const { user, session } = await loggedIn();
    const NEW = 'Changed!2026x';
    const empty = await session.post('/api/account/password', { oldPassword: '', password: NEW, confirmPassword: NEW });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({ oldPassword: '請輸入舊密碼' });

    const wrong = await session.post('/api/account/password', {
      oldPassword: 'Not-The-One!1',
      password: NEW,
      confirmPassword: NEW,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'OLD_PASSWORD_WRONG', message: '舊密碼錯誤，請重新輸入' });
    const unchanged = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(unchanged.passwordHash).toBe(user.passwordHash);
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).toBe(200);

    // 密碼規則 still apply, with the old password right.
    const weak = await session.post('/api/account/password', {
      oldPassword: FIRST_PASSWORD,
      password: 'short',
      confirmPassword: 'short',
    });
    expect(weak.body.error.code).toBe('PASSWORD_POLICY');
    const reused = await session.post('/api/account/password', {
      oldPassword: FIRST_PASSWORD,
      password: FIRST_PASSWORD,
      confirmPassword: FIRST_PASSWORD,
    });
    expect(reused.body.error.code).toBe('PASSWORD_REUSED');

    const done = await session.post('/api/account/password', {
      oldPassword: FIRST_PASSWORD,
      password: NEW,
      confirmPassword: NEW,
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    // This session stays; the page shows who/when/why.
    const page = await session.get('/api/account');
    expect(page.status).toBe(200);
    expect(page.body.password).toMatchObject({ changedBy: user.account, note: '密碼修改' });
    expect((await apiSession().login(user.account, FIRST_PASSWORD)).status).not.toBe(200);
    expect((await apiSession().login(user.account, NEW)).status).toBe(200);
    expect((await latestMail(user.email, '密碼變更通知')).body).toContain('密碼修改');
    await eventually(async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).adSyncStatus === 'SYNCED', {
      timeoutMs: 45_000,
    });
    expect(await ad.verifyPassword(user.account, NEW)).toBe(true);
  }, 120_000);

  it('needs a login', async () => {
    expect((await apiSession().post('/api/account/password', { oldPassword: 'x' })).status).toBe(401);
  });
});

describe('個人帳號管理 › 公務資料、個人資料', () => {
  it('names each bad field and stores nothing; a good edit shows at once, is recorded and reaches AD', async () => {
    const { user, session } = await loggedIn();
    const bad = await session.put('/api/account/profile', {
      title: '',
      officePhone: '12',
      name: '   ',
      birthday: '2099-01-01',
      residenceAddress: 'x'.repeat(201),
      workAddress: '',
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['birthday', 'name', 'officePhone', 'residenceAddress', 'title']);
    expect(bad.body.error.fields).toMatchObject({
      title: '請輸入職稱',
      name: '請輸入您的真實姓名',
      birthday: '生日須介於 1900-01-01 與今天之間',
      residenceAddress: '住址(現居地)不可超過200個字元',
    });
    expect(
      (await session.put('/api/account/profile', { title: '科員', officePhone: '2991111', name: '王', birthday: '1990-02-30' }))
        .body.error.fields.birthday,
    ).toBe('生日格式錯誤，請以 YYYY-MM-DD 輸入（例如 1986-06-23）');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);

    const good = await session.put('/api/account/profile', {
      title: '資訊科 科長',
      officePhone: '2991111',
      officeExt: '8123',
      name: '王大明',
      birthday: '1986-06-23',
      residenceAddress: '臺南市東區府連路1號',
      workAddress: '臺南市安平區永華路二段6號',
    });
    expect(good.status, JSON.stringify(good.body)).toBe(200);
    const page = (await session.get('/api/account')).body;
    expect(page.profile).toEqual({
      title: '資訊科 科長',
      officePhone: '2991111',
      officeExt: '8123',
      name: '王大明',
      birthday: '1986-06-23',
      residenceAddress: '臺南市東區府連路1號',
      workAddress: '臺南市安平區永華路二段6號',
    });
    const record = await prisma.usageRecord.findFirstOrThrow({ where: { userId: user.id, action: 'profile.update' } });
    // Field names only: no birthday or address in the record.
    expect(JSON.stringify(record.detail)).not.toContain('1986');
    const inAd = await eventually(
      async () => {
        const found = await ad.findUser(user.account);
        return found?.title === '資訊科 科長' ? found : null;
      },
      { timeoutMs: 45_000 },
    );
    expect(inAd).toMatchObject({ displayName: '王大明', title: '資訊科 科長', telephoneNumber: '06-2991111#8123' });
  }, 120_000);

  it('needs a login', async () => {
    expect((await apiSession().put('/api/account/profile', { name: '駭客' })).status).toBe(401);
  });
});

describe('個人帳號管理 › 個人圖像', () => {
  it('keeps a real image, refuses a renamed non-image and an oversized file, removes it', async () => {
    const { user, session } = await loggedIn();
    const fake = await putAvatar(session, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 'image/png');
    expect(fake).toMatchObject({
      status: 400,
      body: { error: { code: 'AVATAR_INVALID', message: '個人圖像僅接受 PNG、JPEG 或 WebP 格式的圖片' } },
    });
    const big = await putAvatar(session, Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]));
    expect(big).toMatchObject({ status: 413, body: { error: { message: '個人圖像檔案不可超過 1 MB' } } });
    expect(await prisma.userAvatar.count({ where: { userId: user.id } })).toBe(0);

    expect(await putAvatar(session, PNG, 'application/octet-stream')).toMatchObject({
      status: 200,
      body: { mimeType: 'image/png' },
    });
    expect((await session.get('/api/account')).body.avatar).not.toBeNull();
    const image = await session.download('/api/account/avatar');
    expect(image.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await image.arrayBuffer()).equals(PNG)).toBe(true);

    expect((await session.delete('/api/account/avatar')).body).toEqual({ removed: true });
    expect((await session.get('/api/account')).body.avatar).toBeNull();
    expect(await prisma.usageRecord.count({ where: { userId: user.id, action: 'avatar.update' } })).toBe(2);
  });
});

describe('個人帳號管理 › 帳號權限 (權限異動申請) and 機關管理者申請審核', () => {
  async function agencyOf(userId: string) {
    const u = await prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { organization: true } });
    const agencyId = u.organization.agencyId ?? u.organizationId;
    return prisma.organization.findUniqueOrThrow({ where: { id: agencyId } });
  }
  /** A logged-in admin of `agencyId` (roles granted before the login). */
  async function adminOf(agencyId: string) {
    const admin = await loggedInAfter(async (userId) => {
      await prisma.roleAssignment.create({ data: { userId, role: 'AGENCY_ADMIN', organizationId: agencyId } });
    });
    return admin;
  }
  async function loggedInAfter(prepare: (userId: string) => Promise<unknown>) {
    const user = await newUser({ prefix: 'sa' });
    await prepare(user.id);
    const session = apiSession();
    expect((await session.login(user.account, FIRST_PASSWORD)).status).toBe(200);
    return { user, session };
  }

  it('request → second one refused with a link → other agency cannot see it → agency admin approves → role at next login, AD group, mails, timeline', async () => {
    const { user, session } = await loggedIn();
    const agency = await agencyOf(user.id);
    expect((await session.get('/api/account/admin-role-requests')).body).toMatchObject({
      canRequest: true,
      isAdmin: false,
      items: [],
    });
    expect((await session.post('/api/account/admin-role-requests', { reason: '  ' })).body.error.fields).toEqual({
      reason: '請輸入申請原因',
    });

    const sent = await session.post('/api/account/admin-role-requests', { reason: '承辦本局帳號管理業務' });
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    const id = sent.body.id as string;
    const again = await session.post('/api/account/admin-role-requests', { reason: '再申請一次' });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({ code: 'REQUEST_OPEN', openRequest: { id } });
    expect((await session.get('/api/account/admin-role-requests')).body.canRequest).toBe(false);

    // A general user cannot open the inbox; an admin of another agency neither lists nor decides it.
    expect((await session.get('/api/console/admin-role-requests')).status).toBe(403);
    const otherAgency = await prisma.organization.findFirstOrThrow({
      where: { kind: 'DISTRICT_OFFICE', id: { not: agency.id } },
    });
    const stranger = await adminOf(otherAgency.id);
    const strangerList = await stranger.session.get('/api/console/admin-role-requests');
    expect(strangerList.body.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await stranger.session.get(`/api/console/admin-role-requests/${id}`)).status).toBe(403);
    expect((await stranger.session.post(`/api/console/admin-role-requests/${id}/decision`, { decision: 'APPROVE' })).status).toBe(
      403,
    );

    const approver = await adminOf(agency.id);
    const list = await approver.session.get('/api/console/admin-role-requests');
    expect(list.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      account: user.account,
      reason: '承辦本局帳號管理業務',
      statusLabel: '待機關管理者審核',
    });
    const detail = await approver.session.get(`/api/console/admin-role-requests/${id}`);
    // The agency's admins (at submission) were mailed a link to the inbox.
    await eventually(() =>
      prisma.outboxMessage.count({
        where: {
          key: { startsWith: `${detail.body.workflowId}:submitted:` },
          body: { contains: '/console/accounts/admin-role-requests/' },
        },
      }),
    );
    expect(detail.body).toMatchObject({
      allowedActions: ['decide'],
      events: [{ kind: 'SUBMITTED', comment: '承辦本局帳號管理業務' }],
    });

    const decided = await approver.session.post(`/api/console/admin-role-requests/${id}/decision`, {
      decision: 'APPROVE',
      comment: '同意',
    });
    expect(decided.status, JSON.stringify(decided.body)).toBe(200);
    const twice = await approver.session.post(`/api/console/admin-role-requests/${id}/decision`, {
      decision: 'REJECT',
      comment: '改變心意',
    });
    expect(twice.status).toBe(409);

    await eventually(async () => (await session.get(`/api/account/admin-role-requests/${id}`)).body.status === 'GRANTED', {
      timeoutMs: 45_000,
    });
    const mine = (await session.get(`/api/account/admin-role-requests/${id}`)).body;
    expect(mine.events.map((e: { kind: string }) => e.kind)).toEqual(['SUBMITTED', 'APPROVED', 'ROLE_GRANTED', 'AD_GROUP_ADDED']);
    expect(
      await prisma.roleAssignment.count({ where: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: agency.id } }),
    ).toBe(1);
    expect(await ad.listGroups(user.account)).toContain(agencyAdminGroupName(agency.code));
    await eventually(async () =>
      (await latestMail(user.email, '機關管理者權限異動申請')).body.includes('請重新登入後使用管理主控台'),
    );

    // Effective at the next login: this session is still a general user, a new login is an admin.
    expect((await session.get('/api/console/admin-role-requests')).status).toBe(403);
    const next = apiSession();
    expect((await next.login(user.account, FIRST_PASSWORD)).status).toBe(200);
    expect((await next.get('/api/console/admin-role-requests')).status).toBe(200);
    expect((await next.post('/api/account/admin-role-requests', { reason: 'x' })).status).toBe(403);
  }, 120_000);

  it('rejection needs a comment, is mailed with it, and the user may apply again', async () => {
    const { user, session } = await loggedIn();
    const agency = await agencyOf(user.id);
    const id = (await session.post('/api/account/admin-role-requests', { reason: '協助審核' })).body.id as string;
    const sysadmin = apiSession();
    expect((await sysadmin.login(e2e.sysadmin())).status).toBe(200);
    const noComment = await sysadmin.post(`/api/console/admin-role-requests/${id}/decision`, { decision: 'REJECT' });
    expect(noComment.body.error.fields).toEqual({ comment: '駁回時請填寫審核意見' });
    expect(
      (
        await sysadmin.post(`/api/console/admin-role-requests/${id}/decision`, {
          decision: 'REJECT',
          comment: '本機關管理者已足額',
        })
      ).status,
    ).toBe(200);
    await eventually(async () => (await session.get(`/api/account/admin-role-requests/${id}`)).body.status === 'REJECTED');
    await eventually(async () => (await latestMail(user.email, '機關管理者權限異動申請')).body.includes('本機關管理者已足額'));
    expect(await prisma.roleAssignment.count({ where: { userId: user.id, organizationId: agency.id } })).toBe(0);
    expect((await session.post('/api/account/admin-role-requests', { reason: '補充說明後再申請' })).status).toBe(201);
  }, 60_000);
});
