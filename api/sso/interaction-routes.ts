import type { PrismaClient } from '@prisma/client';
import { Router, type RequestHandler } from 'express';
import { errors as oidcErrors } from 'oidc-provider';
import { requiredLevel } from '../../domain/login-assurance';
import { fail } from '../errors';
import { acrValuesOf, INTERACTION_LOCAL, type Interaction, type LoginKit } from './login-kit';
import { loginMethods } from './login-methods';
import type { SsoMethodDeps } from './login-methods/types';
import type { SsoProvider } from './provider';
import { noBody } from '../request-body';
import { recordUsage } from '../commands/usage';

/** What the 授權 screen says each scope releases. */
export const SCOPE_LABELS: Record<string, string> = {
  openid: '您的帳號識別碼',
  profile: '姓名、登入帳號、職稱',
  email: '公務電子郵件',
  organization: '服務機關及單位',
  phone: '公務電話',
  offline_access: '在您未使用時維持連線（更新權杖）',
};

/**
 * The steps oidc-provider hands to us (its "interactions"): the login page with the five methods and
 * the 授權 (consent) screen. oidc-provider sends the browser to /api/sso/interaction/:uid with a
 * cookie scoped to that path; the SPA renders /login/sso/:uid and calls the routes below.
 */
export function interactionRoutes(deps: { sso: SsoProvider; kit: LoginKit; prisma: PrismaClient; methodDeps: SsoMethodDeps }) {
  const { sso, kit } = deps;
  const router = Router();

  async function details(req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1]) {
    // Read once per request: the route guard and the login kit's finish share it (res.locals).
    const known = res.locals[INTERACTION_LOCAL] as Interaction | undefined;
    if (known) return known;
    try {
      const found = await sso.current().interactionDetails(req, res);
      if (found.uid !== req.params.uid) throw fail('INTERACTION_EXPIRED');
      res.locals[INTERACTION_LOCAL] = found;
      return found;
    } catch (error) {
      if (error instanceof oidcErrors.SessionNotFound) throw fail('INTERACTION_EXPIRED');
      throw error;
    }
  }

  const requireLoginPrompt: RequestHandler = async (req, res, next) => {
    const found = await details(req, res);
    if (found.prompt.name !== 'login') throw fail('INTERACTION_EXPIRED');
    next();
  };

  router.get('/:uid', (req, res) => {
    res.redirect(303, `/login/sso/${encodeURIComponent(req.params.uid)}`);
  });

  router.get('/:uid/details', async (req, res) => {
    const found = await details(req, res);
    const clientId = String(found.params.client_id ?? '');
    const client = await sso.current().Client.find(clientId);
    const internal = kit.zone.isInternal(req.ip);
    const base = {
      uid: found.uid,
      prompt: found.prompt.name as string,
      client: { id: clientId, name: client?.clientName ?? clientId },
      internal,
      methods: kit.methodsFor(req, found),
      /** The system asked for a certificate (acr_values): the page says why only those are offered. */
      certificateRequired: requiredLevel(acrValuesOf(found)) > 1,
    };
    if (found.prompt.name !== 'consent') return res.json(base);
    const requested = String(found.params.scope ?? 'openid')
      .split(' ')
      .filter((s) => s in SCOPE_LABELS);
    const user = found.session?.accountId
      ? await deps.prisma.user.findUnique({ where: { id: found.session.accountId }, select: { name: true, account: true } })
      : null;
    res.json({
      ...base,
      user,
      scopes: requested.map((scope) => ({ scope, label: SCOPE_LABELS[scope]! })),
    });
  });

  // 授權: the person agrees to release the listed data to the system.
  router.post('/:uid/consent', noBody, async (req, res) => {
    const provider = sso.current();
    const found = await details(req, res);
    if (found.prompt.name !== 'consent' || !found.session?.accountId) throw fail('INTERACTION_EXPIRED');
    const clientId = String(found.params.client_id);
    const grant = found.grantId
      ? ((await provider.Grant.find(found.grantId)) ?? new provider.Grant({ accountId: found.session.accountId, clientId }))
      : new provider.Grant({ accountId: found.session.accountId, clientId });
    const missing = found.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    const grantId = await grant.save();
    await recordUsage(deps.prisma, {
      userId: found.session.accountId,
      action: 'sso.consent',
      target: clientId,
      detail: { scopes: missing.missingOIDCScope ?? [] },
      ip: req.ip ?? null,
    });
    const redirectTo = await provider.interactionResult(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
    res.json({ redirectTo });
  });

  // 取消 / 不同意: back to the system with access_denied.
  router.post('/:uid/abort', noBody, async (req, res) => {
    await details(req, res);
    const redirectTo = await sso
      .current()
      .interactionResult(
        req,
        res,
        { error: 'access_denied', error_description: '使用者取消登入或拒絕授權' },
        { mergeWithLastSubmission: false },
      );
    res.json({ redirectTo });
  });

  for (const module of loginMethods) {
    router.use(`/:uid/${module.slug}`, requireLoginPrompt, kit.guard(module.method), module.routes(deps.methodDeps));
  }
  return router;
}
