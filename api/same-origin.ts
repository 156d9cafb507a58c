import type { RequestHandler } from 'express';
import { fail } from './errors';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request a browser sent from any other origin — another port, another
 * *.tainan.gov.tw host — which SameSite=Lax cookies do not stop (docs/decisions/0004). The algorithm
 * of Go 1.25's net/http.CrossOriginProtection, with the portal's own origins in place of the Host
 * header:
 * - GET, HEAD and OPTIONS pass (they change nothing);
 * - with Sec-Fetch-Site, only `same-origin` and `none` (the user's own address bar or bookmark) pass;
 * - else with Origin (browsers before Sec-Fetch-Site), only one of `origins` passes;
 * - with neither header the request is not from a browser, so it carries no victim's cookie: it passes.
 */
export function sameOriginOnly(origins: readonly string[]): RequestHandler {
  const own = new Set(origins.map((url) => new URL(url).origin));
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const site = req.get('sec-fetch-site');
    if (site !== undefined) return next(site === 'same-origin' || site === 'none' ? undefined : fail('CROSS_ORIGIN_REQUEST'));
    const origin = req.get('origin');
    if (origin === undefined || own.has(origin)) return next();
    next(fail('CROSS_ORIGIN_REQUEST'));
  };
}
