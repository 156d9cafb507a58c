import crypto from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrisma } from '../../../infra/db/prisma';
import { currentOtp } from '../../../api/sso/totp';
import { latestMail } from '../../support/applicant';
import { e2e, eventually, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';
import { createActiveUser } from './support-users';
import { verificationMessageKey } from '../../../api/commands/verification-message-key';

const env = testEnv();
const prisma = createPrisma(env.DATABASE_URL);
afterAll(() => prisma.$disconnect());

const OTP_FAILED = { code: 'LOGIN_FAILED', message: '帳號或動態驗證碼錯誤' };
const TEMP_FAILED = { code: 'LOGIN_FAILED', message: '備用信箱或臨時密碼錯誤，或臨時密碼已失效，請重新申請' };
const now = () => Math.floor(Date.now() / 1000);
const randomMobile = () => `09${String(crypto.randomInt(0, 100_000_000)).padStart(8, '0')}`;

/** A fresh active user logged in to the portal (一般登入 through the SSO). */
async function loggedInUser() {
  const user = await createActiveUser(prisma);
  const session = apiSession();
  const login = await session.login(user.account);
  expect(login.status, JSON.stringify(login.body)).toBe(200);
  return { user, session, email: user.backupEmail! };
}

async function usageActions(userId: string) {
  return (await prisma.usageRecord.findMany({ where: { userId }, orderBy: { at: 'asc' } })).map((r) => r.action);
}

async function smsTo(mobile: string, seen = new Set<string>()) {
  return eventually(async () => {
    const { messages } = (await (await fetch(`${e2e.baseUrl()}/dev/sms/messages?to=${mobile}`)).json()) as {
      messages: { id: string; body: string }[];
    };
    return messages.find((m) => !seen.has(m.id));
  });
}

/** Every event of a workflow's history, payloads decoded, as text. */
async function historyText(workflowId: string) {
  const connection = await Connection.connect({ address: env.TEMPORAL_ADDRESS });
  try {
    const client = new Client({ connection, namespace: env.TEMPORAL_NAMESPACE });
    const handle = client.workflow.getHandle(workflowId);
    await handle.result();
    const json = historyToJSON(await handle.fetchHistory());
    const payloads = [...json.matchAll(/"data":\s*"([A-Za-z0-9+/=]+)"/g)].map((m) =>
      Buffer.from(m[1]!, 'base64').toString('utf8'),
    );
    return `${json}\n${payloads.join('\n')}`;
  } finally {
    await connection.close();
  }
}

/** Turns OTP on through 個人帳號管理 and answers the secret read back from the otpauth:// URI. */
async function enableOtp(session: ReturnType<typeof apiSession>) {
  const setup = await session.post('/api/account/otp/setup');
  expect(setup.status).toBe(201);
  const secret = new URL(setup.body.otpauthUri).searchParams.get('secret')!;
  expect((await session.post('/api/account/otp/enable', { code: await currentOtp(secret) })).status).toBe(204);
  return secret;
}

describe('個人帳號管理 › OTP 驗證 and 動態驗證碼 login', () => {
  it('turns OTP on only after a code from the app confirms the scanned secret, records and mails it', async () => {
    const { user, session, email } = await loggedInUser();
    expect((await session.get('/api/account')).body.otp).toEqual({ enabled: false, enabledAt: null });
    expect((await session.post('/api/account/otp/enable', { code: '123456' })).body.error.code).toBe('OTP_SETUP_REQUIRED');

    const setup = await session.post('/api/account/otp/setup');
    expect(setup.status).toBe(201);
    const uri = new URL(setup.body.otpauthUri);
    expect(decodeURIComponent(uri.pathname)).toBe(`/臺南市政府單一帳號認證平台:${user.account}`);
    expect(setup.body.qrCode).toMatch(/^data:image\/png;base64,/);
    const secret = uri.searchParams.get('secret')!;
    // Stored encrypted, never as the Base32 text.
    const row = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(Buffer.from(row.otpSecretCipher!).toString('utf8')).not.toContain(secret);

    // Scanned but not confirmed: still off, and an OTP login does not work yet.
    expect((await session.get('/api/account')).body.otp.enabled).toBe(false);
    const early = apiSession();
    expect(
      (await early.finishLogin(await early.startLogin(), 'otp', { account: user.account, code: await currentOtp(secret) })).body
        .error,
    ).toEqual(OTP_FAILED);

    const wrong = await session.post('/api/account/otp/enable', {
      code: (await currentOtp(secret)) === '000000' ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.code).toBe('OTP_CODE_INVALID');
    expect((await session.get('/api/account')).body.otp.enabled).toBe(false);

    expect((await session.post('/api/account/otp/enable', { code: await currentOtp(secret) })).status).toBe(204);
    expect((await session.get('/api/account')).body.otp.enabled).toBe(true);
    expect((await session.post('/api/account/otp/setup')).body.error.code).toBe('OTP_ALREADY_ENABLED');
    expect(await usageActions(user.id)).toContain('binding.otp.enable');
    const mail = await latestMail(email, '啟用 OTP 驗證');
    expect(mail.body).toContain(user.account);
    expect(mail.body).not.toContain(secret);

    // 關閉「OTP 驗證」: off, recorded, mailed; the old codes no longer log in.
    expect((await session.delete('/api/account/otp')).status).toBe(204);
    expect((await session.get('/api/account')).body.otp.enabled).toBe(false);
    expect(await usageActions(user.id)).toEqual(expect.arrayContaining(['binding.otp.enable', 'binding.otp.disable']));
    await latestMail(email, '關閉 OTP 驗證');
    const after = apiSession();
    const code = await currentOtp(secret, now() + 30);
    expect((await after.finishLogin(await after.startLogin(), 'otp', { account: user.account, code })).body.error).toEqual(
      OTP_FAILED,
    );
  });

  it('logs in with a current code once; the confirming code, a replay and an unknown account all fail alike and are recorded', async () => {
    const { user, session } = await loggedInUser();
    const secret = await enableOtp(session);

    // The code that confirmed the binding was spent there.
    const reuse = apiSession();
    const spent = await reuse.finishLogin(await reuse.startLogin(), 'otp', {
      account: user.account,
      code: await currentOtp(secret),
    });
    expect(spent.status).toBe(401);
    expect(spent.body.error).toEqual(OTP_FAILED);

    // The next step's code (the app's clock one step ahead is accepted) logs in through the SSO.
    const next = await currentOtp(secret, now() + 30);
    const s = apiSession();
    const ok = await s.finishLogin(await s.startLogin(), 'otp', { account: user.account.toUpperCase(), code: next });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.landedOn?.pathname).toBe('/home');
    expect(ok.body.user.account).toBe(user.account);

    // The same code again, in a race of two browsers: neither gets in.
    const [a, b] = [apiSession(), apiSession()];
    const [uidA, uidB] = [await a.startLogin(), await b.startLogin()];
    const replays = await Promise.all([
      a.finishLogin(uidA, 'otp', { account: user.account, code: next }),
      b.finishLogin(uidB, 'otp', { account: user.account, code: next }),
    ]);
    for (const replay of replays) expect(replay.body.error).toEqual(OTP_FAILED);

    const unknown = apiSession();
    const nobody = await unknown.finishLogin(await unknown.startLogin(), 'otp', {
      account: `nobody_${user.account}`,
      code: next,
    });
    expect(nobody.body).toEqual(replays[0]!.body);

    const records = await prisma.loginRecord.findMany({ where: { userId: user.id, method: 'OTP' }, orderBy: { at: 'asc' } });
    expect(records.map((r) => [r.result, r.reason])).toEqual([
      ['FAILURE', 'OTP_REUSED'],
      ['SUCCESS', null],
      ['FAILURE', 'OTP_REUSED'],
      ['FAILURE', 'OTP_REUSED'],
    ]);
  });

  it('refuses a malformed code without counting it, and locks the account after the configured number of wrong codes', async () => {
    const { user, session } = await loggedInUser();
    const secret = await enableOtp(session);
    const s = apiSession();
    const uid = await s.startLogin();
    const malformed = await s.call('POST', `/api/sso/interaction/${uid}/otp`, { account: user.account, code: '12ab' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.fields.code).toBe('請輸入 6 位數動態驗證碼(OTP)');

    const threshold = 5; // 登入失敗鎖定次數 (system parameter default, seeded)
    const current = new Set([
      await currentOtp(secret, now() - 30),
      await currentOtp(secret),
      await currentOtp(secret, now() + 30),
    ]);
    let wrong = 100_000;
    const nextWrong = () => {
      while (current.has(String(wrong))) wrong++;
      return String(wrong++);
    };
    let last;
    for (let i = 0; i < threshold; i++)
      last = await s.call('POST', `/api/sso/interaction/${uid}/otp`, { account: user.account, code: nextWrong() });
    expect(last!.status).toBe(423);
    expect(last!.body.error.code).toBe('LOGIN_LOCKED');
    expect(last!.body.error.message).toMatch(/^登入失敗次數過多，帳號已暫時鎖定，請於 \d+ 分鐘後再試$/);
    // Locked: even the right code is refused until the lock ends.
    const right = await s.call('POST', `/api/sso/interaction/${uid}/otp`, {
      account: user.account,
      code: await currentOtp(secret, now() + 30),
    });
    expect(right.status).toBe(423);
  });
});

describe('臨時密碼 login', () => {
  const send = async (s: ReturnType<typeof apiSession>, uid: string, email: string) =>
    s.call('POST', `/api/sso/interaction/${uid}/temp-password/send`, { email, ...(await s.captcha()) });
  const login = async (s: ReturnType<typeof apiSession>, uid: string, email: string, temporaryPassword: string) =>
    s.call('POST', `/api/sso/interaction/${uid}/temp-password`, { email, temporaryPassword, ...(await s.captcha()) });
  const clearThrottle = () => prisma.$executeRaw`DELETE FROM rate_limits WHERE key LIKE 'temp-password:%'`;

  it('mails a one-time password to a bound backup e-mail, answers alike for unknown addresses, and lets it in once', async () => {
    const user = await createActiveUser(prisma);
    const email = user.backupEmail!;
    const s = apiSession();
    const uid = await s.startLogin();

    // The captcha is spent first: a wrong answer sends nothing.
    const badCaptcha = await s.call('POST', `/api/sso/interaction/${uid}/temp-password/send`, {
      email,
      captchaId: (await s.captcha()).captchaId,
      captchaAnswer: 'wrong',
    });
    expect(badCaptcha.body.error.code).toBe('CAPTCHA_INVALID');

    const sent = await send(s, uid, email);
    expect(sent.status).toBe(202);
    const unknownEmail = `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const unknown = await send(s, uid, unknownEmail);
    expect(unknown.status).toBe(202);
    expect(Object.keys(unknown.body).sort()).toEqual(Object.keys(sent.body).sort());
    expect(unknown.body.message.replace(unknownEmail, '')).toBe(sent.body.message.replace(email, ''));
    // Resending at once is refused the same way for both addresses.
    expect((await send(s, uid, email)).body.error.code).toBe('RESEND_TOO_SOON');
    expect((await send(s, uid, unknownEmail)).body.error.code).toBe('RESEND_TOO_SOON');

    const mail = await latestMail(email, '臨時密碼');
    const password = /^\s*([A-HJ-NP-Za-km-z2-9]{12})\s*$/m.exec(mail.body)?.[1];
    expect(password, mail.body).toBeDefined();
    expect(mail.subject).not.toContain(password!);

    // The right password from another browser (a forwarded or intercepted mail) is refused alike.
    const elsewhere = apiSession();
    expect((await login(elsewhere, await elsewhere.startLogin(), email, password!)).body.error).toEqual(TEMP_FAILED);

    const wrong = await login(s, uid, email, 'ABCDEFGHJKLM');
    expect(wrong.status).toBe(401);
    expect(wrong.body.error).toEqual(TEMP_FAILED);

    const ok = await login(s, uid, email, password!);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    await s.follow(ok.body.redirectTo);
    expect((await s.get('/api/session')).body.user.account).toBe(user.account);

    const again = apiSession();
    expect((await login(again, await again.startLogin(), email, password!)).body.error).toEqual(TEMP_FAILED);

    const records = await prisma.loginRecord.findMany({
      where: { userId: user.id, method: 'TEMP_PASSWORD' },
      orderBy: { at: 'asc' },
    });
    expect(records.map((r) => [r.result, r.reason])).toEqual([
      ['FAILURE', 'OTHER_BROWSER'],
      ['FAILURE', 'BAD_TEMP_PASSWORD'],
      ['SUCCESS', null],
      ['FAILURE', 'NO_TEMPORARY_PASSWORD'],
    ]);
    // Only a keyed hash is stored, and the mail workflow's history carries only the outbox key.
    const row = await prisma.temporaryPassword.findFirstOrThrow({ where: { userId: user.id } });
    expect(row.hash).not.toContain(password!);
    const history = await historyText(`mail-temporary-password:${row.id}`);
    expect(history).toContain(`temporary-password:${row.id}`);
    expect(history).not.toContain(password!);
  });

  it('answers with a locked account’s real backup e-mail exactly as with an unknown address (issue 10 #6)', async () => {
    const user = await createActiveUser(prisma);
    // Locked by wrong passwords on the 一般登入 tab.
    const s = apiSession();
    const uid = await s.startLogin();
    let locked;
    for (let i = 0; i < 5; i++)
      locked = await s.call('POST', `/api/sso/interaction/${uid}/password`, {
        account: user.account,
        password: 'Wrong!2026x',
        ...(await s.captcha()),
      });
    expect(locked!.body.error.code).toBe('LOGIN_LOCKED');

    const unknownEmail = `nobody-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const attempt = async (email: string) => {
      const client = apiSession();
      const loginUid = await client.startLogin();
      const captcha = await client.captcha();
      const started = performance.now();
      const answer = await client.call('POST', `/api/sso/interaction/${loginUid}/temp-password`, {
        email,
        temporaryPassword: 'ABCDEFGHJKLM',
        ...captcha,
      });
      return { ...answer, ms: performance.now() - started };
    };
    const known: Awaited<ReturnType<typeof attempt>>[] = [];
    const unknown: typeof known = [];
    for (let i = 0; i < 3; i++) {
      known.push(await attempt(user.backupEmail!));
      unknown.push(await attempt(unknownEmail));
    }
    for (const [a, b] of known.map((k, i) => [k, unknown[i]!] as const)) {
      expect(a.status).toBe(401);
      expect(a.status).toBe(b.status);
      expect(a.body).toEqual(b.body);
    }
    expect(known[0]!.body.error).toEqual(TEMP_FAILED);
    // Timing: the medians differ by far less than a database round trip's worth of work would show.
    const median = (xs: typeof known) => xs.map((x) => x.ms).sort((p, q) => p - q)[1]!;
    expect(Math.abs(median(known) - median(unknown))).toBeLessThan(250);
  });

  it('refuses an expired temporary password and one replaced by a newer request', async () => {
    const user = await createActiveUser(prisma);
    const email = user.backupEmail!;
    const s = apiSession();
    const uid = await s.startLogin();
    await clearThrottle();
    expect((await send(s, uid, email)).status).toBe(202);
    const first = /^\s*([A-HJ-NP-Za-km-z2-9]{12})\s*$/m.exec((await latestMail(email, '臨時密碼')).body)![1]!;
    await clearThrottle();
    expect((await send(s, uid, email)).status).toBe(202);
    // The newer mail replaces the first password.
    const second = await eventually(async () => {
      const pw = /^\s*([A-HJ-NP-Za-km-z2-9]{12})\s*$/m.exec((await latestMail(email, '臨時密碼')).body)![1]!;
      return pw !== first ? pw : null;
    });
    expect((await login(s, uid, email, first)).body.error).toEqual(TEMP_FAILED);
    await prisma.temporaryPassword.updateMany({
      where: { userId: user.id, consumedAt: null },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await login(s, uid, email, second)).body.error).toEqual(TEMP_FAILED);
    const user2 = await prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(user2.loginCount).toBe(0);
  });
});

describe('個人帳號管理 › 手機號碼 and 備用電子郵件', () => {
  it('binds a mobile number by the SMS code from the Mitake simulator, records and mails it, then unbinds', async () => {
    const { user, session, email } = await loggedInUser();
    const mobile = randomMobile();
    expect((await session.post('/api/account/mobile/verifications', { mobile: '12345' })).body.error.fields.mobile).toBeDefined();

    const started = await session.post('/api/account/mobile/verifications', { mobile });
    expect(started.status).toBe(201);
    expect(started.body.mobile).toBe(`${mobile.slice(0, 4)}***${mobile.slice(-3)}`);
    const sms = await smsTo(mobile);
    const code = /(\d{6})/.exec(sms.body)![1]!;
    expect(sms.body).toContain('手機號碼綁定');

    const wrong = await session.post(`/api/account/mobile/verifications/${started.body.verificationId}/confirm`, {
      code: code === '000000' ? '111111' : '000000',
    });
    expect(wrong.body.error.code).toBe('CODE_INVALID');
    // Another user cannot confirm this user's code.
    const other = await loggedInUser();
    expect(
      (await other.session.post(`/api/account/mobile/verifications/${started.body.verificationId}/confirm`, { code })).status,
    ).toBe(400);

    const confirmed = await session.post(`/api/account/mobile/verifications/${started.body.verificationId}/confirm`, { code });
    expect(confirmed.status).toBe(200);
    expect((await other.session.put('/api/account/mobile', { token: confirmed.body.token })).status).toBe(401);
    expect((await session.put('/api/account/mobile', { token: confirmed.body.token })).status).toBe(200);
    expect((await session.put('/api/account/mobile', { token: confirmed.body.token })).body.error.code).toBe(
      'VERIFICATION_REQUIRED',
    );
    expect((await session.get('/api/account')).body.mobile.number).toBe(mobile);
    expect(await usageActions(user.id)).toContain('binding.mobile.bind');
    expect((await latestMail(email, '手機號碼綁定')).body).toContain(`${mobile.slice(0, 4)}***${mobile.slice(-3)}`);

    // The number is now taken: another account cannot bind it.
    const taken = await other.session.post('/api/account/mobile/verifications', { mobile });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe('MOBILE_ALREADY_BOUND');

    // The SMS went through the outbox; its workflow history has the key, not the code.
    const verification = await prisma.smsVerification.findUniqueOrThrow({ where: { id: started.body.verificationId } });
    expect(verification.codeHash).not.toContain(code);
    const key = verificationMessageKey('sms-verification', verification.id);
    const history = await historyText(`sms-${key}`);
    expect(history).toContain(key);
    expect(history).not.toContain(code);
    expect(history).not.toContain(verification.id);

    expect((await session.delete('/api/account/mobile')).status).toBe(204);
    expect((await session.get('/api/account')).body.mobile).toBeNull();
    expect(await usageActions(user.id)).toEqual(expect.arrayContaining(['binding.mobile.bind', 'binding.mobile.unbind']));
    await latestMail(email, '手機號碼解除綁定');
    expect((await session.delete('/api/account/mobile')).body.error.code).toBe('MOBILE_NOT_BOUND');
  });

  it('re-binds the backup e-mail by a mailed code (never an official address) and tells both addresses', async () => {
    const { user, session, email } = await loggedInUser();
    const official = await session.post('/api/account/backup-email/verifications', {
      email: `${user.account}@mail.tainan.gov.tw`,
    });
    expect(official.status).toBe(400);
    expect(official.body.error.fields.email).toContain('@mail.tainan.gov.tw');
    // An address bound to another account is refused.
    const other = await createActiveUser(prisma);
    expect((await session.post('/api/account/backup-email/verifications', { email: other.backupEmail })).body.error.code).toBe(
      'EMAIL_ALREADY_BOUND',
    );

    const next = `rebind-${crypto.randomUUID().slice(0, 8)}@example.com`;
    const started = await session.post('/api/account/backup-email/verifications', { email: next });
    expect(started.status).toBe(201);
    const code = /\b(\d{6})\b/.exec((await latestMail(next, '驗證碼')).body)![1]!;
    const confirmed = await session.post(`/api/account/backup-email/verifications/${started.body.verificationId}/confirm`, {
      code,
    });
    expect(confirmed.status).toBe(200);
    expect((await session.put('/api/account/backup-email', { token: 'not-a-token' })).body.error.code).toBe(
      'VERIFICATION_REQUIRED',
    );
    expect((await session.put('/api/account/backup-email', { token: confirmed.body.token })).body).toEqual({ backupEmail: next });
    expect((await session.get('/api/account')).body.backupEmail).toBe(next);
    expect(await usageActions(user.id)).toContain('binding.email.rebind');
    const bindings = await prisma.backupEmailBinding.findMany({ where: { userId: user.id } });
    expect(bindings.map((b) => [b.email, b.unboundAt === null])).toEqual([[next, true]]);
    // Both the old and the new address are told.
    await latestMail(email, '備用電子郵件重新綁定');
    await latestMail(next, '備用電子郵件重新綁定');
  });

  it('answers 401 to a visitor who is not logged in', async () => {
    const visitor = apiSession();
    expect((await visitor.get('/api/account')).status).toBe(401);
    expect((await visitor.post('/api/account/otp/setup')).status).toBe(401);
    expect((await visitor.post('/api/account/mobile/verifications', { mobile: randomMobile() })).status).toBe(401);
  });
});
