import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { clearSessionCookie, type SessionStore } from '../../auth/session';
import { authorize, type Actor } from '../../policies';
import { organizationPath } from '../../presenters/account-application';
import { noBody } from '../../request-body';
import { presentSessionUser } from '../../presenters/user';
import { sessionUser } from '../../queries/users';

interface Deps {
  prisma: PrismaClient;
  sessions: SessionStore;
  secureCookies: boolean;
  passwordMaxAgeDays: () => Promise<number>;
}

/** The portal session: who is logged in (GET) and 登出 of the portal session alone (DELETE). Logging in is api/auth/portal-client.ts. */
export function sessionRoutes({ prisma, sessions, secureCookies, passwordMaxAgeDays }: Deps) {
  const router = Router();

  async function present(actor: Actor) {
    const row = await sessionUser(prisma, actor.id);
    return presentSessionUser(row, actor, await organizationPath(prisma, actor.organizationId), await passwordMaxAgeDays());
  }

  router.get('/', async (req, res) => {
    // The SPA asks for its session before anything else: a new browser gets its binding cookie here,
    // once, instead of from two values issued in parallel (two captchas, say), whose answers would each
    // set a different cookie and leave one value bound to a browser that no longer holds it.
    req.bindClient();
    authorize(req.actor, 'session.read');
    res.json(await present(req.actor));
  });

  router.delete('/', noBody, async (req, res) => {
    if (req.sessionToken) await sessions.revoke(req.sessionToken);
    clearSessionCookie(res, secureCookies);
    res.status(204).end();
  });

  return router;
}
