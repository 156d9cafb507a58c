import express, { type RequestHandler, type Response } from 'express';
import type { AppError } from './errors';

// Images people upload (個人圖像, 場地相關圖檔): the bytes arrive raw and their type is read from the
// bytes themselves, so a renamed file or a false Content-Type changes nothing.

export type ImageType = 'image/png' | 'image/jpeg' | 'image/webp';

/** The image type from the file's first bytes (never from its name or the declared type). */
export function sniffImage(data: Buffer): ImageType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  if (data.length >= 12 && data.toString('latin1', 0, 4) === 'RIFF' && data.toString('latin1', 8, 12) === 'WEBP')
    return 'image/webp';
  return null;
}

/** The raw body up to `limit` bytes; a larger one is answered with the page's own words (`tooLarge`). */
export const rawImage =
  (limit: number, tooLarge: () => AppError): RequestHandler =>
  (req, res, next) => {
    express.raw({ type: () => true, limit })(req, res, (error?: unknown) => {
      if ((error as { type?: string } | undefined)?.type === 'entity.too.large') next(tooLarge());
      else next(error);
    });
  };

/** An uploaded image sent back: its stored type, never sniffed by the browser, inert as a document. */
export function sendImage(res: Response, type: string, bytes: Uint8Array, cacheControl: string) {
  res
    .set('cache-control', cacheControl)
    .set('x-content-type-options', 'nosniff')
    .set('content-security-policy', "default-src 'none'")
    .type(type)
    .send(Buffer.from(bytes));
}
