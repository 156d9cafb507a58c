import crypto from 'node:crypto';
import type { RequestHandler } from 'express';
import { fail } from '../errors';
import { readCookie } from './cookies';

/**
 * The browser a bearer value was handed to. Every token, proof, code and transaction the API issues
 * without a login session (備用信箱 / 手機簡訊 verification, identity proofs, 圖形驗證碼, 行動自然人憑證)
 * stores the HMAC of this cookie, and is honoured only from the same browser: a value copied from a
 * log, a screenshot or a shared link is useless in another client. HttpOnly and SameSite=Strict, so a
 * page script or another site cannot read or send it; path /api, the only place it is checked.
 */
export const CLIENT_COOKIE = 'portal_client';
const VALUE = /^[A-Za-z0-9_-]{43}$/;

declare module 'express-serve-static-core' {
  interface Request {
    /** The HMAC of this browser's binding, setting the cookie first when it has none (on issue). */
    bindClient(): string;
    /** The HMAC of the binding the request carried, if any (on use). */
    boundClient?: string;
  }
}

/** What a row stores for a binding cookie's value. */
export const clientDigest = (hashKey: Buffer, value: string) =>
  crypto.createHmac('sha256', hashKey).update(`client-binding:${value}`).digest('hex');

export function clientBinding({ hashKey, secure }: { hashKey: Buffer; secure: boolean }): RequestHandler {
  const digest = (value: string) => clientDigest(hashKey, value);
  return (req, res, next) => {
    const presented = readCookie(req.headers.cookie, CLIENT_COOKIE);
    req.boundClient = presented && VALUE.test(presented) ? digest(presented) : undefined;
    req.bindClient = () => {
      if (req.boundClient) return req.boundClient;
      const value = crypto.randomBytes(32).toString('base64url');
      // A browser-session cookie: the values it binds live minutes, and nothing should outlive the window.
      res.cookie(CLIENT_COOKIE, value, { httpOnly: true, sameSite: 'strict', secure, path: '/api' });
      req.boundClient = digest(value);
      return req.boundClient;
    };
    next();
  };
}

/** Constant-time: whether the request comes from the browser `stored` was bound to. */
export function sameClient(stored: string | null | undefined, presented: string | undefined): boolean {
  if (!stored || !presented || stored.length !== presented.length) return false;
  return crypto.timingSafeEqual(Buffer.from(stored), Buffer.from(presented));
}

/** Throws `refusal` (the caller's usual VERIFICATION_REQUIRED-style error) unless the clients match. */
export function requireSameClient(
  stored: string | null | undefined,
  presented: string | undefined,
  refusal = verificationRefused,
) {
  if (!sameClient(stored, presented)) throw refusal();
}

const verificationRefused = () => fail('VERIFICATION_REQUIRED', '身分驗證已逾時或無效，請重新驗證');
