/** A captcha is valid 5 minutes: a fresh one is fetched a little before that. */
export const CAPTCHA_REFRESH_MS = 4.5 * 60 * 1000;

/**
 * The SVG markup as an <img> source. An image never runs scripts or loads anything, so the markup
 * from the server is shown without being put into the page's DOM.
 */
export function captchaImageSrc(svg: string): string {
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
