import type { PrismaClient, ResourceKind } from '@prisma/client';
import type { Request } from 'express';
import { z } from 'zod';
import { ITEM_NOUNS } from '../../../domain/bookings/resource-schema';
import { isIsoDate } from '../../../domain/bookings/slots';
import { authorize, type Action } from '../../policies';
import { custodied, loadItem } from '../../queries/items';

export interface ItemDeps {
  prisma: PrismaClient;
}

const idParams = (kind: ResourceKind) => z.object({ id: z.string().regex(/^[a-z0-9]{20,40}$/, `找不到此${ITEM_NOUNS[kind]}`) });

/** The item of the path, authorised for the action (404 for another kind's or a deleted one). */
export async function itemOf(deps: ItemDeps, kind: ResourceKind, req: Request, action: Action) {
  const { id } = idParams(kind).parse(req.params);
  const row = await loadItem(deps.prisma, kind, id);
  authorize(req.actor, action, custodied(row));
  return { row, ctx: { prisma: deps.prisma, actor: req.actor, ip: req.ip } };
}

/** An optional YYYY-MM-DD filter (借用日期, 執行時間). */
export const optionalDate = (label: string) =>
  z.preprocess((v) => (v === '' ? undefined : v), z.string().refine(isIsoDate, `${label}格式錯誤（YYYY-MM-DD）`).optional());

export const pageFields = {
  page: z.coerce.number({ error: '頁碼錯誤' }).int('頁碼錯誤').min(0, '頁碼錯誤').max(100_000, '頁碼錯誤').default(0),
  pageSize: z.coerce
    .number({ error: '每頁筆數錯誤' })
    .int('每頁筆數錯誤')
    .min(1, '每頁筆數錯誤')
    .max(100, '每頁筆數錯誤')
    .default(20),
};
