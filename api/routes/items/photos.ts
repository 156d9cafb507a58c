import { Router } from 'express';
import { z } from 'zod';
import { addVenuePhoto, PHOTO_MAX_BYTES, PHOTO_MESSAGES, removeVenuePhoto } from '../../commands/items';
import { fail } from '../../errors';
import { rawImage, sendImage } from '../../image-upload';
import { venuePhoto } from '../../queries/items';
import { authorized, noBody, rawBody } from '../../request-body';
import { itemOf, type ItemDeps } from './shared';

const photoParams = z.object({ photoId: z.string().regex(/^[a-z0-9]{20,40}$/, '找不到此圖檔') });
const uploadQuery = z.object({ fileName: z.string().max(200, '檔名過長').default('') });
const photoBytes = rawImage(PHOTO_MAX_BYTES, () => fail('PAYLOAD_TOO_LARGE', PHOTO_MESSAGES.TOO_LARGE));

/**
 * 場地相關圖檔 (/api/items/venues):
 *   GET    /:id/photos/:photoId    the image (for whoever may read the venue)
 *   POST   /:id/photos?fileName=   上傳 (the image's bytes as the body)
 *   DELETE /:id/photos/:photoId    刪除
 */
export function venuePhotoRoutes(deps: ItemDeps) {
  const router = Router();

  router.get('/:id/photos/:photoId', async (req, res) => {
    const { row } = await itemOf(deps, 'VENUE', req, 'item.read');
    const photo = await venuePhoto(deps.prisma, row.id, photoParams.parse(req.params).photoId);
    sendImage(res, photo.contentType, photo.bytes, 'private, max-age=300');
  });

  router.post('/:id/photos', authorized('item.list'), photoBytes, rawBody, async (req, res) => {
    const { row, ctx } = await itemOf(deps, 'VENUE', req, 'item.update');
    const { fileName } = uploadQuery.parse(req.query);
    const data = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    res.status(201).json(await addVenuePhoto(ctx, row, data, fileName));
  });

  router.delete('/:id/photos/:photoId', authorized('item.list'), noBody, async (req, res) => {
    const { row, ctx } = await itemOf(deps, 'VENUE', req, 'item.update');
    await removeVenuePhoto(ctx, row, photoParams.parse(req.params).photoId);
    res.status(204).end();
  });

  return router;
}
