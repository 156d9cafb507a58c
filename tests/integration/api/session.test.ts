import { describe, expect, it } from 'vitest';
import { createPrisma } from '../../../activities/db/prisma';
import { e2e, testEnv } from '../../support/env';
import { apiSession } from '../../support/http';

describe('一般登入 session API', () => {
  it('logs in with the demo password and reports the user, agency and roles without secrets', async () => {
    const s = apiSession();
    const { status, body } = await s.login(e2e.sysadmin());
    expect(status).toBe(200);
    expect(body.user).toMatchObject({ account: e2e.sysadmin(), roles: ['SYSTEM_ADMIN'] });
    expect(body.user.organization.name).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/passwordHash|nationalId|argon2/);
    expect((await s.get('/api/session')).body.user.account).toBe(e2e.sysadmin());
    expect((await s.delete('/api/session')).status).toBe(204);
    expect((await s.get('/api/session')).status).toBe(401);
  });

  it('gives the same answer for a wrong password and an unknown account', async () => {
    const wrong = await apiSession().login(e2e.sysadmin(), 'Wrong@Pass1');
    const unknown = await apiSession().login('no_such_user_x', 'Wrong@Pass1');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error).toEqual({ code: 'LOGIN_FAILED', message: '帳號或密碼錯誤' });
  });

  it('rejects an empty form with field messages and malformed JSON with a clear error', async () => {
    const empty = await apiSession().post('/api/session', { account: '', password: '', captchaId: 'x', captchaAnswer: '' });
    expect(empty.status).toBe(400);
    expect(empty.body.error.fields).toEqual({
      account: '請輸入登入帳號',
      password: '請輸入密碼',
      captchaAnswer: '請輸入圖形驗證碼',
    });
    const response = await fetch(`${e2e.baseUrl()}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(response.status).toBe(400);
    expect((await response.json()).error.code).toBe('VALIDATION_FAILED');
  });

  it('refuses a wrong or reused 圖形驗證碼 before looking at the credentials', async () => {
    const s = apiSession();
    const captcha = (await s.post('/api/captcha')).body as { id: string };
    const { answer } = (await s.get(`/dev/captcha/${captcha.id}`)).body as { answer: string };
    const wrong = await s.post('/api/session', {
      account: e2e.sysadmin(),
      password: e2e.password(),
      captchaId: captcha.id,
      captchaAnswer: `${answer}x`,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ code: 'CAPTCHA_INVALID', fields: { captchaAnswer: '驗證碼錯誤，請重新輸入' } });
    // The image was spent by the wrong guess: the right answer no longer works either.
    const reused = await s.post('/api/session', {
      account: e2e.sysadmin(),
      password: e2e.password(),
      captchaId: captcha.id,
      captchaAnswer: answer,
    });
    expect(reused.body.error.code).toBe('CAPTCHA_INVALID');
    expect((await s.get('/api/session')).status).toBe(401);
  });

  it('counts the password-expiry reminder from the 密碼有效期限 system parameter', async () => {
    const prisma = createPrisma(testEnv().DATABASE_URL);
    const before = await prisma.systemParameter.findUniqueOrThrow({ where: { key: 'password.maxAge' } });
    try {
      await prisma.systemParameter.update({ where: { key: 'password.maxAge' }, data: { value: String(30 * 86_400) } });
      const s = apiSession();
      const { body } = await s.login(e2e.sysadmin());
      expect(body.user.passwordExpiresInDays).toBeGreaterThan(0);
      expect(body.user.passwordExpiresInDays).toBeLessThanOrEqual(30);
    } finally {
      await prisma.systemParameter.update({ where: { key: 'password.maxAge' }, data: { value: before.value } });
      await prisma.$disconnect();
    }
  });
});
