import type { PrismaClient } from '@prisma/client';
import { Router } from 'express';
import { z } from 'zod';
import { OFFICIAL_MAIL_DOMAIN } from '../../../domain/email';
import type { EmailVerification } from '../../commands/email-verification';
import { fail } from '../../errors';
import type { IdentityProofs } from '../../identity/proof';
import { authorize } from '../../policies';
import { organizationPath } from '../../presenters/account-application';

const codeParams = z.object({ agencyCode: z.string().trim().min(1, '請選擇機關').max(32, '機關代碼格式錯誤') });

/**
 * Who may get a 機關管理員查詢 code by 備用信箱 (manual §3.2.6): an address given in a 個人帳號申請, or
 * the backup e-mail of an account. The answer to the browser is the same either way.
 */
export function adminLookupUse(prisma: PrismaClient) {
  return {
    label: '機關管理員查詢',
    eligible: async (email: string) =>
      (await prisma.user.count({ where: { backupEmail: email, status: { not: 'DISABLED' } } })) +
        (await prisma.accountApplication.count({ where: { backupEmail: email } })) >
      0,
  };
}

/**
 * An agency's admins as anyone may see them: name, unit, title, office phone and the official
 * mailbox when one was granted — never the backup e-mail, mobile number or ID number. Without an
 * admin of its own, the system admins (who then decide its requests) are listed instead.
 */
async function agencyAdmins(prisma: PrismaClient, agencyId: string) {
  const select = {
    account: true,
    name: true,
    title: true,
    officePhone: true,
    officeExt: true,
    officialMail: true,
    organizationId: true,
  } as const;
  const own = await prisma.user.findMany({
    where: { status: 'ACTIVE', roles: { some: { role: 'AGENCY_ADMIN', organizationId: agencyId } } },
    select,
    orderBy: [{ name: 'asc' }, { account: 'asc' }],
  });
  const admins = own.length
    ? own
    : await prisma.user.findMany({
        where: { status: 'ACTIVE', roles: { some: { role: 'SYSTEM_ADMIN' } } },
        select,
        orderBy: [{ name: 'asc' }, { account: 'asc' }],
      });
  const items = await Promise.all(
    admins.map(async (u) => ({
      name: u.name,
      unit: await organizationPath(prisma, u.organizationId),
      title: u.title ?? '',
      officePhone: u.officePhone ?? '',
      officeExt: u.officeExt ?? '',
      officialMail: u.officialMail ? `${u.account}@${OFFICIAL_MAIL_DOMAIN}` : '',
    })),
  );
  return { fallback: own.length === 0, items };
}

async function agencyByCode(prisma: PrismaClient, code: string) {
  const agency = await prisma.organization.findFirst({ where: { code, retiredAt: null, kind: { not: 'SECTION' } } });
  if (!agency) throw fail('NOT_FOUND', '找不到此機關，請重新選擇');
  return agency;
}

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
    const agency = await prisma.organization.findUniqueOrThrow({ where: { id: req.actor.agencyId } });
    res.json({
      agency: { code: agency.code, name: await organizationPath(prisma, agency.id) },
      ...(await agencyAdmins(prisma, agency.id)),
    });
  });

  return router;
}
