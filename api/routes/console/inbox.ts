import type { Prisma, PrismaClient, RequestType } from '@prisma/client';
import type { Actor } from '../../policies';
import { agencyScope } from '../../policies';

export interface InboxQuery {
  status: 'PENDING' | 'DECIDED' | 'ALL';
  q?: string;
  agencyCode?: string;
  page: number;
  pageSize: number;
}

/**
 * One page of a console inbox (帳號申請審核, 機關管理者申請審核): requests of one type, limited to the
 * agencies the actor administers, by 待審核/已審核, applicant account or name, newest first.
 */
export async function listInbox(prisma: PrismaClient, actor: Actor, type: RequestType, query: InboxQuery) {
  const scope = agencyScope(actor);
  const where: Prisma.RequestWhereInput = {
    type,
    ...(scope ? { agencyId: { in: scope } } : {}),
    ...(query.agencyCode ? { agency: { code: query.agencyCode } } : {}),
    ...(query.status === 'PENDING' ? { status: 'PENDING' } : query.status === 'DECIDED' ? { status: { not: 'PENDING' } } : {}),
    ...(query.q
      ? { OR: [{ applicantAccount: { contains: query.q.toLowerCase() } }, { applicantName: { contains: query.q } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.request.count({ where }),
    prisma.request.findMany({
      where,
      orderBy: { createdAt: 'desc' },
      skip: query.page * query.pageSize,
      take: query.pageSize,
      include: { agency: { select: { code: true, name: true } } },
    }),
  ]);
  return { total, rows };
}
