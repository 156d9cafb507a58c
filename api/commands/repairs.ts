import type { PrismaClient } from '@prisma/client';
import { rateProblem, replyProblem, REPAIR_MESSAGES, returnProblem } from '../../domain/repairs/rules';
import {
  REPAIR_PHOTO_MAX_BYTES,
  REPAIR_PHOTO_MESSAGES,
  REPAIR_PHOTOS_MAX,
  type RepairTicketRequest,
} from '../../domain/schemas/repair';
import type { UsageAction } from '../../domain/usage-actions';
import { repairTicket } from '../../workflows/repair-ticket';
import {
  rateRepairUpdate,
  repairTypeChangedSignal,
  REPAIR_REQUEST_TYPE_LABEL,
  repairTicketWorkflowId,
  replyRepairUpdate,
  returnRepairUpdate,
  type RepairActor,
} from '../../workflows/repair-ticket.messages';
import { fail } from '../errors';
import { sniffImage } from '../image-upload';
import { can, type Actor } from '../policies';
import { reportableType, ticketByKey, ticketScope, type TicketDetailRow } from '../queries/repairs';
import type { Temporal } from '../temporal';
import { withDailyKey } from './daily-key';
import { startRequestWorkflow } from './request-workflow';
import { updateRefusal } from './update-refusal';
import { recordUsage } from './usage';

export interface RepairDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

/** A photo as it arrived with 新增報修. */
export interface RepairPhotoUpload {
  fileName: string;
  bytes: Buffer;
}

const invalid = (field: string, message: string) => fail('VALIDATION_FAILED', message, { [field]: message });
const repairActor = (actor: Actor): RepairActor => ({ userId: actor.id, account: actor.account, name: actor.name });

/** The photos, each an image by its bytes within the size, no more than five: checked before anything is written. */
export function checkRepairPhotos(photos: readonly RepairPhotoUpload[]) {
  if (photos.length > REPAIR_PHOTOS_MAX) throw invalid('photos', REPAIR_PHOTO_MESSAGES.TOO_MANY);
  return photos.map((p) => {
    if (p.bytes.length === 0) throw invalid('photos', REPAIR_PHOTO_MESSAGES.EMPTY);
    if (p.bytes.length > REPAIR_PHOTO_MAX_BYTES) throw invalid('photos', REPAIR_PHOTO_MESSAGES.TOO_LARGE);
    const contentType = sniffImage(p.bytes);
    if (!contentType) throw invalid('photos', REPAIR_PHOTO_MESSAGES.TYPE);
    const fileName =
      p.fileName
        .replace(/[\p{Cc}/\\]/gu, '')
        .trim()
        .slice(0, 100) || `照片.${contentType.split('/')[1]}`;
    return { fileName, contentType, size: p.bytes.length, bytes: new Uint8Array(p.bytes) };
  });
}

/**
 * 新增報修案件 (送出): the type must be one the user's agency may report to, the 所在樓層 one of the
 * 所在地's, the photos images within their limits — all checked before anything is written. Then the
 * ticket and its photos in one transaction, and its workflow; if Temporal refuses, the ticket goes.
 */
export async function submitRepairTicket(
  deps: RepairDeps,
  actor: Actor,
  repairTypeId: string,
  input: RepairTicketRequest,
  photos: readonly RepairPhotoUpload[],
  ip?: string,
) {
  const { prisma } = deps;
  const type = await reportableType(prisma, repairTypeId, actor.agencyId);
  if (!type) throw fail('NOT_FOUND', '找不到此報修類型');
  const location = await prisma.location.findUnique({ where: { id: input.locationId } });
  if (!location) throw invalid('locationId', '請選擇所在地');
  if (!location.floors.includes(input.floor)) throw invalid('floor', '請選擇所在樓層');
  const files = checkRepairPhotos(photos);
  const [reporter, parties] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: actor.id }, select: { name: true, officePhone: true, organizationId: true } }),
    prisma.repairType.findUniqueOrThrow({
      where: { id: type.id },
      select: {
        vendors: { select: { userId: true } },
        categories: { where: { retiredAt: null }, select: { id: true } },
        agency: { select: { code: true } },
      },
    }),
  ]);

  const ticket = await withDailyKey('R', (key) =>
    prisma.repairTicket.create({
      data: {
        key,
        repairTypeId: type.id,
        reporterUserId: actor.id,
        agencyId: actor.agencyId,
        unitId: reporter.organizationId,
        reporterName: reporter.name,
        officePhone: reporter.officePhone,
        locationId: location.id,
        floor: input.floor,
        fault: input.fault,
        attachments: { create: files },
      },
      select: { id: true, key: true },
    }),
  );
  const workflowId = repairTicketWorkflowId(ticket.key);
  await startRequestWorkflow(
    deps,
    { id: ticket.id, workflowId },
    repairTicket,
    {
      args: [
        {
          ticketId: ticket.id,
          reporterUserId: actor.id,
          vendorUserIds: parties.vendors.map((v) => v.userId),
          categoryIds: parties.categories.map((c) => c.id),
        },
      ],
    },
    { requestType: 'REPAIR_TICKET', agencyCode: parties.agency.code, applicantAccount: actor.account, status: 'PENDING' },
    () => prisma.repairTicket.delete({ where: { id: ticket.id } }),
  );
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'application.submit' satisfies UsageAction,
    target: `${REPAIR_REQUEST_TYPE_LABEL}（${ticket.key}）`,
    detail: { key: ticket.key, repairType: type.name, photos: files.length },
    ip: ip ?? null,
  });
  return { key: ticket.key, status: 'PENDING' as const, statusLabel: '待處理' };
}

/** A ticket someone acts on: absent (404) unless they may read it. */
export async function readableTicket(prisma: PrismaClient, actor: Actor, key: string): Promise<TicketDetailRow> {
  const t = await ticketByKey(prisma, key);
  if (!t || !can(actor, 'repair.read', ticketScope(t))) throw fail('NOT_FOUND', '找不到此報修案件');
  return t;
}

const conflict = (problem: string | null) => {
  if (problem) throw fail('CONFLICT', problem);
};

async function update<A>(
  deps: RepairDeps,
  key: string,
  run: (handle: ReturnType<Temporal['client']['workflow']['getHandle']>) => Promise<A>,
) {
  return run(deps.temporal.client.workflow.getHandle(repairTicketWorkflowId(key))).catch(updateRefusal());
}

/** 報修處理狀況回報: a 維修人員 of the ticket's type answers it (處理人員, 處理時間, 處理結果, 分類). */
export async function replyRepairTicket(
  deps: RepairDeps,
  actor: Actor,
  key: string,
  input: { handlerName: string; handledAt: string; result: string; categoryId: string },
  ip?: string,
) {
  const t = await ticketByKey(deps.prisma, key);
  if (!t) throw fail('NOT_FOUND', '找不到此報修案件');
  const vendor = can(actor, 'repair.reply', ticketScope(t));
  // Not a vendor of this type: refused in words, before anything else about the ticket is told.
  if (!vendor) throw fail('FORBIDDEN', REPAIR_MESSAGES.NOT_VENDOR);
  const categoryIds = t.repairType.categories.map((c) => c.id);
  const problem = replyProblem(t.status, input, { vendor, categoryIds });
  if (problem === REPAIR_MESSAGES.CATEGORY_REQUIRED) throw invalid('categoryId', problem);
  conflict(problem);
  await update(deps, key, (h) => h.executeUpdate(replyRepairUpdate, { args: [{ actor: repairActor(actor), ...input }] }));
  await recordUsage(deps.prisma, {
    userId: actor.id,
    action: 'repair.reply' satisfies UsageAction,
    target: `${REPAIR_REQUEST_TYPE_LABEL}（${key}）`,
    ip: ip ?? null,
  });
}

/** 評分: the reporter rates an 已處理 ticket 1–5 (備註 optional); it is then 已結案. */
export async function rateRepairTicket(
  deps: RepairDeps,
  actor: Actor,
  key: string,
  input: { rating: number; note?: string },
  ip?: string,
) {
  const t = await readableTicket(deps.prisma, actor, key);
  const reporter = can(actor, 'repair.rate', ticketScope(t));
  if (!reporter) throw fail('FORBIDDEN', REPAIR_MESSAGES.NOT_REPORTER);
  conflict(rateProblem(t.status, t.rating !== null, input, { reporter }));
  await update(deps, key, (h) => h.executeUpdate(rateRepairUpdate, { args: [{ actor: repairActor(actor), ...input }] }));
  await recordUsage(deps.prisma, {
    userId: actor.id,
    action: 'repair.rate' satisfies UsageAction,
    target: `${REPAIR_REQUEST_TYPE_LABEL}（${key}）`,
    detail: { rating: input.rating },
    ip: ip ?? null,
  });
}

/** 退回: the reporter sends an 已處理 ticket back to 待處理 with 退回原因 (退回次數 + 1). */
export async function returnRepairTicket(deps: RepairDeps, actor: Actor, key: string, input: { reason: string }, ip?: string) {
  const t = await readableTicket(deps.prisma, actor, key);
  const reporter = can(actor, 'repair.return', ticketScope(t));
  if (!reporter) throw fail('FORBIDDEN', REPAIR_MESSAGES.NOT_REPORTER);
  conflict(returnProblem(t.status, input, { reporter }));
  await update(deps, key, (h) => h.executeUpdate(returnRepairUpdate, { args: [{ actor: repairActor(actor), ...input }] }));
  await recordUsage(deps.prisma, {
    userId: actor.id,
    action: 'repair.return' satisfies UsageAction,
    target: `${REPAIR_REQUEST_TYPE_LABEL}（${key}）`,
    detail: { reason: input.reason },
    ip: ip ?? null,
  });
}

/**
 * For 報修類型管理: after the type's 維修人員 or 分類 change, its open tickets reload them (their reply
 * validators read them). A ticket whose workflow has ended meanwhile needs nothing.
 */
export async function signalRepairTypeChanged(deps: RepairDeps, repairTypeId: string) {
  const open = await deps.prisma.repairTicket.findMany({
    where: { repairTypeId, status: { not: 'CLOSED' } },
    select: { key: true },
  });
  await Promise.all(
    open.map((t) =>
      deps.temporal.client.workflow
        .getHandle(repairTicketWorkflowId(t.key))
        .signal(repairTypeChangedSignal)
        .catch(() => undefined),
    ),
  );
  return { signalled: open.length };
}
