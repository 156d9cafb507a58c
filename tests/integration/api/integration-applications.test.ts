import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrismaClient } from '@prisma/client';
import { createClients } from '../../../infra/clients';
import { openClientSecret } from '../../../infra/db/client-secret';
import { e2e, eventually, testEnv } from '../../support/env';
import { loggedInSession, type ApiSession } from '../../support/http';
import { createApplicationSystem } from '../../support/integrations';
import { createActiveUser } from './support-users';

// 應用系統服務介接申請 over HTTP with the real API, worker, Temporal and PostgreSQL: who applies, reads
// and decides (表 2: the system's 管理機關's members apply, only system admins decide), 退回補正 and 補正,
// the secret shown once, and every bad form refused in zh-TW with nothing written.
const clients = createClients(testEnv());
const prisma: PrismaClient = clients.prisma;
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
afterAll(() => clients.prisma.$disconnect());

type Session = ApiSession;
const session = loggedInSession;

let applicant: Session;
let member: Session;
let stranger: Session;
let sysadmin: Session;
let system: Awaited<ReturnType<typeof createApplicationSystem>>;
let host: string;

beforeAll(async () => {
  const applicantUser = await createActiveUser(prisma);
  const memberUser = await createActiveUser(prisma);
  const strangerUser = await createActiveUser(prisma, 'G01');
  system = await createApplicationSystem(prisma, applicantUser);
  host = new URL(system.url).host;
  [applicant, member, stranger, sysadmin] = await Promise.all([
    session(applicantUser.account),
    session(memberUser.account),
    session(strangerUser.account),
    session(e2e.sysadmin()),
  ]);
});

const sso = () => ({
  claims: ['profile', 'organization'],
  redirectUris: [`https://${host}/callback`],
  description: '單一登入測試',
});
const applyPath = (kind: string, what = 'applications', id = system.id) =>
  `/api/application-systems/${id}/services/${kind}/${what}`;
const inbox = '/api/console/integration-requests';
const written = async () => ({
  applications: await prisma.integrationApplication.count({ where: { systemId: system.id } }),
  services: await prisma.integrationService.findMany({ where: { systemId: system.id }, select: { kind: true, status: true } }),
});
const record = (s: Session, key: string) => s.get(`/api/integration-applications/${key}`);
const decide = (key: string, decision: string, comment?: string, s = sysadmin) =>
  s.post(`${inbox}/${key}/decision`, { decision, ...(comment ? { comment } : {}) });

describe('應用系統服務介接申請 API', () => {
  it('the agency applies, only system admins decide; 退回補正 → 補正 → 核准; the secret is shown once', async () => {
    expect((await stranger.post(applyPath('sso'), sso())).status).toBe(403);
    const submitted = await applicant.post(applyPath('sso'), sso());
    expect(submitted.status, JSON.stringify(submitted.body)).toBe(201);
    const key = submitted.body.key as string;
    expect(key).toMatch(/^I\d{8}-\d{5}$/);
    // A plain member of the agency may apply too — but one open application per service.
    const twice = await member.post(applyPath('sso'), sso());
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('此服務已在審核中');

    const mine = await eventually(async () => {
      const r = await record(member, key);
      return r.body.events?.length ? r : null;
    });
    expect(mine.body).toMatchObject({
      key,
      kind: 'SSO',
      kindLabel: '單一登入',
      action: 'APPLY',
      actionLabel: '申請',
      status: 'PENDING',
      statusLabel: '待審核',
      revision: 1,
      form: sso(),
      system: { id: system.id, name: system.name, url: system.url, productionIps: ['203.0.113.10'] },
      canResubmit: false,
    });
    expect(mine.body.events[0].kind).toBe('SUBMITTED');
    expect(mine.body.temporalUrl).toBeUndefined();
    expect((await record(applicant, key)).status).toBe(200);
    expect((await record(stranger, key)).status).toBe(403);
    expect((await record(sysadmin, key)).body.temporalUrl).toContain(`integration-review-${key}`);

    // The inbox: system admins only.
    expect((await member.get(inbox)).status).toBe(403);
    expect((await decide(key, 'APPROVE', undefined, member)).status).toBe(403);
    const list = await sysadmin.get(`${inbox}?status=PENDING&pageSize=100`);
    expect(list.status).toBe(200);
    expect(list.body.items.find((i: { id: string }) => i.id === key)).toMatchObject({
      key,
      systemName: system.name,
      kindLabel: '單一登入',
      actionLabel: '申請',
      statusLabel: '待審核',
    });
    const detail = await sysadmin.get(`${inbox}/${key}`);
    expect(detail.body).toMatchObject({ id: key, form: sso(), system: { name: system.name }, allowedActions: ['decide'] });
    expect(detail.body.temporalUrl).toContain(key);
    expect(detail.body.events.length).toBeGreaterThan(0);

    const noComment = await decide(key, 'REJECT');
    expect(noComment.status).toBe(400);
    expect(noComment.body.error.message).toBe('駁回時請填寫審核意見');
    expect((await decide(key, 'RETURN')).body.error.message).toBe('退回補正時請填寫審核意見');
    const returned = await decide(key, 'RETURN', '請改用正式網址');
    expect(returned.body, JSON.stringify(returned.body)).toMatchObject({ id: key, status: 'RETURNED' });
    const back = await record(applicant, key);
    expect(back.body).toMatchObject({
      status: 'RETURNED',
      statusLabel: '退回補正',
      reviewComment: '請改用正式網址',
      canResubmit: true,
    });
    expect((await record(member, key)).body.canResubmit).toBe(false);

    // 補正: only the applicant; a bad form changes nothing.
    const bad = await applicant.put(`/api/integration-applications/${key}`, { ...sso(), redirectUris: [`https://${host}/a#b`] });
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toBe(`驗證處理常式不可包含片段（#）：https://${host}/a#b`);
    expect((await prisma.integrationApplication.findUniqueOrThrow({ where: { key } })).revision).toBe(1);
    const notMine = await member.put(`/api/integration-applications/${key}`, sso());
    expect(notMine.status).toBe(403);
    expect(notMine.body.error.message).toBe('僅申請人可補正此申請');
    const corrected = { ...sso(), redirectUris: [`https://${host}/oidc/callback`] };
    const resubmitted = await applicant.put(`/api/integration-applications/${key}`, corrected);
    expect(resubmitted.status, JSON.stringify(resubmitted.body)).toBe(200);
    expect(resubmitted.body).toMatchObject({ status: 'PENDING', revision: 2, form: corrected, canResubmit: false });
    expect(resubmitted.body.events.map((e: { label: string }) => e.label)).toContain('補正送出（第 2 版）');
    expect((await applicant.put(`/api/integration-applications/${key}`, corrected)).status).toBe(409);

    const approved = await decide(key, 'APPROVE', '同意');
    expect(approved.body).toMatchObject({ id: key, status: 'APPROVED' });
    const done = await record(applicant, key);
    expect(done.body).toMatchObject({ status: 'APPROVED', credential: { secretRevealable: true, revealedAt: null } });
    const clientId = done.body.credential.clientId as string;
    const issued = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId } });
    expect(issued.redirectUris).toEqual(corrected.redirectUris);
    expect(issued.scopes).toEqual(['openid', 'profile', 'organization']);
    expect((await record(member, key)).body.credential.secretRevealable).toBe(false);

    // 顯示金鑰: the applicant, once.
    expect((await member.post(`/api/integration-applications/${key}/secret`)).status).toBe(403);
    const shown = await applicant.post(`/api/integration-applications/${key}/secret`);
    expect(shown.status).toBe(200);
    expect(shown.body.clientId).toBe(clientId);
    expect(shown.body.clientSecret).toBe(openClientSecret(issued.clientSecretCipher, dataKey));
    const again = await applicant.post(`/api/integration-applications/${key}/secret`);
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('SECRET_ALREADY_SHOWN');
    expect(again.body.error.message).toMatch(/^金鑰僅顯示一次，已於 .+ 顯示；如遺失請申請更換金鑰$/);
    const after = await record(applicant, key);
    expect(after.body.credential.secretRevealable).toBe(false);
    expect(after.body.credential.revealedAt).toBeTruthy();
    expect(
      (await prisma.credentialReveal.findFirstOrThrow({ where: { integrationSystemId: issued.id } })).secretCipher,
    ).toBeNull();

    // 更換金鑰 / 停用 need an active service, one open application at a time.
    const verify = await member.post(applyPath('verify', 'rotations'), { reason: '更換' });
    expect(verify.status).toBe(409);
    expect(verify.body.error.message).toBe('此服務未啟用，無法更換金鑰');
    const reapply = await member.post(applyPath('sso'), sso());
    expect(reapply.body.error.message).toBe('此服務已啟用，如需變更請申請更換金鑰或停用');
    const rotation = await member.post(applyPath('sso', 'rotations'), { reason: '定期更換' });
    expect(rotation.status, JSON.stringify(rotation.body)).toBe(201);
    const revocation = await member.post(applyPath('sso', 'revocations'), { reason: '系統下線' });
    expect(revocation.status).toBe(409);
    expect(revocation.body.error.message).toBe('此服務已有審核中的申請，請待審核完成後再提出');
    const noReason = await member.post(applyPath('sso', 'revocations'), { reason: ' ' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.reason).toBe('請輸入申請原因');
  }, 90_000);

  it('refuses bad 單一登入 forms in zh-TW and writes nothing', async () => {
    const before = await written();
    const uris = (list: string[]) => ({ ...sso(), redirectUris: list });
    const cases: [object, string][] = [
      [uris([`https://${host}/cb#frag`]), `驗證處理常式不可包含片段（#）：https://${host}/cb#frag`],
      [uris([`https://${host}/*`]), `驗證處理常式不可使用萬用字元（*）：https://${host}/*`],
      [uris(['https://evil.example.test/cb']), `驗證處理常式的主機須與應用系統網址相同（${host}）：https://evil.example.test/cb`],
      [uris(['/relative']), '驗證處理常式須為完整網址：/relative'],
      [uris([1, 2, 3, 4, 5, 6].map((n) => `https://${host}/cb${n}`)), '驗證處理常式最多可設定 5 組'],
      [uris([]), '請輸入驗證處理常式含參數名稱'],
      [{ ...sso(), claims: [] }, '請勾選所需拋回的資料'],
      [{ ...sso(), extra: 1 }, '輸入資料有誤，請檢查標示的欄位。'],
    ];
    for (const [form, message] of cases) {
      const r = await applicant.post(applyPath('sso'), form);
      expect(r.status, JSON.stringify(form)).toBe(400);
      if (!message.startsWith('輸入資料有誤')) expect(r.body.error.message).toBe(message);
    }
    expect(
      (await applicant.post(applyPath('sms'), { monthlyQuota: 0, purpose: 'x', senderName: 'x', description: 'x' })).body.error
        .message,
    ).toBe('每月簡訊則數須為 1 至 100000 的整數');
    const redirect = await applicant.post(applyPath('redirect'), {
      handlerUrl: `https://${host}/sso`,
      paramName: 'token',
      description: '轉登',
      agencyIds: ['no-such-agency'],
    });
    expect(redirect.status).toBe(400);
    expect(redirect.body.error.message).toBe('請選擇顯示此轉登入口的機關');
    expect((await applicant.post(applyPath('telnet'), sso())).status).toBe(400);
    expect((await applicant.post(applyPath('sso', 'applications', '00000000-0000-7000-8000-000000000000'), sso())).status).toBe(
      404,
    );
    expect(await written()).toEqual(before);
  }, 60_000);
});
