import express, { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import { enumOrAll, pagingFields } from '../../../domain/login-records';
import { REPAIR_STATUS_LABELS } from '../../../domain/repairs/labels';
import { rateProblem, replyProblem, returnProblem } from '../../../domain/repairs/rules';
import {
  REPAIR_PHOTO_MAX_BYTES,
  REPAIR_PHOTO_MESSAGES,
  REPAIR_PHOTOS_MAX,
  repairRateSchema,
  repairReplySchema,
  repairReturnSchema,
  repairTicketSchema,
} from '../../../domain/schemas/repair';
import {
  rateRepairTicket,
  readableTicket,
  replyRepairTicket,
  returnRepairTicket,
  submitRepairTicket,
  type RepairDeps,
  type RepairPhotoUpload,
} from '../../commands/repairs';
import { fail } from '../../errors';
import { sendImage } from '../../image-upload';
import { authorize, can, type Actor } from '../../policies';
import { presentEvents } from '../../presenters/account-application';
import {
  ownTickets,
  presentTicket,
  repairLocations,
  reportableType,
  reportableTypes,
  ticketPhoto,
  ticketScope,
  vendorTickets,
  type TicketDetailRow,
} from '../../queries/repairs';
import { requestOfWorkflow } from '../../queries/requests';
import { authorized, body, rawBody } from '../../request-body';
import { repairTicketWorkflowId } from '../../../workflows/repair-ticket.messages';

const pageQuery = z.object({
  status: enumOrAll(REPAIR_STATUS_LABELS, '處理狀況'),
  ...pagingFields,
});
const typeParams = z.object({ id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '找不到此報修類型') });
const keyParams = z.object({ key: z.string().regex(/^R\d{8}-\d{5}$/, '找不到此報修案件') });
const photoParams = keyParams.extend({ photoId: z.string().regex(/^[a-z0-9]{20,40}$/, '找不到此照片') });

const reply = body(repairReplySchema);
const rate = body(repairRateSchema);
const giveBack = body(repairReturnSchema);

/** 新增報修's form: its fields and up to five photos in one multipart/form-data body. */
const MULTIPART_LIMIT = REPAIR_PHOTOS_MAX * REPAIR_PHOTO_MAX_BYTES + 64 * 1024;
const multipart: RequestHandler = (req, res, next) => {
  if (!req.is('multipart/form-data')) return next(fail('UNSUPPORTED_MEDIA_TYPE', '送出的資料格式不受支援，請以表單格式送出。'));
  express.raw({ type: () => true, limit: MULTIPART_LIMIT })(req, res, (error?: unknown) => {
    if ((error as { type?: string } | undefined)?.type === 'entity.too.large')
      next(fail('PAYLOAD_TOO_LARGE', `照片合計不可超過 ${REPAIR_PHOTOS_MAX * 2} MB，每張不可超過 2 MB`));
    else next(error);
  });
};

/** The form's fields (each once) and its photos, or 400 when the body is not a form at all. */
async function readForm(req: express.Request): Promise<{ fields: Record<string, string>; photos: RepairPhotoUpload[] }> {
  const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(data), {
      headers: { 'content-type': String(req.headers['content-type']) },
    }).formData();
  } catch {
    throw fail('VALIDATION_FAILED', '送出的表單內容不完整，請重新送出。');
  }
  const fields: Record<string, string> = {};
  const photos: RepairPhotoUpload[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') {
      if (name in fields || name === 'photos') throw fail('VALIDATION_FAILED', '送出的表單內容不正確，請重新送出。');
      fields[name] = value;
    } else if (name === 'photos') {
      if (photos.length >= REPAIR_PHOTOS_MAX)
        throw fail('VALIDATION_FAILED', REPAIR_PHOTO_MESSAGES.TOO_MANY, { photos: REPAIR_PHOTO_MESSAGES.TOO_MANY });
      photos.push({ fileName: value.name, bytes: Buffer.from(await value.arrayBuffer()) });
    } else throw fail('VALIDATION_FAILED', '送出的表單內容不正確，請重新送出。');
  }
  return { fields, photos };
}

/** What the actor may do to the ticket now: the same rules the workflow's validators read. */
function ticketActions(actor: Actor, t: TicketDetailRow) {
  const scope = ticketScope(t);
  const reporter = can(actor, 'repair.rate', scope);
  const vendor = can(actor, 'repair.reply', scope);
  const categoryIds = t.repairType.categories.map((c) => c.id);
  const actions: ('reply' | 'rate' | 'return')[] = [];
  // Fields aside: a placeholder reply that passes them, so only who and when are asked.
  const filled = { handlerName: 'x', handledAt: new Date(0).toISOString(), result: 'x', categoryId: categoryIds[0] };
  if (vendor && categoryIds.length && replyProblem(t.status, filled, { vendor, categoryIds }) === null) actions.push('reply');
  if (rateProblem(t.status, t.rating !== null, { rating: 5 }, { reporter }) === null) actions.push('rate');
  if (returnProblem(t.status, { reason: 'x' }, { reporter }) === null) actions.push('return');
  return actions;
}

/**
 * 線上報修 (/api/repairs):
 *   GET  /types                       the types the user's agency may report to (允許報修機關)
 *   GET  /types/:id                   報修類型詳細頁: the type and the user's tickets of it (?status=&page=&pageSize=)
 *   GET  /locations                   所在地 with their 所在樓層
 *   POST /types/:id/tickets           新增報修 (multipart/form-data: locationId, floor, fault, photos ×0–5) → 201 { key }
 *   GET  /mine                        我的維修 (?status=&page=&pageSize=)
 *   GET  /tickets/:key                a ticket: fields, photos, 處理狀況回覆 in order, timeline, allowedActions, temporalUrl
 *   GET  /tickets/:key/photos/:photoId
 *   POST /tickets/:key/rate           評分 { rating 1–5, note? }
 *   POST /tickets/:key/return         退回 { reason }
 *   GET  /handling                    報修處理狀況回報: the tickets of the types the vendor serves (?status=)
 *   POST /tickets/:key/reply          the vendor's reply { handlerName, handledAt, result, categoryId }
 */
export function repairRoutes(deps: RepairDeps) {
  const { prisma, temporal } = deps;
  const router = Router();

  router.get('/types', async (req, res) => {
    authorize(req.actor, 'repair.report');
    const rows = await reportableTypes(prisma, req.actor.agencyId);
    res
      .set('cache-control', 'no-store')
      .json({ items: rows.map((t) => ({ id: t.id, name: t.name, agencyName: t.agency.name })) });
  });

  router.get('/types/:id', async (req, res) => {
    authorize(req.actor, 'repair.report');
    const { id } = typeParams.parse(req.params);
    const type = await reportableType(prisma, id, req.actor.agencyId);
    if (!type) throw fail('NOT_FOUND', '找不到此報修類型');
    const tickets = await ownTickets(prisma, req.actor.id, { ...pageQuery.parse(req.query), repairTypeId: type.id });
    res
      .set('cache-control', 'no-store')
      .json({ type: { id: type.id, name: type.name, agencyName: type.agency.name }, ...tickets });
  });

  router.get('/locations', async (req, res) => {
    authorize(req.actor, 'repair.report');
    res.set('cache-control', 'no-store').json({ items: await repairLocations(prisma) });
  });

  router.post('/types/:id/tickets', authorized('repair.report'), multipart, rawBody, async (req, res) => {
    const { id } = typeParams.parse(req.params);
    const { fields, photos } = await readForm(req);
    const input = repairTicketSchema.parse(fields);
    res.status(201).json(await submitRepairTicket(deps, req.actor!, id, input, photos, req.ip));
  });

  router.get('/mine', async (req, res) => {
    authorize(req.actor, 'repair.report');
    res.set('cache-control', 'no-store').json(await ownTickets(prisma, req.actor.id, pageQuery.parse(req.query)));
  });

  router.get('/handling', async (req, res) => {
    authorize(req.actor, 'repair.reply');
    res.set('cache-control', 'no-store').json(await vendorTickets(prisma, req.actor.id, pageQuery.parse(req.query)));
  });

  router.get('/tickets/:key', async (req, res) => {
    authorize(req.actor, 'repair.read');
    const { key } = keyParams.parse(req.params);
    const t = await readableTicket(prisma, req.actor, key);
    const workflowId = repairTicketWorkflowId(t.key);
    const request = await requestOfWorkflow(prisma, workflowId);
    const actions = ticketActions(req.actor, t);
    res.set('cache-control', 'no-store').json({
      ...presentTicket(t),
      // 分類 offered to a vendor who may reply.
      categories: actions.includes('reply') ? t.repairType.categories : [],
      events: presentEvents(request?.events ?? []),
      allowedActions: actions,
      temporalUrl: temporal.workflowUrl(workflowId),
    });
  });

  router.get('/tickets/:key/photos/:photoId', async (req, res) => {
    authorize(req.actor, 'repair.read');
    const { key, photoId } = photoParams.parse(req.params);
    const t = await readableTicket(prisma, req.actor, key);
    const photo = await ticketPhoto(prisma, t.id, photoId);
    if (!photo) throw fail('NOT_FOUND', '找不到此照片');
    sendImage(res, photo.contentType, photo.bytes, 'private, max-age=300');
  });

  const answer = async (actor: Actor, key: string) => {
    const t = await readableTicket(prisma, actor, key);
    return { ...presentTicket(t), allowedActions: ticketActions(actor, t) };
  };

  router.post('/tickets/:key/reply', authorized('repair.reply'), reply, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    await replyRepairTicket(deps, req.actor!, key, reply.of(req), req.ip);
    res.json(await answer(req.actor!, key));
  });

  router.post('/tickets/:key/rate', authorized('repair.rate'), rate, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    await rateRepairTicket(deps, req.actor!, key, rate.of(req), req.ip);
    res.json(await answer(req.actor!, key));
  });

  router.post('/tickets/:key/return', authorized('repair.return'), giveBack, async (req, res) => {
    const { key } = keyParams.parse(req.params);
    await returnRepairTicket(deps, req.actor!, key, giveBack.of(req), req.ip);
    res.json(await answer(req.actor!, key));
  });

  return router;
}
