import type { PrismaClient } from '@prisma/client';
import type { Router } from 'express';
import type { Captchas } from '../../commands/captcha';
import type { CitizenCert } from '../../identity/citizen-cert';
import type { IdentityProofs } from '../../identity/proof';
import type { Temporal } from '../../temporal';
import type { LoginKit } from '../login-kit';

/** What every login method's routes get (built once in api/app.ts). */
export interface SsoMethodDeps {
  prisma: PrismaClient;
  kit: LoginKit;
  captchas: Captchas;
  proofs: IdentityProofs;
  /** 自然人憑證 challenges and verification (api/identity/citizen-cert.ts). */
  citizenCert: CitizenCert;
  temporal: Temporal;
  webUrl: string;
  dataKey: Buffer;
  hashKey: Buffer;
}

/**
 * One login method: its routes are mounted at /api/sso/interaction/:uid/<slug> (mergeParams) after
 * the interaction was found and `kit.guard(method)` let the request through. On success a route
 * calls `kit.success(req, res, { user, method })`; on failure `kit.failure(req, {...})`.
 */
export interface LoginMethodModule {
  slug: string;
  method: 'PASSWORD' | 'OTP' | 'TEMP_PASSWORD' | 'MOBILE_CERT' | 'CITIZEN_CERT';
  routes: (deps: SsoMethodDeps) => Router;
}
