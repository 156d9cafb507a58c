import type { AdDriftKind, Prisma, PrismaClient } from '@prisma/client';
import { ApplicationFailure } from '@temporalio/common';
import type { AdClient, AdUserWithGroups } from '../../infra/ad/client';
import { AdError, toAdError } from '../../infra/ad/errors';
import {
  AD_DRIFT_KIND_LABELS,
  type ReconcileActor,
  type ReconcileProgress,
  type UserAdSyncResult,
} from '../../domain/requests/ad-reconcile';
import { cnOf, compareUser, NOT_MEMBER, type FoundDrift } from './compare';
import { desiredAdUser, USER_FOR_AD } from './desired-state';
import { repairDrift, RepairRefused, type RepairAd } from './repair';

export { desiredAdUser, USER_FOR_AD } from './desired-state';

type Ad = RepairAd & Pick<AdClient, 'findUsers' | 'listUsersUnderRoot' | 'listAdminGroupMembers'>;

const ADMIN_GROUP = /^(.+)-admins$/i;

const short = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);
const REPAIR_CHUNK = 100;

/** An AD outage becomes a retryable failure (the work waits for AD); anything else is returned as text. */
function outage(error: unknown, what: string): ApplicationFailure | null {
  const e = error instanceof AdError ? error : error instanceof RepairRefused ? null : toAdError(error, what);
  if (!e?.retryable) return null;
  return ApplicationFailure.retryable(e.message, `AdError.${e.code}`);
}

const driftSummary = (drifts: { kind: AdDriftKind; field: string }[]) =>
  [
    ...new Set(
      drifts.map(
        (d) =>
          `${AD_DRIFT_KIND_LABELS[d.kind]}${d.field && d.kind !== 'ENABLED_MISMATCH' && d.kind !== 'OU_MISMATCH' ? ` ${d.field}` : ''}`,
      ),
    ),
  ].join('、');

/**
 * AD 同步管理作業: compare the database (master) with AD in batches, record the drift, repair it, and
 * push one user's view to AD (重新同步). Inputs and results are ids, counts and field names only.
 */
export function createAdSyncActivities({ prisma, ad }: { prisma: PrismaClient; ad: Ad }) {
  async function adUsersOf(accounts: string[]): Promise<Map<string, AdUserWithGroups>> {
    const found = await ad.findUsers(accounts);
    return new Map(found.map((u) => [u.account.toLowerCase(), u]));
  }

  async function saveProgress(workflowId: string, progress: ReconcileProgress) {
    await prisma.request.updateMany({
      where: { workflowId },
      data: { summary: { scope: 'ALL', progress } as unknown as Prisma.InputJsonObject },
    });
  }

  /** Fresh database and AD state of one user, for a repair. */
  async function stateOf(userId: string) {
    const row = await prisma.user.findUnique({ where: { id: userId }, select: USER_FOR_AD });
    if (!row) throw new RepairRefused('入口網已無此帳號');
    const want = desiredAdUser(row, ad.rootDn);
    const have = (await adUsersOf([row.account])).get(row.account.toLowerCase()) ?? null;
    return { want, have };
  }

  async function markUser(userId: string, failedDrifts: string[], at = new Date()) {
    await prisma.user.update({
      where: { id: userId },
      data: failedDrifts.length
        ? { adSyncStatus: 'FAILED', adLastError: short(failedDrifts.join('；')) }
        : { adSyncStatus: 'SYNCED', adSyncedAt: at, adLastError: null },
    });
  }

  return {
    async countReconcileUsers(): Promise<{ total: number }> {
      return { total: await prisma.user.count() };
    },

    /**
     * Compares the next `batchSize` users (by account, after `cursor`) with AD: records their drift,
     * marks the users 已同步 / 同步失敗 and saves the run's progress. Retried as a whole while AD is down.
     */
    async reconcileBatch(input: {
      workflowId: string;
      cursor: string | null;
      batchSize: number;
      progress: ReconcileProgress;
    }): Promise<{ cursor: string | null; checked: number; drifts: number }> {
      const users = await prisma.user.findMany({
        where: input.cursor ? { account: { gt: input.cursor } } : {},
        orderBy: { account: 'asc' },
        take: input.batchSize,
        select: USER_FOR_AD,
      });
      if (users.length === 0) return { cursor: null, checked: 0, drifts: 0 };
      let inAd: Map<string, AdUserWithGroups>;
      try {
        inAd = await adUsersOf(users.map((u) => u.account));
      } catch (error) {
        throw outage(error, 'find AD users') ?? error;
      }
      const rows: Prisma.AdDriftCreateManyInput[] = [];
      const clean: string[] = [];
      const drifted = new Map<string, FoundDrift[]>();
      for (const user of users) {
        const found = compareUser(desiredAdUser(user, ad.rootDn), inAd.get(user.account) ?? null, ad.rootDn);
        if (found.length === 0) clean.push(user.id);
        else drifted.set(user.id, found);
        for (const d of found) rows.push({ workflowId: input.workflowId, userId: user.id, account: user.account, ...d });
      }
      const now = new Date();
      await prisma.$transaction([
        prisma.adDrift.createMany({ data: rows, skipDuplicates: true }),
        prisma.user.updateMany({
          where: { id: { in: clean } },
          data: { adSyncStatus: 'SYNCED', adSyncedAt: now, adLastError: null },
        }),
        ...[...drifted].map(([id, found]) =>
          prisma.user.update({
            where: { id },
            data: { adSyncStatus: 'FAILED', adLastError: short(`比對發現與 AD 不一致：${driftSummary(found)}`) },
          }),
        ),
      ]);
      const checked = users.length;
      await saveProgress(input.workflowId, {
        ...input.progress,
        checked: input.progress.checked + checked,
        drifts: input.progress.drifts + rows.length,
      });
      return { cursor: users.at(-1)!.account, checked, drifts: rows.length };
    },

    /** Lists (never deletes) the accounts under the root OU that no portal user has. */
    async recordUnmanagedAccounts({ workflowId }: { workflowId: string }): Promise<{ unmanaged: number }> {
      let listed: { account: string; dn: string }[];
      try {
        listed = await ad.listUsersUnderRoot();
      } catch (error) {
        throw outage(error, 'list AD users') ?? error;
      }
      let unmanaged = 0;
      for (let i = 0; i < listed.length; i += 1000) {
        const chunk = listed.slice(i, i + 1000);
        const known = await prisma.user.findMany({
          where: { account: { in: chunk.map((e) => e.account.toLowerCase()) } },
          select: { account: true },
        });
        const knownSet = new Set(known.map((k) => k.account));
        const rows = chunk
          .filter((e) => e.account && !knownSet.has(e.account.toLowerCase()))
          .map((e) => ({
            workflowId,
            userId: null,
            account: e.account.slice(0, 64),
            kind: 'UNMANAGED_IN_AD' as const,
            field: '',
            dbValue: null,
            adValue: e.dn,
          }));
        await prisma.adDrift.createMany({ data: rows, skipDuplicates: true });
        unmanaged += rows.length;
      }
      return { unmanaged };
    },

    /**
     * Lists (never removes) the members of the portal's 機關管理者 groups that are no portal account:
     * the batches compare the portal's own accounts only, so an AD account put into <code>-admins by
     * hand would go unnoticed. Groups of a unit the portal does not know are not the portal's.
     */
    async recordAdminGroupOutsiders({ workflowId }: { workflowId: string }): Promise<{ outsiders: number }> {
      let groups: Awaited<ReturnType<Ad['listAdminGroupMembers']>>;
      try {
        groups = await ad.listAdminGroupMembers();
      } catch (error) {
        throw outage(error, 'list AD admin groups') ?? error;
      }
      const codeOf = (name: string) => ADMIN_GROUP.exec(name)?.[1] ?? '';
      const agencies = await prisma.organization.findMany({
        where: { code: { in: groups.map((g) => codeOf(g.name)) } },
        select: { code: true },
      });
      const portalGroups = groups.filter((g) => agencies.some((a) => a.code === codeOf(g.name)));
      const accounts = [
        ...new Set(portalGroups.flatMap((g) => g.members.flatMap((m) => (m.account ? [m.account.toLowerCase()] : [])))),
      ];
      const portalAccounts = new Set(
        (await prisma.user.findMany({ where: { account: { in: accounts } }, select: { account: true } })).map((u) => u.account),
      );
      const rows = portalGroups.flatMap((g) =>
        g.members
          .filter((m) => !m.account || !portalAccounts.has(m.account.toLowerCase()))
          .map((m) => ({
            workflowId,
            userId: null,
            account: (m.account?.toLowerCase() ?? cnOf(m.dn)).slice(0, 64),
            kind: 'ADMIN_GROUP_MISMATCH' as const,
            field: g.name.slice(0, 64),
            dbValue: NOT_MEMBER,
            adValue: `成員（${m.dn}）`,
          })),
      );
      await prisma.adDrift.createMany({ data: rows, skipDuplicates: true });
      // Counted from the table: a retry after the insert finds its rows already there.
      return { outsiders: await prisma.adDrift.count({ where: { workflowId, kind: 'ADMIN_GROUP_MISMATCH', userId: null } }) };
    },

    /**
     * Repairs up to 100 unrepaired drifts of the run (the chosen ones, or all after `afterId`), each
     * from fresh state; records who repaired it, or why it could not be. An AD outage stops the batch
     * and is retried (what was done stays done).
     */
    async repairDrifts(input: {
      workflowId: string;
      driftIds?: string[];
      afterId?: string | null;
      actor: ReconcileActor;
    }): Promise<{ repaired: number; failed: number; lastId: string | null }> {
      const rows = await prisma.adDrift.findMany({
        where: {
          workflowId: input.workflowId,
          repairedAt: null,
          // Accounts the portal does not manage (only in AD, or in an admin group) are listed, not repaired.
          userId: { not: null },
          ...(input.driftIds ? { id: { in: input.driftIds } } : input.afterId ? { id: { gt: input.afterId } } : {}),
        },
        orderBy: { id: 'asc' },
        take: REPAIR_CHUNK,
      });
      let repaired = 0;
      let failed = 0;
      const byUser = new Map<string, typeof rows>();
      for (const row of rows) byUser.set(row.userId ?? '', [...(byUser.get(row.userId ?? '') ?? []), row]);
      for (const [userId, drifts] of byUser) {
        const errors: string[] = [];
        try {
          const { want, have } = await stateOf(userId);
          for (const drift of drifts) {
            try {
              await repairDrift({ prisma, ad }, want, have, drift);
              await prisma.adDrift.update({
                where: { id: drift.id },
                data: {
                  repairedAt: new Date(),
                  repairedById: input.actor.userId,
                  repairedByName: input.actor.name,
                  repairError: null,
                },
              });
              repaired++;
            } catch (error) {
              const retry = outage(error, `repair AD user ${drift.account}`);
              if (retry) throw retry;
              await prisma.adDrift.update({ where: { id: drift.id }, data: { repairError: short(error) } });
              errors.push(`${AD_DRIFT_KIND_LABELS[drift.kind]}：${short(error)}`);
              failed++;
            }
          }
        } catch (error) {
          const retry = error instanceof ApplicationFailure ? error : outage(error, 'read AD user');
          if (retry) {
            await prisma.adDrift.updateMany({
              where: { id: { in: drifts.map((d) => d.id) }, repairedAt: null },
              data: { repairError: `AD 暫時無法連線，將自動重試：${short(error)}` },
            });
            await prisma.user.updateMany({ where: { id: userId }, data: { adSyncStatus: 'PENDING', adLastError: short(error) } });
            throw retry;
          }
          await prisma.adDrift.updateMany({
            where: { id: { in: drifts.map((d) => d.id) } },
            data: { repairError: short(error) },
          });
          failed += drifts.length;
          continue;
        }
        const open = await prisma.adDrift.count({ where: { workflowId: input.workflowId, userId, repairedAt: null } });
        if (open === 0 || errors.length) await markUser(userId, errors);
      }
      return { repaired, failed, lastId: rows.length === REPAIR_CHUNK ? rows.at(-1)!.id : null };
    },

    /** 重新同步: the user is 待同步 until AD answers. */
    async markAdSyncPending({ userId }: { userId: string }) {
      await prisma.user.update({ where: { id: userId }, data: { adSyncStatus: 'PENDING' } });
    },

    /** 重新同步: compares one user with AD and repairs every difference (AD down: retried, user stays 待同步). */
    async syncUserToAd({ userId }: { userId: string }): Promise<Omit<UserAdSyncResult, 'status'>> {
      const fixed: UserAdSyncResult['fixed'] = [];
      const failed: UserAdSyncResult['failed'] = [];
      try {
        const { want, have } = await stateOf(userId);
        for (const drift of compareUser(want, have, ad.rootDn)) {
          try {
            await repairDrift({ prisma, ad }, want, have, drift);
            fixed.push({ kind: drift.kind, field: drift.field });
          } catch (error) {
            if (outage(error, 'sync AD user')) throw error;
            failed.push({ kind: drift.kind, field: drift.field, error: short(error) });
          }
        }
      } catch (error) {
        const retry = outage(error, 'sync AD user');
        if (!retry) {
          await prisma.user.updateMany({ where: { id: userId }, data: { adSyncStatus: 'FAILED', adLastError: short(error) } });
          throw ApplicationFailure.nonRetryable(short(error), 'AdSyncFailed');
        }
        await prisma.user.updateMany({ where: { id: userId }, data: { adSyncStatus: 'PENDING', adLastError: short(error) } });
        throw retry;
      }
      await markUser(
        userId,
        failed.map((f) => `${AD_DRIFT_KIND_LABELS[f.kind]}：${f.error}`),
      );
      return { fixed, failed };
    },
  };
}

export type AdSyncActivities = ReturnType<typeof createAdSyncActivities>;
