import type { Request, Response } from 'express';
import { describe, expect, it } from 'vitest';
import { AppError } from './errors';
import { sameOriginOnly } from './same-origin';

// The portal as development runs it: the API's own origin and the Vite dev server's (WEB_URL).
const check = sameOriginOnly(['http://127.0.0.1:3000', 'http://127.0.0.1:5173/']);

function decide(method: string, headers: Record<string, string>) {
  const req = { method, get: (name: string) => headers[name.toLowerCase()] } as unknown as Request;
  let outcome: unknown = 'not called';
  check(req, {} as Response, (error?: unknown) => (outcome = error));
  return outcome === undefined ? 'pass' : outcome instanceof AppError ? outcome.code : outcome;
}

describe('sameOriginOnly (Go 1.25 CrossOriginProtection with the portal’s own origins)', () => {
  it.each([
    ['POST', { 'sec-fetch-site': 'same-origin', origin: 'http://127.0.0.1:3000' }, 'pass'],
    ['POST', { 'sec-fetch-site': 'none' }, 'pass'],
    ['POST', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:4000' }, 'CROSS_ORIGIN_REQUEST'],
    ['DELETE', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 'CROSS_ORIGIN_REQUEST'],
    // Sec-Fetch-Site decides when present, even with a matching Origin.
    ['PUT', { 'sec-fetch-site': 'same-site', origin: 'http://127.0.0.1:5173' }, 'CROSS_ORIGIN_REQUEST'],
    // Browsers without Sec-Fetch-Site: the Origin must be one of the portal's.
    ['POST', { origin: 'http://127.0.0.1:5173' }, 'pass'],
    ['PATCH', { origin: 'http://127.0.0.1:3000' }, 'pass'],
    ['POST', { origin: 'http://127.0.0.1:4000' }, 'CROSS_ORIGIN_REQUEST'],
    ['POST', { origin: 'null' }, 'CROSS_ORIGIN_REQUEST'],
    ['POST', { origin: 'http://127.0.0.1:3000.evil.example' }, 'CROSS_ORIGIN_REQUEST'],
    // Neither header: not a browser, so no victim's cookie.
    ['POST', {}, 'pass'],
    // Safe methods change nothing and always pass.
    ['GET', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }, 'pass'],
    ['HEAD', { 'sec-fetch-site': 'cross-site' }, 'pass'],
    ['OPTIONS', { origin: 'https://evil.example' }, 'pass'],
  ])('%s with %j → %s', (method, headers, expected) => {
    expect(decide(method, headers)).toBe(expected);
  });

  it('refuses in zh-TW with 403', () => {
    const req = { method: 'POST', get: (n: string) => (n === 'sec-fetch-site' ? 'cross-site' : undefined) } as unknown as Request;
    let error: AppError | undefined;
    check(req, {} as Response, (e?: unknown) => (error = e as AppError));
    expect(error).toMatchObject({ status: 403, code: 'CROSS_ORIGIN_REQUEST', message: expect.stringContaining('其他網站') });
  });
});
