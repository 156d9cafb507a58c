import type { Prisma, PrismaClient, UserStatus } from '@prisma/client';
import { organizationPaths } from '../../infra/db/organization-chain';
import { accountOrNameContains, byAccount } from './users';

export interface AccountListQuery {
  q?: string;
  status?: UserStatus;
  page: number;
  pageSize: number;
}

/**
 * 帳號管理: one page of accounts (by account) in the given agencies (null: all), by status and a part
 * of the account or the name, with how many match and each row's organisation path.
 */
export async function accountPage(prisma: PrismaClient, agencyIds: string[] | null, query: AccountListQuery) {
  const where: Prisma.UserWhereInput = {
    ...(agencyIds ? { organization: { agencyId: { in: agencyIds } } } : {}),
    ...(query.status ? { status: query.status } : {}),
    ...accountOrNameContains(query.q),
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      ...byAccount(query),
      include: { organization: { select: { agencyId: true } } },
    }),
  ]);
  const paths = await organizationPaths(
    prisma,
    rows.map((u) => u.organizationId),
  );
  return { total, rows, paths };
}
