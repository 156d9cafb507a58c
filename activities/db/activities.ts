// Database activities used by workflows. Every write is idempotent, because Temporal runs an
// activity at least once: the read model is keyed by workflow ID, events by (workflow, seq).

import { ApplicationFailure } from '@temporalio/common';
import { Prisma, type PrismaClient, type RequestType } from '@prisma/client';
import { resolveSystemParameters, type SystemParameterKey, type SystemParameterValues } from '../../domain/system-parameters';

type JsonObject = Record<string, unknown>;

export interface RecordRequestInput {
  workflowId: string;
  type: RequestType;
  /** Initial machine status (later changes go through appendRequestEvent). */
  status: string;
  statusLabel: string;
  /** The deciding agency, by id or by code (workflows carry the AgencyCode search attribute). */
  agencyId?: string | null;
  agencyCode?: string | null;
  applicantUserId?: string | null;
  applicantAccount?: string | null;
  applicantName?: string | null;
  /** List/export fields; never secrets or a full ID number (it ends up in the read model). */
  summary: JsonObject;
  /** 場地借用 / 公務車借用: the venue or car, whose custodians decide. */
  resourceId?: string | null;
  /** 線上報修: the ticket's 報修類型, whose 維修人員 answer it and 類型保管人 watch it. */
  repairTypeId?: string | null;
  /** Workflow start time (pass the workflow's clock so a retry writes the same value). */
  createdAt?: Date | string;
}

export interface AppendRequestEventInput {
  workflowId: string;
  seq: number;
  kind: string;
  label: string;
  actorUserId?: string | null;
  actorName?: string | null;
  comment?: string | null;
  data?: JsonObject;
  /** Workflow time of the event; defaults to now. */
  at?: Date | string;
  /** New request status set by this event (applied unless a later event already set one). */
  status?: string;
  statusLabel?: string;
  /** This event is the decision: sets decidedAt = at and decidedById = actorUserId. */
  decided?: boolean;
}

export interface DbPingResult {
  ok: boolean;
  latencyMs: number;
  version: string | null;
  error?: string;
}

export function createDbActivities({ prisma }: { prisma: PrismaClient }) {
  async function resolveAgencyId(input: Pick<RecordRequestInput, 'agencyId' | 'agencyCode'>): Promise<string | null> {
    if (input.agencyId) return input.agencyId;
    if (!input.agencyCode) return null;
    const org = await prisma.organization.findUnique({ where: { code: input.agencyCode }, select: { id: true } });
    if (!org) {
      throw ApplicationFailure.nonRetryable(`unknown agency code ${input.agencyCode}`, 'UnknownAgency');
    }
    return org.id;
  }

  /** Upserts the read-model row of a workflow (by workflowId). Returns its id. */
  async function recordRequest(input: RecordRequestInput): Promise<{ requestId: string }> {
    const agencyId = await resolveAgencyId(input);
    const fields = {
      type: input.type,
      agencyId,
      applicantUserId: input.applicantUserId ?? null,
      applicantAccount: input.applicantAccount ?? null,
      applicantName: input.applicantName ?? null,
      summary: input.summary as Prisma.InputJsonObject,
      ...(input.resourceId ? { resourceId: input.resourceId } : {}),
      ...(input.repairTypeId ? { repairTypeId: input.repairTypeId } : {}),
    };
    const create = () =>
      prisma.request.upsert({
        where: { workflowId: input.workflowId },
        create: {
          workflowId: input.workflowId,
          status: input.status,
          statusLabel: input.statusLabel,
          ...(input.createdAt ? { createdAt: new Date(input.createdAt) } : {}),
          ...fields,
        },
        update: fields,
        select: { id: true, statusSeq: true },
      });
    let row;
    try {
      row = await create();
    } catch (err) {
      // Two concurrent first attempts: one insert wins, the other retries as an update.
      if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
      row = await create();
    }
    // The initial status stands only until an event has set one.
    if (row.statusSeq === 0) {
      await prisma.request.updateMany({
        where: { id: row.id, statusSeq: 0 },
        data: { status: input.status, statusLabel: input.statusLabel },
      });
    }
    return { requestId: row.id };
  }

  /**
   * Appends a timeline event; a repeated (workflowId, seq) is a no-op. With `status`, moves the
   * request to it unless an event with a higher seq has already done so.
   */
  async function appendRequestEvent(input: AppendRequestEventInput): Promise<{ created: boolean }> {
    if (!Number.isInteger(input.seq) || input.seq < 1) {
      throw ApplicationFailure.nonRetryable(`seq must be a positive integer (got ${input.seq})`, 'InvalidSeq');
    }
    const at = input.at ? new Date(input.at) : new Date();
    return prisma.$transaction(async (tx) => {
      const request = await tx.request.findUnique({ where: { workflowId: input.workflowId }, select: { id: true } });
      if (!request) {
        throw ApplicationFailure.nonRetryable(
          `no request recorded for workflow ${input.workflowId}; call recordRequest first`,
          'RequestNotRecorded',
        );
      }
      const { count } = await tx.requestEvent.createMany({
        data: [
          {
            requestId: request.id,
            seq: input.seq,
            kind: input.kind,
            label: input.label,
            actorUserId: input.actorUserId ?? null,
            actorName: input.actorName ?? null,
            comment: input.comment ?? null,
            data: (input.data ?? {}) as Prisma.InputJsonObject,
            at,
          },
        ],
        skipDuplicates: true, // INSERT … ON CONFLICT DO NOTHING on (request_id, seq)
      });
      if (input.status !== undefined) {
        await tx.request.updateMany({
          where: { id: request.id, statusSeq: { lte: input.seq } },
          data: {
            status: input.status,
            statusLabel: input.statusLabel ?? input.status,
            statusSeq: input.seq,
            ...(input.decided ? { decidedAt: at, decidedById: input.actorUserId ?? null } : {}),
          },
        });
      } else if (input.decided) {
        await tx.request.update({
          where: { id: request.id },
          data: { decidedAt: at, decidedById: input.actorUserId ?? null },
        });
      }
      return { created: count === 1 };
    });
  }

  /** Current values (typed; DURATION in seconds). Bad or missing rows fall back to defaults. */
  async function getSystemParameters<K extends SystemParameterKey = SystemParameterKey>(
    keys?: K[],
  ): Promise<Pick<SystemParameterValues, K>> {
    const rows = await prisma.systemParameter.findMany({
      where: keys ? { key: { in: keys } } : {},
      select: { key: true, value: true },
    });
    return resolveSystemParameters(rows, keys);
  }

  /** Connectivity check: never throws, so a checking workflow records the failure instead. */
  async function dbPing(): Promise<DbPingResult> {
    const started = performance.now();
    try {
      const rows = await prisma.$queryRaw<{ version: string }[]>`SELECT version() AS version`;
      return { ok: true, latencyMs: Math.round(performance.now() - started), version: rows[0]?.version ?? null };
    } catch (err) {
      return {
        ok: false,
        latencyMs: Math.round(performance.now() - started),
        version: null,
        error: err instanceof Error ? err.message : String(err),
      };
    }
  }

  return { recordRequest, appendRequestEvent, getSystemParameters, dbPing };
}

export type DbActivities = ReturnType<typeof createDbActivities>;
