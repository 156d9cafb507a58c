import { z } from 'zod';
import { isMailPath, mailLinkUrl } from '../../../domain/mail-links';

/** Context every template may use: WEB_URL, where the portal's pages are served and mail links point. */
export interface RenderContext {
  webUrl?: string;
}

/** Invalid template data: a caller bug that retrying cannot fix. */
export class MailTemplateError extends Error {
  override name = 'MailTemplateError';
}

/** One line of text: no control characters, so nothing can spill into a header or break a layout. */
export const line = (max = 200) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[^\p{Cc}]*$/u, '不可包含控制字元');

/**
 * A link target: the path of a portal page (domain/mail-links.ts `mailPath`), never an address, so
 * every link a mail carries is built on WEB_URL in one place — and never javascript:, data: or another site.
 */
export const link = z.string().trim().max(2000).refine(isMailPath, '須為入口網頁面的路徑（mailPath）');

export function resolveLink(path: string, ctx: RenderContext): string {
  if (!ctx.webUrl) throw new MailTemplateError(`Link "${path}" needs WEB_URL, and none is configured`);
  try {
    return mailLinkUrl(ctx.webUrl, path);
  } catch (error) {
    throw new MailTemplateError((error as Error).message);
  }
}

const TAIPEI = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Asia/Taipei',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** YYYY-MM-DD HH:mm in Asia/Taipei, the manual's date format. */
export function formatTaipei(date: Date): string {
  return TAIPEI.format(date);
}
