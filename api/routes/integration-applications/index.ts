import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { IntegrationActionCode, ServiceKind } from '../../../domain/integrations/services';
import { credentialChangeSchema } from '../../../domain/schemas/integration';
import {
  readableIntegrationApplication,
  resubmitIntegrationApplication,
  revealIntegrationSecret,
  submitIntegrationApplication,
  type IntegrationDeps,
} from '../../commands/integration-applications';
import { authorize, can, type Actor } from '../../policies';
import { presentIntegrationApplication } from '../../queries/integration-applications';
import { authorized, body, noBody } from '../../request-body';

/** The address's kind segment ↔ the service kind. */
export const KIND_SEGMENTS = { sso: 'SSO', verify: 'VERIFY', redirect: 'REDIRECT', sms: 'SMS' } as const satisfies Record<
  string,
  ServiceKind
>;

const serviceParams = z.object({
  id: z.uuid('找不到此應用系統'),
  kind: z.enum(Object.keys(KIND_SEGMENTS) as [keyof typeof KIND_SEGMENTS], { error: '找不到此介接服務' }),
});
const keyParams = z.object({
  key: z
    .string()
    .trim()
    .regex(/^I\d{8}-\d{5}$/, '申請單號格式錯誤'),
});

/**
 * The kind's 我要申請 form depends on the system (驗證處理常式 on 應用系統網址's host), so the route
 * declares a JSON object and the command checks it against the system's form (400 in its words).
 */
const serviceForm = body(z.record(z.string().max(64), z.unknown()));
const credentialChange = body(credentialChangeSchema);

/**
 * 我要申請 / 更換金鑰 / 停用 (under /api/application-systems, beside the registry's own routes):
 *   POST /:id/services/:kind/applications   the kind's form → 201 { key }
 *   POST /:id/services/:kind/rotations      { reason } → 201 { key }   (the service must be 已啟用)
 *   POST /:id/services/:kind/revocations    { reason } → 201 { key }   (the service must be 已啟用)
 */
export function integrationServiceRoutes(deps: IntegrationDeps) {
  const router = Router();
  const submit =
    (action: IntegrationActionCode, declared: typeof serviceForm | typeof credentialChange): RequestHandler =>
    async (req, res) => {
      const { id, kind } = serviceParams.parse(req.params);
      const input = { systemId: id, kind: KIND_SEGMENTS[kind], action, body: declared.of(req) };
      res.status(201).json(await submitIntegrationApplication(deps, req.actor!, input, req.ip));
    };
  const may = authorized('integration.request');
  router.post('/:id/services/:kind/applications', may, serviceForm, submit('APPLY', serviceForm));
  router.post('/:id/services/:kind/rotations', may, credentialChange, submit('ROTATE', credentialChange));
  router.post('/:id/services/:kind/revocations', may, credentialChange, submit('REVOKE', credentialChange));
  return router;
}

/**
 * 審核紀錄 (/api/integration-applications):
 *   GET  /:key          the application, its form, system, applicant, timeline, credential (no secret),
 *                       canResubmit; temporalUrl for system admins
 *   PUT  /:key          補正: the corrected form (the applicant, while 退回補正) → 200 the record
 *   POST /:key/secret   顯示金鑰: { clientId, clientSecret } once (the applicant), then 410
 */
export function integrationApplicationRoutes(deps: IntegrationDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  const view = async (actor: Actor, key: string) => {
    const row = await readableIntegrationApplication(prisma, actor, key);
    return {
      ...(await presentIntegrationApplication(prisma, row, { userId: actor.id })),
      // Operators follow the workflow in the Temporal UI, as on the other request pages.
      ...(can(actor, 'integration.decide') ? { temporalUrl: temporal.workflowUrl(row.workflowId) } : {}),
    };
  };

  router.get('/:key', async (req, res) => {
    authorize(req.actor, 'integration.read');
    const { key } = keyParams.parse(req.params);
    res.set('cache-control', 'no-store').json(await view(req.actor, key));
  });

  router.put('/:key', authorized('integration.read'), serviceForm, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    await resubmitIntegrationApplication(deps, req.actor!, key, serviceForm.of(req), req.ip);
    res.set('cache-control', 'no-store').json(await view(req.actor!, key));
  });

  router.post('/:key/secret', authorized('integration.read'), noBody, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    res.set('cache-control', 'no-store').json(await revealIntegrationSecret(deps, req.actor!, key, req.ip));
  });

  return router;
}
