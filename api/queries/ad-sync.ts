import type { AdSyncStatus, Prisma, PrismaClient } from '@prisma/client';
import { organizationPaths } from '../../infra/db/organization-chain';
import { accountOrNameContains, byAccount } from './users';
import { AD_RECONCILE_PREFIX } from '../../workflows/ad-reconcile.messages';
import { USER_SYNC_PREFIX } from '../commands/ad-sync';

// AD 同步管理作業 reads: accounts with their AD sync state, the 同步比對 runs and what they found.

export interface AdSyncUserQuery {
  status?: AdSyncStatus;
  q?: string;
  page: number;
  pageSize: number;
}

/**
 * 帳號同步狀態: one page of accounts (by account) with their AD sync state, how many match, each
 * row's organisation path and the 重新同步 still running for any of them.
 */
export async function adSyncUserPage(prisma: PrismaClient, query: AdSyncUserQuery) {
  const where: Prisma.UserWhereInput = {
    ...(query.status ? { adSyncStatus: query.status } : {}),
    ...accountOrNameContains(query.q),
  };
  const [total, rows] = await Promise.all([
    prisma.user.count({ where }),
    prisma.user.findMany({
      where,
      ...byAccount(query),
      select: {
        id: true,
        account: true,
        name: true,
        status: true,
        organizationId: true,
        adSyncStatus: true,
        adSyncedAt: true,
        adLastError: true,
      },
    }),
  ]);
  const open = await prisma.request.findMany({
    where: {
      type: 'AD_RECONCILE',
      workflowId: { startsWith: USER_SYNC_PREFIX },
      status: 'SYNCING',
      applicantUserId: { in: rows.map((r) => r.id) },
    },
    select: { workflowId: true, applicantUserId: true },
  });
  const paths = await organizationPaths(
    prisma,
    rows.map((u) => u.organizationId),
  );
  return { total, rows, open, paths };
}

/** An AD_RECONCILE request (重新同步 or 同步比對) by its workflow, with its timeline; null when none. */
export async function adReconcileRequest(prisma: PrismaClient, workflowId: string) {
  const row = await prisma.request.findUnique({ where: { workflowId }, include: { events: { orderBy: { seq: 'asc' } } } });
  return row?.type === 'AD_RECONCILE' ? row : null;
}

/** The newest 同步比對 runs. */
export const adReconcileRuns = (prisma: PrismaClient, take: number) =>
  prisma.request.findMany({
    where: { type: 'AD_RECONCILE', workflowId: { startsWith: AD_RECONCILE_PREFIX } },
    orderBy: { createdAt: 'desc' },
    take,
  });

export interface AdDriftQuery {
  filter?: string;
  q?: string;
  page: number;
  pageSize: number;
}

/** What one 同步比對 found: a page (by account, kind, field) and how many match. */
export async function adDriftPage(prisma: PrismaClient, workflowId: string, query: AdDriftQuery) {
  const where: Prisma.AdDriftWhereInput = {
    workflowId,
    ...(query.filter === 'open' ? { repairedAt: null } : {}),
    ...(query.q ? { account: { contains: query.q.toLowerCase() } } : {}),
  };
  const [total, rows] = await Promise.all([
    prisma.adDrift.count({ where }),
    prisma.adDrift.findMany({
      where,
      orderBy: [{ account: 'asc' }, { kind: 'asc' }, { field: 'asc' }],
      skip: query.page * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return { total, rows };
}

/** Whether the workflow is an AD_RECONCILE request's. */
export const isAdReconcile = async (prisma: PrismaClient, workflowId: string) =>
  (await prisma.request.findUnique({ where: { workflowId }, select: { type: true } }))?.type === 'AD_RECONCILE';
