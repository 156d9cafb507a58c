import type { BookingAudience, Prisma, PrismaClient, ResourceKind } from '@prisma/client';
import { HOLDING_STATUSES } from '../../domain/bookings/labels';
import {
  DRIVER_OPEN_HOURS,
  ITEM_NOUNS,
  custodianWord,
  type ItemFields,
  type NewItemInput,
} from '../../domain/bookings/resource-schema';
import { fail, invalidField } from '../errors';
import { sniffImage } from '../image-upload';
import { authorize, type Actor } from '../policies';
import type { ItemRow } from '../queries/items';
import { checkCustodians, logArrival } from './custodians';
import { recordUsage } from './usage';

// 物品管理's writes (保管人設定 in ./custodians.ts). Each checks what the schema cannot (the places, agencies, people and drivers
// named exist and fit) before it writes anything, and writes the item, its 保管人異動 and its 帳號使用紀錄
// in one transaction.

export interface ItemContext {
  prisma: PrismaClient;
  actor: Actor;
  ip?: string;
}

const invalid = invalidField;
const target = (kind: ResourceKind, name: string) => `${ITEM_NOUNS[kind]} ${name}`;

/** 所在地, 管理機關 and the other agencies of 允許借用機關, checked against the database. */
async function checkPlaces(prisma: PrismaClient, fields: ItemFields) {
  if (!(await prisma.location.findUnique({ where: { id: fields.locationId } }))) throw invalid('locationId', '請選擇所在地');
  return checkAudience(prisma, fields, { agency: '管理機關', audience: '允許借用機關' });
}

/**
 * The owning agency and the other agencies of 允許借用機關 / 允許報修機關 exist and are live; the
 * third choice names at least one agency besides the owner. Answers the other agencies to store.
 */
export async function checkAudience(
  prisma: PrismaClient,
  fields: { agencyId: string; audience: BookingAudience; allowedAgencyIds: readonly string[] },
  labels: { agency: string; audience: string },
) {
  const listed = fields.audience === 'OWN_AND_LISTED' ? [...new Set(fields.allowedAgencyIds)] : [];
  const agencies = await prisma.organization.findMany({
    where: { id: { in: [fields.agencyId, ...listed] }, kind: { not: 'SECTION' }, retiredAt: null },
    select: { id: true },
  });
  const known = new Set(agencies.map((a) => a.id));
  if (!known.has(fields.agencyId)) throw invalid('agencyId', `請選擇${labels.agency}`);
  if (listed.some((id) => !known.has(id))) throw invalid('allowedAgencyIds', `${labels.audience}中有不存在的機關`);
  const others = listed.filter((id) => id !== fields.agencyId);
  if (fields.audience === 'OWN_AND_LISTED' && others.length === 0)
    throw invalid('allowedAgencyIds', '請加入至少一個其他機關（選擇機關後按 +）');
  return others;
}

/** 選擇公務車司機: live drivers of the car's 管理機關. */
async function checkDrivers(prisma: PrismaClient, agencyId: string, driverIds: readonly string[]) {
  const unique = [...new Set(driverIds)];
  const found = await prisma.resource.count({ where: { id: { in: unique }, kind: 'DRIVER', agencyId, deletedAt: null } });
  if (found !== unique.length) throw invalid('driverIds', '公務車司機須為同一管理機關的派遣司機');
  return unique;
}

/** The columns of the item's own fields; those another kind uses stay empty. */
function columnsOf(kind: ResourceKind, fields: ItemFields) {
  const f = fields as Partial<Record<string, unknown>>;
  const pick = <T>(key: string) => (f[key] ?? null) as T | null;
  return {
    locationId: fields.locationId,
    agencyId: fields.agencyId,
    name: fields.name,
    floor: pick<string>('floor'),
    capacity: pick<number>('capacity'),
    vehicleType: pick<string>('vehicleType'),
    make: pick<string>('make'),
    year: pick<number>('year'),
    displacement: pick<number>('displacement'),
    carCode: pick<string>('carCode'),
    licence: pick<string>('licence'),
    phone: pick<string>('phone'),
    phoneExt: pick<string>('phoneExt'),
    description: pick<string>('description'),
    rules: pick<string>('rules'),
    remarks: pick<string>('remarks'),
    openHours: (kind === 'DRIVER' ? DRIVER_OPEN_HOURS : f.openHours) as Prisma.InputJsonValue,
    isPublic: fields.isPublic,
    audience: fields.audience,
  };
}

/** 新增場地 / 新增公務車 / 新增司機 by an admin of the 管理機關; the custodians' arrival is logged. */
export async function createItem(ctx: ItemContext, kind: ResourceKind, input: NewItemInput) {
  const { prisma, actor } = ctx;
  authorize(actor, 'item.create', { agencyId: input.agencyId });
  const others = await checkPlaces(prisma, input);
  const people = await checkCustodians(prisma, custodianWord(kind), input.custodian1Id, input.custodian2Id);
  const driverIds = 'driverIds' in input ? await checkDrivers(prisma, input.agencyId, input.driverIds) : [];
  const reason = `新增${ITEM_NOUNS[kind]}`;
  return prisma.$transaction(async (tx) => {
    const row = await tx.resource.create({
      data: {
        kind,
        ...columnsOf(kind, input),
        custodian1Id: input.custodian1Id,
        custodian2Id: input.custodian2Id ?? null,
        allowedAgencies: { create: others.map((agencyId) => ({ agencyId })) },
        drivers: { create: driverIds.map((driverId) => ({ driverId })) },
      },
    });
    await logArrival(tx, 'resource', row.id, input, people, reason, actor.id);
    await recordUsage(tx, { userId: actor.id, action: 'item.create', target: target(kind, row.name), ip: ctx.ip ?? null });
    return row;
  });
}

/**
 * 場地資訊 / 公務車資訊 / 司機資訊 › 儲存. Handing the item to another 管理機關 takes an admin of that
 * agency too (a custodian cannot give it away); bindings between cars and drivers of different
 * agencies end with the move.
 */
export async function updateItem(ctx: ItemContext, row: ItemRow, fields: ItemFields) {
  const { prisma, actor } = ctx;
  if (fields.agencyId !== row.agencyId) authorize(actor, 'item.create', { agencyId: fields.agencyId });
  const others = await checkPlaces(prisma, fields);
  await prisma.$transaction(async (tx) => {
    await tx.resource.update({
      where: { id: row.id },
      data: {
        ...columnsOf(row.kind, fields),
        allowedAgencies: { deleteMany: {}, create: others.map((agencyId) => ({ agencyId })) },
      },
    });
    if (fields.agencyId !== row.agencyId) {
      await tx.carDriver.deleteMany({
        where: {
          OR: [
            { carId: row.id, driver: { agencyId: { not: fields.agencyId } } },
            { driverId: row.id, car: { agencyId: { not: fields.agencyId } } },
          ],
        },
      });
    }
    await recordUsage(tx, { userId: actor.id, action: 'item.update', target: target(row.kind, fields.name), ip: ctx.ip ?? null });
  });
}

/** 選擇公務車司機 › 確定, and a bound driver's 刪除: the car's drivers become exactly these. */
export async function setCarDrivers(ctx: ItemContext, car: ItemRow, driverIds: readonly string[]) {
  const unique = await checkDrivers(ctx.prisma, car.agencyId, driverIds);
  await ctx.prisma.$transaction(async (tx) => {
    await tx.carDriver.deleteMany({ where: { carId: car.id, driverId: { notIn: unique } } });
    await tx.carDriver.createMany({ data: unique.map((driverId) => ({ carId: car.id, driverId })), skipDuplicates: true });
    await recordUsage(tx, { userId: ctx.actor.id, action: 'item.update', target: target('CAR', car.name), ip: ctx.ip ?? null });
  });
}

/**
 * 刪除: refused while a pending or approved booking (or dispatch) of the item has not ended; otherwise
 * the item is hidden (deletedAt) but kept for the records that name it. The row is locked first, so a
 * booking path that reads the item FOR SHARE waits for the deletion and then sees it gone.
 */
export async function deleteItem(ctx: ItemContext, row: ItemRow, now = new Date()) {
  await ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM resources WHERE id = ${row.id} FOR UPDATE`;
    const open = await tx.booking.count({
      where: {
        OR: [{ resourceId: row.id }, { driverId: row.id }],
        status: { in: [...HOLDING_STATUSES] },
        endsAt: { gt: now },
      },
    });
    if (open > 0) {
      const noun = ITEM_NOUNS[row.kind];
      const what = row.kind === 'DRIVER' ? '派遣' : '借用申請';
      throw fail('CONFLICT', `此${noun}尚有 ${open} 筆未結束的${what}（未審核或已通過），無法刪除`);
    }
    await tx.resource.update({ where: { id: row.id }, data: { deletedAt: now } });
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'item.delete',
      target: target(row.kind, row.name),
      ip: ctx.ip ?? null,
    });
  });
}

export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTOS_PER_VENUE = 10;
export const PHOTO_MESSAGES = {
  EMPTY: '請選擇要上傳的圖片檔案',
  TYPE: '場地相關圖檔僅接受 PNG、JPEG 或 WebP 格式的圖片',
  TOO_LARGE: '場地相關圖檔每張不可超過 2 MB',
  TOO_MANY: `場地相關圖檔最多 ${PHOTOS_PER_VENUE} 張，請先刪除不需要的圖檔`,
} as const;

/** 場地相關圖檔 › 上傳: images only, by their bytes, each within the size limit. */
export async function addVenuePhoto(ctx: ItemContext, venue: ItemRow, data: Buffer, fileName: string) {
  if (data.length === 0) throw fail('VALIDATION_FAILED', PHOTO_MESSAGES.EMPTY);
  if (data.length > PHOTO_MAX_BYTES) throw fail('PAYLOAD_TOO_LARGE', PHOTO_MESSAGES.TOO_LARGE);
  const contentType = sniffImage(data);
  if (!contentType) throw fail('VALIDATION_FAILED', PHOTO_MESSAGES.TYPE);
  const name = fileName.trim().slice(0, 100) || `場地圖檔.${contentType.split('/')[1]}`;
  return ctx.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM resources WHERE id = ${venue.id} FOR UPDATE`;
    if ((await tx.resourcePhoto.count({ where: { resourceId: venue.id } })) >= PHOTOS_PER_VENUE)
      throw fail('CONFLICT', PHOTO_MESSAGES.TOO_MANY);
    const photo = await tx.resourcePhoto.create({
      data: { resourceId: venue.id, fileName: name, contentType, size: data.length, bytes: new Uint8Array(data) },
      select: { id: true, fileName: true, contentType: true, size: true },
    });
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'item.update',
      target: target('VENUE', venue.name),
      ip: ctx.ip ?? null,
    });
    return photo;
  });
}

export async function removeVenuePhoto(ctx: ItemContext, venue: ItemRow, photoId: string) {
  await ctx.prisma.$transaction(async (tx) => {
    const { count } = await tx.resourcePhoto.deleteMany({ where: { id: photoId, resourceId: venue.id } });
    if (count === 0) throw fail('NOT_FOUND', '找不到此圖檔');
    await recordUsage(tx, {
      userId: ctx.actor.id,
      action: 'item.update',
      target: target('VENUE', venue.name),
      ip: ctx.ip ?? null,
    });
  });
}
