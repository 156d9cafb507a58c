import { z } from 'zod';

/** Context every template may use: where relative links point. */
export interface RenderContext {
  baseUrl?: string;
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

/** A link target: an absolute http(s) URL, or a path resolved against the portal's base URL. */
export const link = z.string().trim().min(1).max(2000);

export function resolveLink(value: string, ctx: RenderContext): string {
  let url: URL;
  try {
    url = new URL(value, ctx.baseUrl);
  } catch {
    throw new MailTemplateError(`Link "${value}" is not absolute and no baseUrl is configured`);
  }
  // Mail links must never be javascript:, data: or file: — whatever the caller passed.
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new MailTemplateError(`Link scheme ${url.protocol} is not allowed`);
  return url.href;
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
