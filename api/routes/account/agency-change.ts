import { Router } from 'express';
import { agencyChangeOverview, requestAgencyChange, type AgencyChangeDeps } from '../../commands/agency-change';
import { agencyChangeRequestSchema } from '../../../domain/schemas/agency-change';
import { authorize } from '../../policies';
import { authorized, body } from '../../request-body';

import { presentEvents } from '../../presenters/account-application';
import { latestRequestOf } from '../../queries/requests';

const agencyChangeBody = body(agencyChangeRequestSchema);

/**
 * 個人帳號管理 › 機關(單位)異動 (/api/account/agency-change), the user's own account:
 *   GET  /   目前機關/單位, the ※停用檢查 result (what to hand over, to whom), the latest request
 *   POST /   機關(單位)異動申請 › 送出 (organizationCode, reason): answers once the user is signed out
 */
export function accountAgencyChangeRoutes(deps: AgencyChangeDeps) {
  const { prisma } = deps;
  const router = Router();

  router.get('/', async (req, res) => {
    authorize(req.actor, 'agencyChange.request');
    const latest = await latestRequestOf(prisma, 'AGENCY_CHANGE', req.actor.id);
    const summary = (latest?.summary ?? {}) as { toOrganizationPath?: string; reason?: string };
    res.set('cache-control', 'no-store').json({
      ...(await agencyChangeOverview(deps, req.actor)),
      latest: latest && {
        id: latest.id,
        status: latest.status,
        statusLabel: latest.statusLabel,
        toOrganizationPath: summary.toOrganizationPath ?? '',
        reason: summary.reason ?? '',
        submittedAt: latest.createdAt.toISOString(),
        events: presentEvents(latest.events),
      },
    });
  });

  router.post('/', authorized('agencyChange.request'), agencyChangeBody, async (req, res) => {
    authorize(req.actor, 'agencyChange.request');
    res.status(201).json(await requestAgencyChange(deps, { actor: req.actor, ip: req.ip }, req.body));
  });

  return router;
}
