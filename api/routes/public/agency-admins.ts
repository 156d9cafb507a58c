import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import type { EmailVerification } from '../../commands/email-verification';
import type { IdentityProofs } from '../../identity/proof';
import { authorize } from '../../policies';
import { organizationPath } from '../../presenters/account-application';
import { agencyAdmins, agencyByCode } from '../../queries/agency-admins';
import { organizationById } from '../../queries/organizations';

const codeParams = z.object({ agencyCode: z.string().trim().min(1, '請選擇機關').max(32, '機關代碼格式錯誤') });

/**
 * 機關管理員查詢 (not logged in, manual §3.2.6): after 備用信箱 (X-Verification-Token of a STATUS
 * verification started as ADMIN_LOOKUP) or 行動自然人憑證 (X-Identity-Proof, purpose VERIFY), the
 * admins of the chosen agency. The token is not spent: one verification looks up several agencies
 * while it lasts (30 minutes / 15 minutes).
 *   GET /api/agency-admin-lookup/:agencyCode
 */
export function agencyAdminLookupRoutes(deps: { prisma: PrismaClient; verification: EmailVerification; proofs: IdentityProofs }) {
  const { prisma } = deps;
  const router = Router();

  router.get('/:agencyCode', async (req, res) => {
    const proof = req.get('x-identity-proof')?.trim();
    if (proof) await deps.proofs.peek(proof, ['VERIFY'], req.boundClient);
    else await deps.verification.require(req.get('x-verification-token')?.trim() || undefined, ['STATUS'], req.boundClient);
    const { agencyCode } = codeParams.parse(req.params);
    const agency = await agencyByCode(prisma, agencyCode);
    res.json({
      agency: { code: agency.code, name: await organizationPath(prisma, agency.id) },
      ...(await agencyAdmins(prisma, agency.id)),
    });
  });

  return router;
}

/** 公務通訊資源 › 本機關管理者 (logged in): the admins of the user's own agency. GET /api/communication/agency-admins */
export function myAgencyAdminRoutes(deps: { prisma: PrismaClient }) {
  const { prisma } = deps;
  const router = Router();

  router.get('/agency-admins', async (req, res) => {
    authorize(req.actor, 'agencyAdmins.read');
    const agency = await organizationById(prisma, req.actor.agencyId);
    res.json({
      agency: { code: agency.code, name: await organizationPath(prisma, agency.id) },
      ...(await agencyAdmins(prisma, agency.id)),
    });
  });

  return router;
}
