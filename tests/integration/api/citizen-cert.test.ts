// 自然人憑證 over HTTP, with the card reader simulator as the user's PC: challenges are single use and
// bound to their purpose and user; 個人帳號管理 binds and unbinds (帳號使用紀錄 + mail); the login method
// takes only bound, valid, unrevoked cards (帳號登入紀錄 for every attempt); 忘記密碼 gives an identity proof.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { latestMail } from '../../support/applicant';
import { insertCard, resetCards, signTbs, simCards, type SimCard } from '../../support/card-signer';
import { testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createActiveUser } from './support-users';

const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
type Session = ReturnType<typeof apiSession>;

let cards: Map<string, SimCard>;
beforeAll(async () => {
  await resetCards();
  cards = new Map((await simCards()).map((c) => [c.id, c]));
});
afterAll(async () => {
  await resetCards();
  await prisma.$disconnect();
});

/** What the page does: a challenge from the API, signed by the card in the reader with the PIN. */
async function signedChallenge(s: Session, purpose: 'LOGIN' | 'RESET_PASSWORD' | 'BIND', card: string) {
  const challenge = await s.post('/api/identity/citizen-cert/challenges', { purpose });
  expect(challenge.status, JSON.stringify(challenge.body)).toBe(201);
  await insertCard(card);
  const signed = await signTbs(challenge.body.tbs);
  expect(signed.ret_code).toBe(0);
  return { challengeId: challenge.body.challengeId as string, signature: signed.signature!, certificate: signed.certb64! };
}

async function loggedInUser() {
  const user = await createActiveUser(prisma);
  const session = apiSession();
  const login = await session.login(user.account);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { user, session };
}

async function cardLogin(card: string) {
  const s = apiSession();
  const uid = await s.startLogin();
  const outcome = await s.finishLogin(uid, 'citizen-cert', await signedChallenge(s, 'LOGIN', card));
  return { s, outcome };
}

describe('自然人憑證 challenges', () => {
  it('tells the page where the signing component is', async () => {
    const config = await apiSession().get('/api/identity/citizen-cert/config');
    expect(config.body).toEqual({ signerUrl: process.env.CITIZEN_CERT_SIGNER_URL });
  });

  it('gives BIND challenges only to a logged-in user', async () => {
    const anonymous = await apiSession().post('/api/identity/citizen-cert/challenges', { purpose: 'BIND' });
    expect(anonymous.status).toBe(401);
    const bad = await apiSession().post('/api/identity/citizen-cert/challenges', { purpose: 'SOMETHING' });
    expect(bad.status).toBe(400);
  });

  it('takes a signed challenge once, only for its purpose and its user', async () => {
    const { user, session } = await loggedInUser();
    const other = await loggedInUser();

    // A LOGIN challenge does not bind a card.
    const forLogin = await signedChallenge(session, 'LOGIN', 'sdcadmin');
    expect((await session.post('/api/account/citizen-cert', forLogin)).body.error.code).toBe('CHALLENGE_INVALID');
    // Another user's BIND challenge does not bind this user's card.
    const othersChallenge = await signedChallenge(other.session, 'BIND', 'sdcadmin');
    const stolen = await session.post('/api/account/citizen-cert', othersChallenge);
    expect(stolen.status).toBe(400);
    expect(stolen.body.error).toEqual({ code: 'CHALLENGE_INVALID', message: '驗證請求已逾時或已使用，請重新操作' });

    const signed = await signedChallenge(session, 'BIND', 'sdcadmin');
    const bound = await session.post('/api/account/citizen-cert', signed);
    expect(bound.status, JSON.stringify(bound.body)).toBe(201);
    const replay = await session.post('/api/account/citizen-cert', signed);
    expect(replay.body.error.code).toBe('CHALLENGE_INVALID');

    await session.delete('/api/account/citizen-cert');
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).citizenCertSerial).toBeNull();
  });
});

describe('個人帳號管理 › 自然人憑證 and 自然人憑證登入', () => {
  it('binds a card, logs in with it, refuses it to another account, and unbinds it', async () => {
    const card = cards.get('sdcadmin')!;
    const { user, session } = await loggedInUser();
    expect((await session.get('/api/account/citizen-cert')).body).toEqual({ bound: false });

    const bound = await session.post('/api/account/citizen-cert', await signedChallenge(session, 'BIND', 'sdcadmin'));
    expect(bound.status, JSON.stringify(bound.body)).toBe(201);
    expect(bound.body).toMatchObject({
      bound: true,
      holder: card.holder,
      serial: card.serial.toUpperCase(),
      message: '綁定成功',
    });
    expect(new Date(bound.body.notAfter).getTime()).toBeGreaterThan(Date.now());
    const status = (await session.get('/api/account/citizen-cert')).body;
    expect(status).toMatchObject({ bound: true, holder: '林怡君' });

    const usage = await prisma.usageRecord.findMany({ where: { userId: user.id }, orderBy: { at: 'asc' } });
    expect(usage.map((r) => r.action)).toContain('binding.citizenCert.bind');
    const mail = await latestMail(user.backupEmail!, '自然人憑證綁定');
    expect(mail.body).toContain(user.account);
    expect(mail.body).toContain(card.serial.toUpperCase());

    // The same card cannot be bound to a second account.
    const second = await loggedInUser();
    const taken = await second.session.post(
      '/api/account/citizen-cert',
      await signedChallenge(second.session, 'BIND', 'sdcadmin'),
    );
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('CITIZEN_CERT_IN_USE');

    // 自然人憑證登入: the bound card opens the portal session of its account.
    const { outcome } = await cardLogin('sdcadmin');
    expect(outcome.status, JSON.stringify(outcome.body)).toBe(200);
    expect(outcome.body.user.account).toBe(user.account);
    const records = await prisma.loginRecord.findMany({ where: { userId: user.id, method: 'CITIZEN_CERT' } });
    expect(records).toEqual([expect.objectContaining({ action: 'LOGIN', result: 'SUCCESS' })]);

    // 解除綁定: the card no longer logs in.
    const unbound = await session.delete('/api/account/citizen-cert');
    expect(unbound.body).toMatchObject({ bound: false, message: '解除綁定成功' });
    expect((await prisma.usageRecord.findMany({ where: { userId: user.id } })).map((r) => r.action)).toContain(
      'binding.citizenCert.unbind',
    );
    await latestMail(user.backupEmail!, '自然人憑證解除綁定');
    const after = await cardLogin('sdcadmin');
    expect(after.outcome.body.error.code).toBe('CITIZEN_CERT_NOT_BOUND');
    expect((await session.delete('/api/account/citizen-cert')).status).toBe(409);
  });

  it('refuses a card that is not bound, with the clear message, and records the attempt', async () => {
    const { outcome } = await cardLogin('cabuser1');
    expect(outcome.status).toBe(401);
    expect(outcome.body.error).toEqual({
      code: 'CITIZEN_CERT_NOT_BOUND',
      message: '此自然人憑證尚未綁定公務帳號，請先登入後於個人帳號管理綁定',
    });
    const row = await prisma.loginRecord.findFirst({
      where: { method: 'CITIZEN_CERT', reason: 'CITIZEN_CERT_NOT_BOUND' },
      orderBy: { at: 'desc' },
    });
    expect(row).toMatchObject({ userId: null, result: 'FAILURE', action: 'LOGIN' });
    expect(row?.account).toContain(cards.get('cabuser1')!.serial.slice(0, 16));
  });

  it('refuses a revoked card and an expired card before looking at any binding', async () => {
    const revoked = await cardLogin('revoked');
    expect(revoked.outcome.status).toBe(400);
    expect(revoked.outcome.body.error).toEqual({ code: 'CITIZEN_CERT_REVOKED', message: '此自然人憑證已被廢止，無法使用' });
    const expired = await cardLogin('expired');
    expect(expired.outcome.body.error.code).toBe('CITIZEN_CERT_EXPIRED');
    expect(expired.outcome.body.error.message).toMatch(/^此自然人憑證已於 \d{4}-\d{2}-\d{2} 逾有效期限/);
    // Neither can be bound either.
    const { session } = await loggedInUser();
    const bind = await session.post('/api/account/citizen-cert', await signedChallenge(session, 'BIND', 'revoked'));
    expect(bind.body.error.code).toBe('CITIZEN_CERT_REVOKED');
  });
});

describe('忘記密碼 › 使用自然人憑證', () => {
  it('gives an identity proof for the account the card is bound to, and none for an unbound card', async () => {
    const { user, session } = await loggedInUser();
    await session.post('/api/account/citizen-cert', await signedChallenge(session, 'BIND', 'sdcadmin'));

    const anonymous = apiSession();
    const proof = await anonymous.post('/api/identity/citizen-cert/proof', {
      ...(await signedChallenge(anonymous, 'RESET_PASSWORD', 'sdcadmin')),
      purpose: 'RESET_PASSWORD',
    });
    expect(proof.status, JSON.stringify(proof.body)).toBe(201);
    expect(proof.body.account).toBe(user.account);
    const reset = await anonymous.get('/api/password/reset', { 'x-identity-proof': proof.body.token });
    expect(reset.body).toEqual({ account: user.account });

    const unbound = await anonymous.post('/api/identity/citizen-cert/proof', {
      ...(await signedChallenge(anonymous, 'RESET_PASSWORD', 'cabuser1')),
      purpose: 'RESET_PASSWORD',
    });
    expect(unbound.status).toBe(401);
    expect(unbound.body.error.code).toBe('CITIZEN_CERT_NOT_BOUND');
    // A LOGIN challenge is not a 忘記密碼 proof.
    const wrongPurpose = await anonymous.post('/api/identity/citizen-cert/proof', {
      ...(await signedChallenge(anonymous, 'LOGIN', 'sdcadmin')),
      purpose: 'RESET_PASSWORD',
    });
    expect(wrongPurpose.body.error.code).toBe('CHALLENGE_INVALID');
    await session.delete('/api/account/citizen-cert');
  });
});

describe('the card reader simulator', () => {
  it('counts wrong PINs like a card, locks it at the third, and refuses even the right PIN then', async () => {
    await insertCard('sysadmin');
    expect(await signTbs('x', '000000')).toMatchObject({ ret_code: 0x76100006, last_error: -2147483646 });
    expect(await signTbs('x', '000000')).toMatchObject({ ret_code: 0x76100006, last_error: -2147483647 });
    expect(await signTbs('x', '000000')).toMatchObject({ ret_code: 0x76100006, last_error: 0xa4 });
    expect(await signTbs('x')).toMatchObject({ ret_code: 0x76100006, last_error: 0xa4 });
    await insertCard(null);
    expect(await signTbs('x')).toMatchObject({ ret_code: 0x76000006 });
    await resetCards();
    await insertCard('sysadmin');
    expect((await signTbs('x')).ret_code).toBe(0);
  });
});
