import { describe, expect, it } from 'vitest';
import { useAccountSandbox } from './support-sandbox';
import { createIdentityProofs } from '../../../api/identity/proof';
import { latestMail } from '../../support/applicant';
import { bindBrowser } from '../../support/client-binding';
import { eventually } from '../../support/env';
import { allHistories } from '../../support/histories';
import { apiSession } from '../../support/http';
import { FIRST_PASSWORD, randomMobile } from '../../support/reset-users';

const { clients, prisma, newUser } = useAccountSandbox('pwreset');
/** Every password this file set, for the history scan at the end. */
const passwordsSet: string[] = [];

const FIRST = FIRST_PASSWORD;
const activeUser = (options: { changedAt?: Date } = {}) => newUser(options);

/** The person's browser: captchas, codes, tokens and proofs are bound to it (api/auth/client-binding.ts). */
const browser = apiSession();
const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
  browser.call(method, path, body, headers);

async function captcha() {
  const { id } = (await send('POST', '/api/captcha')).body as { id: string };
  const { answer } = (await send('GET', `/dev/captcha/${id}`)).body as { answer: string };
  return { captchaId: id, captchaAnswer: answer };
}

async function smsTo(mobile: string) {
  const { messages } = (await send('GET', `/dev/sms/messages?to=${mobile}`)).body as { messages: { id: string; body: string }[] };
  return messages;
}

/** 使用備用信箱: captcha → code by mail → confirm → the verification token. */
async function emailToken(email: string) {
  const started = await send('POST', '/api/verifications/email', { purpose: 'RESET_PASSWORD', email, ...(await captcha()) });
  expect(started.status).toBe(201);
  const mail = await latestMail(email, '驗證碼');
  expect(mail.body).toContain('忘記密碼');
  const code = /\b(\d{6})\b/.exec(mail.body)![1]!;
  const confirmed = await send('POST', `/api/verifications/email/${started.body.verificationId}/confirm`, { code });
  expect(confirmed.status).toBe(200);
  return confirmed.body.token as string;
}

const proofHeader = (token: string) => ({ 'x-identity-proof': token });
const reset = (token: string, password: string, confirmPassword = password) => {
  passwordsSet.push(password);
  return send('POST', '/api/password/reset', { password, confirmPassword }, proofHeader(token));
};

describe('忘記密碼 over HTTP (real API, PostgreSQL, Temporal, Samba AD, SMTP, SMS simulator)', () => {
  it('by 備用信箱: one proof per code, every rule named, history refused, old password out, new one in (also in AD)', async () => {
    const user = await activeUser();
    const verificationToken = await emailToken(user.email);

    const exchanged = await send('POST', '/api/password/verify/email', {}, { 'x-verification-token': verificationToken });
    expect(exchanged.status).toBe(201);
    expect(exchanged.body.account).toBe(user.account);
    const proof = exchanged.body.token as string;
    // The mailed code yields one proof only.
    const again = await send('POST', '/api/password/verify/email', {}, { 'x-verification-token': verificationToken });
    expect(again.status).toBe(401);
    expect(again.body.error.code).toBe('VERIFICATION_REQUIRED');

    // The page learns the account to check 「不可與帳號名稱相同」 live.
    expect((await send('GET', '/api/password/reset', undefined, proofHeader(proof))).body).toEqual({ account: user.account });

    // Every broken rule is named; nothing changes and the proof is not spent.
    const weak = await reset(proof, 'abc');
    expect(weak.status).toBe(400);
    expect(weak.body.error.code).toBe('PASSWORD_POLICY');
    for (const text of ['8個字元', '大寫英文字母', '數字', '特殊字元']) expect(weak.body.error.fields.password).toContain(text);
    expect(weak.body.error.violations).toEqual(expect.arrayContaining(['LENGTH', 'UPPER', 'DIGIT', 'SPECIAL']));
    const withAccount = await reset(proof, `${user.account.toUpperCase()}!a1`);
    expect(withAccount.body.error.fields.password).toContain('不可與帳號名稱相同');
    const mismatch = await reset(proof, 'Second!2026b', 'Second!2026c');
    expect(mismatch.body.error).toMatchObject({ code: 'VALIDATION_FAILED', fields: { confirmPassword: '兩次輸入的密碼不一致' } });
    const reused = await reset(proof, FIRST);
    expect(reused.body.error).toMatchObject({ code: 'PASSWORD_REUSED', message: '新密碼不可與最近 3 次使用過的密碼相同' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    const second = 'Second!2026b';
    const done = await reset(proof, second);
    expect(done.status).toBe(200);
    expect(done.body).toEqual({ account: user.account });
    // Single use.
    const replay = await reset(proof, 'Third!2026c');
    expect(replay.status).toBe(401);

    expect((await apiSession().login(user.account, FIRST)).status).not.toBe(200);
    expect((await apiSession().login(user.account, second)).status).toBe(200);

    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row).toMatchObject({
      passwordChangedBy: user.account,
      passwordChangeNote: '忘記密碼',
      failedLoginCount: 0,
      lockedUntil: null,
    });
    expect(
      await prisma.loginRecord.count({
        where: { userId: user.id, action: 'FORGOT_PASSWORD', method: 'BACKUP_EMAIL', result: 'SUCCESS' },
      }),
    ).toBe(1);
    expect(await prisma.usageRecord.count({ where: { userId: user.id, action: 'password.reset' } })).toBe(1);
    expect((await latestMail(user.email, '密碼變更通知')).body).toContain('忘記密碼');

    // AD gets the new password by the passwordSync workflow; the box is gone.
    await eventually(async () => (await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).adSyncStatus === 'SYNCED', {
      timeoutMs: 45_000,
    });
    expect(await clients.ad.verifyPassword(user.account, second)).toBe(true);
    expect(await clients.ad.verifyPassword(user.account, FIRST)).toBe(false);
  }, 120_000);

  it('by 手機簡訊: same answer for a bound and an unbound number, wrong code refused, code → proof → new password; history refused later', async () => {
    const user = await activeUser();
    const unbound = randomMobile();
    const forUnbound = await send('POST', '/api/password/verify/sms', { mobile: unbound, ...(await captcha()) });
    const forBound = await send('POST', '/api/password/verify/sms', { mobile: user.mobile, ...(await captcha()) });
    expect(forUnbound.status).toBe(201);
    expect(forBound.status).toBe(201);
    expect(Object.keys(forUnbound.body).sort()).toEqual(Object.keys(forBound.body).sort());
    expect(forBound.body.mobile).not.toContain(user.mobile.slice(4, 7));
    // Sending again within the minute is refused with the seconds left, bound or not.
    const early = await send('POST', '/api/password/verify/sms', { mobile: unbound, ...(await captcha()) });
    expect(early.status).toBe(429);
    expect(early.body.error.code).toBe('RESEND_TOO_SOON');
    const seconds = early.body.error.retryAfterSeconds as number;
    expect(seconds).toBeGreaterThan(0);
    expect(seconds).toBeLessThanOrEqual(60);
    expect(early.body.error.message).toBe(`簡訊驗證碼已送出，請於 ${seconds} 秒後再重新發送`);

    const sms = await eventually(async () => (await smsTo(user.mobile))[0], { timeoutMs: 30_000 });
    const code = /\b(\d{6})\b/.exec(sms.body)![1]!;
    const wrongCode = code === '000000' ? '111111' : '000000';
    const wrong = await send('POST', `/api/password/verify/sms/${forBound.body.verificationId}/confirm`, { code: wrongCode });
    expect(wrong.body.error.code).toBe('CODE_INVALID');
    const confirmed = await send('POST', `/api/password/verify/sms/${forBound.body.verificationId}/confirm`, { code });
    expect(confirmed.status).toBe(201);
    expect(confirmed.body.account).toBe(user.account);
    expect(await smsTo(unbound)).toEqual([]);

    // A wrong captcha sends nothing.
    const badCaptcha = await send('POST', '/api/password/verify/sms', {
      mobile: user.mobile,
      captchaId: (await captcha()).captchaId,
      captchaAnswer: 'zzzz',
    });
    expect(badCaptcha.body.error.code).toBe('CAPTCHA_INVALID');

    const second = 'Phone!2026b';
    expect((await reset(confirmed.body.token, second)).status).toBe(200);
    expect((await apiSession().login(user.account, FIRST)).status).not.toBe(200);
    expect((await apiSession().login(user.account, second)).status).toBe(200);
    expect(await prisma.loginRecord.count({ where: { userId: user.id, action: 'FORGOT_PASSWORD', method: 'SMS' } })).toBe(1);

    // The history holds the last passwords: going back to the first one is refused.
    const proofs = createIdentityProofs(prisma);
    const next = await proofs.issue({ userId: user.id, purpose: 'RESET_PASSWORD', method: 'SMS' }, bindBrowser(browser));
    const back = await reset(next.token, FIRST);
    expect(back.body.error.code).toBe('PASSWORD_REUSED');
  }, 120_000);

  it('forces the change of an expired password with the login’s changeToken, and refuses it for a password still valid', async () => {
    const proofs = createIdentityProofs(prisma);
    const expired = await activeUser({ changedAt: new Date(Date.now() - 400 * 86_400_000) });
    // What LoginKit hands the login page when the password has expired.
    const changeToken = (
      await proofs.issue({ userId: expired.id, purpose: 'RESET_PASSWORD', method: 'PASSWORD' }, bindBrowser(browser))
    ).token;
    const third = 'Renew!2026c';
    const changed = await send(
      'POST',
      '/api/password/expired',
      { password: third, confirmPassword: third },
      proofHeader(changeToken),
    );
    expect(changed.status).toBe(200);
    const row = await prisma.user.findUniqueOrThrow({ where: { id: expired.id } });
    expect(row.passwordChangeNote).toBe('密碼逾期變更');
    expect(row.passwordChangedAt!.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(await prisma.loginRecord.count({ where: { userId: expired.id, action: 'CHANGE_PASSWORD', method: 'PASSWORD' } })).toBe(
      1,
    );
    expect((await apiSession().login(expired.account, third)).status).toBe(200);

    const valid = await activeUser();
    const token = (await proofs.issue({ userId: valid.id, purpose: 'RESET_PASSWORD', method: 'PASSWORD' }, bindBrowser(browser)))
      .token;
    const refused = await send('POST', '/api/password/expired', { password: third, confirmPassword: third }, proofHeader(token));
    expect(refused.status).toBe(400);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: valid.id } })).passwordHash).toBe(valid.passwordHash);
  }, 120_000);

  it('refuses a proof made for another purpose or none at all', async () => {
    const user = await activeUser();
    const proofs = createIdentityProofs(prisma);
    const activation = await proofs.issue({ userId: user.id, purpose: 'ACTIVATE', method: 'MOBILE_CERT' }, bindBrowser(browser));
    expect((await reset(activation.token, 'Other!2026d')).status).toBe(401);
    expect((await send('POST', '/api/password/reset', { password: 'Other!2026d', confirmPassword: 'Other!2026d' })).status).toBe(
      401,
    );
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
  });

  it('refuses a verification token or proof replayed from another browser (as copied from a log), and honours each once', async () => {
    const user = await activeUser();
    const verificationToken = await emailToken(user.email);
    // The tester's client: fresh, then with a binding cookie of its own.
    const other = apiSession();
    const tryExchange = () => other.post('/api/password/verify/email', {}, { 'x-verification-token': verificationToken });
    expect((await tryExchange()).body.error).toMatchObject({ code: 'VERIFICATION_REQUIRED' });

    const exchanged = await send('POST', '/api/password/verify/email', {}, { 'x-verification-token': verificationToken });
    expect(exchanged.status).toBe(201);
    const proof = exchanged.body.token as string;

    const stolen = 'Stolen!2026x';
    passwordsSet.push(stolen);
    const tryReset = () => other.post('/api/password/reset', { password: stolen, confirmPassword: stolen }, proofHeader(proof));
    const fresh = await tryReset();
    expect(fresh.status).toBe(401);
    expect(fresh.body.error).toEqual({ code: 'VERIFICATION_REQUIRED', message: '身分驗證已逾時或無效，請重新驗證' });
    await other.post('/api/captcha');
    expect(other.jar.get('portal_client')).toBeTruthy();
    expect((await tryReset()).status).toBe(401);
    expect((await other.get('/api/password/reset', proofHeader(proof))).status).toBe(401);
    expect((await prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);

    // The browser it was issued to: one change, then the proof is spent.
    const mine = 'Mine!2026x';
    expect((await reset(proof, mine)).status).toBe(200);
    const replay = await reset(proof, 'Mine!2026y');
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('VERIFICATION_REQUIRED');
    expect((await apiSession().login(user.account, mine)).status).toBe(200);
    expect((await apiSession().login(user.account, stolen)).status).not.toBe(200);
  }, 120_000);

  it('leaves none of the passwords it set in any workflow history (passwordSync carries SecretBox ids only)', async () => {
    const secrets = [...new Set(passwordsSet.filter((p) => p.length >= 8))];
    expect(secrets.length).toBeGreaterThan(3);
    const histories = await allHistories();
    // Not vacuous: the password changes above did run passwordSync (and mailed notices).
    expect(histories.filter((h) => h.type === 'passwordSync').length).toBeGreaterThanOrEqual(3);
    const leaking = histories.filter((h) => secrets.some((secret) => h.text.includes(secret))).map((h) => h.workflowId);
    expect(leaking).toEqual([]);
  });
});
