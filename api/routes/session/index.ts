import argon2 from 'argon2';
import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { loginSchema } from '../../../domain/schemas/session';
import type { Captchas } from '../../commands/captcha';
import { clearSessionCookie, SESSION_COOKIE, sessionCookieOptions, type SessionStore } from '../../auth/session';
import { fail } from '../../errors';
import { authorize, type Actor } from '../../policies';
import { organizationPath } from '../../presenters/account-application';
import { presentSessionUser } from '../../presenters/user';

interface Deps {
  prisma: PrismaClient;
  captchas: Captchas;
  sessions: SessionStore;
  secureCookies: boolean;
  passwordMaxAgeDays: () => Promise<number>;
}

// A hash to verify against when the account does not exist, so both paths cost the same time.
const DUMMY_HASH = argon2.hash('no-such-account-placeholder', { type: argon2.argon2id });

export function sessionRoutes({ prisma, captchas, sessions, secureCookies, passwordMaxAgeDays }: Deps) {
  const router = Router();

  async function present(actor: Actor) {
    const row = await prisma.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: {
        id: true,
        account: true,
        name: true,
        title: true,
        passwordChangedAt: true,
        organization: { select: { code: true, name: true } },
      },
    });
    return presentSessionUser(row, actor, await organizationPath(prisma, actor.organizationId), await passwordMaxAgeDays());
  }

  router.get('/', async (req, res) => {
    authorize(req.actor, 'session.read');
    res.json(await present(req.actor));
  });

  // 一般登入. The SSO issue replaces this with the OIDC flow; the credential check stays here.
  router.post('/', async (req, res) => {
    const input = loginSchema.parse(req.body);
    // The captcha is spent before the credentials are looked at: one image, one guess.
    await captchas.consume(input.captchaId, input.captchaAnswer);
    const user = await prisma.user.findUnique({ where: { account: input.account.toLowerCase() } });
    const valid = await argon2.verify(user?.passwordHash ?? (await DUMMY_HASH), input.password).catch(() => false);
    const ok = Boolean(user && user.passwordHash && valid && user.status === 'ACTIVE');
    await prisma.loginRecord.create({
      data: {
        userId: user?.id ?? null,
        account: input.account.slice(0, 64),
        method: 'PASSWORD',
        action: 'LOGIN',
        result: ok ? 'SUCCESS' : 'FAILURE',
        reason: ok ? null : !user ? 'UNKNOWN_ACCOUNT' : user.status !== 'ACTIVE' ? `STATUS_${user.status}` : 'BAD_PASSWORD',
        ip: req.ip ?? '',
        userAgent: req.get('user-agent')?.slice(0, 512) ?? '',
      },
    });
    if (!ok || !user) throw fail('LOGIN_FAILED');
    await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), loginCount: { increment: 1 } } });
    const token = await sessions.create(user.id, { ip: req.ip, userAgent: req.get('user-agent') });
    const actor = await sessions.actorFor(token);
    if (!actor) throw fail('LOGIN_FAILED');
    res.cookie(SESSION_COOKIE, token, sessionCookieOptions(secureCookies));
    res.json(await present(actor));
  });

  router.delete('/', async (req, res) => {
    if (req.sessionToken) await sessions.revoke(req.sessionToken);
    clearSessionCookie(res, secureCookies);
    res.status(204).end();
  });

  return router;
}
