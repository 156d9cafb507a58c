import type { Prisma, PrismaClient, RequestType } from '@prisma/client';

// Reads of the Request read model (one row per reviewed request, written by its workflow) for the
// console inboxes and the request pages.

const withAgencyAndEvents = {
  agency: { select: { code: true, name: true } },
  events: { orderBy: { seq: 'asc' } },
  // A booking's custodians decide it (場地借用審核, 公務車借用審核).
  resource: { select: { custodian1Id: true, custodian2Id: true } },
} satisfies Prisma.RequestInclude;

/** A request of one type by its id, with its agency and timeline (null when there is none). */
export const requestOfType = (prisma: PrismaClient, type: RequestType, id: string) =>
  prisma.request.findFirst({ where: { id, type }, include: withAgencyAndEvents });

/** Requests of one type by id, as requestOfType reads each (批次核准/駁回: one query for the batch). */
export const requestsOfType = (prisma: PrismaClient, type: RequestType, ids: readonly string[]) =>
  prisma.request.findMany({ where: { id: { in: [...ids] }, type }, include: withAgencyAndEvents });

/** The request its workflow keeps, with its timeline (null until the workflow has written it). */
export const requestOfWorkflow = (prisma: PrismaClient, workflowId: string) =>
  prisma.request.findUnique({ where: { workflowId }, include: { events: { orderBy: { seq: 'asc' } } } });

/** Only the status of a workflow's request (null when none). */
export const requestStatus = async (prisma: PrismaClient, workflowId: string) =>
  (await prisma.request.findUnique({ where: { workflowId }, select: { status: true } }))?.status ?? null;

/** The newest request of a type a user sent, with its timeline (null when none). */
export const latestRequestOf = (prisma: PrismaClient, type: RequestType, applicantUserId: string) =>
  prisma.request.findFirst({
    where: { type, applicantUserId },
    orderBy: { createdAt: 'desc' },
    include: { events: { orderBy: { seq: 'asc' } } },
  });

const withCheckEvents = { events: { orderBy: { seq: 'asc' as const }, select: { kind: true, data: true, at: true } } };

/** 連線測試: the newest runs with their steps. */
export const connectivityChecks = (prisma: PrismaClient, limit: number) =>
  prisma.request.findMany({
    where: { type: 'CONNECTIVITY_CHECK' },
    orderBy: { createdAt: 'desc' },
    take: limit,
    include: withCheckEvents,
  });

/** One 連線測試 run with its steps (null when none). */
export const connectivityCheck = (prisma: PrismaClient, id: string) =>
  prisma.request.findFirst({ where: { id, type: 'CONNECTIVITY_CHECK' }, include: withCheckEvents });

/** A user's newest requests of a type, with their timelines. */
export const requestsOf = (prisma: PrismaClient, type: RequestType, applicantUserId: string, take: number) =>
  prisma.request.findMany({
    where: { type, applicantUserId },
    orderBy: { createdAt: 'desc' },
    take,
    include: { events: { orderBy: { seq: 'asc' } } },
  });

/** One request of a type the user sent, with its timeline (null for anyone else's, as if none). */
export const ownRequest = (prisma: PrismaClient, type: RequestType, id: string, applicantUserId: string) =>
  prisma.request.findFirst({ where: { id, type, applicantUserId }, include: { events: { orderBy: { seq: 'asc' } } } });
