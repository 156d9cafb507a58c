import type { Prisma, PrismaClient, RequestType } from '@prisma/client';

// Reads of the Request read model (one row per reviewed request, written by its workflow) for the
// console inboxes and the request pages.

const withAgencyAndEvents = {
  agency: { select: { code: true, name: true } },
  events: { orderBy: { seq: 'asc' } },
} satisfies Prisma.RequestInclude;

/** A request of one type by its id, with its agency and timeline (null when there is none). */
export const requestOfType = (prisma: PrismaClient, type: RequestType, id: string) =>
  prisma.request.findFirst({ where: { id, type }, include: withAgencyAndEvents });

/** The request its workflow keeps, with its timeline (null until the workflow has written it). */
export const requestOfWorkflow = (prisma: PrismaClient, workflowId: string) =>
  prisma.request.findUnique({ where: { workflowId }, include: { events: { orderBy: { seq: 'asc' } } } });

/** Only the status of a workflow's request (null when none). */
export const requestStatus = async (prisma: PrismaClient, workflowId: string) =>
  (await prisma.request.findUnique({ where: { workflowId }, select: { status: true } }))?.status ?? null;
