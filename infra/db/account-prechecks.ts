import type { PrismaClient } from '@prisma/client';
import {
  precheckResult,
  soleAgencyAdminProblem,
  type PrecheckProblem,
  type PrecheckResult,
} from '../../domain/account-prechecks';

/**
 * Mail-account custodianship (機關或資訊系統郵件帳號的保管人). Extension point: mail accounts do not
 * exist yet (their issue adds them), so no one is a custodian and the check passes. When they land,
 * look up the accounts this user keeps and return `mailAccountCustodianProblem(...)` from
 * domain/account-prechecks.ts when there are any.
 */
export async function mailAccountCustodyProblems(
  _prisma: PrismaClient,
  _user: { id: string; name: string; account: string },
): Promise<PrecheckProblem[]> {
  return [];
}

/** 唯一機關管理者: an AGENCY_ADMIN of an agency where no other active user holds that role. */
export async function soleAgencyAdminProblems(
  prisma: PrismaClient,
  user: { id: string; name: string; account: string },
): Promise<PrecheckProblem[]> {
  const roles = await prisma.roleAssignment.findMany({
    where: { userId: user.id, role: 'AGENCY_ADMIN', organizationId: { not: null } },
    include: { organization: { select: { name: true } } },
  });
  const problems: PrecheckProblem[] = [];
  for (const role of roles) {
    const others = await prisma.roleAssignment.count({
      where: {
        role: 'AGENCY_ADMIN',
        organizationId: role.organizationId,
        userId: { not: user.id },
        user: { status: 'ACTIVE' },
      },
    });
    if (others === 0) problems.push(soleAgencyAdminProblem(user, role.organization?.name ?? '所屬機關'));
  }
  return problems;
}

/**
 * The checks shared by 停用, 閒置停用 and 機關(單位)異動 (手冊 圖 10, 圖 11): the account may leave
 * its agency only when nothing it holds would be left without a keeper.
 */
export async function accountLeavePrechecks(prisma: PrismaClient, userId: string): Promise<PrecheckResult> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, account: true } });
  return precheckResult([...(await soleAgencyAdminProblems(prisma, user)), ...(await mailAccountCustodyProblems(prisma, user))]);
}
