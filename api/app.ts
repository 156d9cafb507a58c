import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import crypto from 'node:crypto';
import { createSessionStore, loadActor } from './auth/session';
import { errorHandler, notFoundHandler } from './errors';
import { createCaptchas } from './commands/captcha';
import { createEmailVerification } from './commands/email-verification';
import { accountApplicationReviewRoutes } from './routes/console/account-applications';
import { connectivityCheckRoutes } from './routes/console/connectivity-checks';
import { publicRoutes } from './routes/public';
import { devRoutes } from './routes/dev';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import type { Ping } from '../activities/connectivity';
import type { MoiFidoClient } from '../activities/moi/client';
import { createMobileCert } from './identity/mobile-cert';
import { createIdentityProofs as createMobileCertProofs } from './identity/proof';
import { mobileCertRoutes } from './routes/identity/mobile-cert';
import type { Temporal } from './temporal';

export interface AppDeps {
  env: {
    NODE_ENV: 'development' | 'test' | 'production';
    PUBLIC_URL: string;
    TRUST_PROXY: string;
    MAILBOX_URL?: string;
    SMS_SIMULATOR_URL?: string;
  };
  log: Logger;
  prisma: PrismaClient;
  temporal: Temporal;
  pings: Record<'postgres' | 'temporal' | 'ad' | 'smtp' | 'sms', Ping>;
  passwordMaxAgeDays: () => Promise<number>;
  keys: { dataKey: Buffer; hashKey: Buffer; sessionSecret: string };
  /** 內政部行動自然人憑證 (TW FidO) SP API; without it /api/identity/mobile-cert is not offered. */
  moi?: MoiFidoClient;
  /** Built web app to serve (tests, production); absent in development where Vite serves it. */
  webDist?: string;
}

export function createApp(deps: AppDeps) {
  const { env, prisma, temporal } = deps;
  const app = express();
  const secureCookies = env.PUBLIC_URL.startsWith('https://');
  const sessions = createSessionStore(prisma);

  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MUI (emotion) injects <style> elements at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          'upgrade-insecure-requests': secureCookies ? [] : null,
        },
      },
      hsts: secureCookies,
    }),
  );
  app.use(express.json({ limit: '1mb' }));

  app.use('/healthz', healthRoutes(deps.pings));
  app.use('/api', loadActor(sessions));
  const captchas = createCaptchas(prisma, deps.keys.sessionSecret, { exposeAnswers: env.NODE_ENV !== 'production' });
  app.use(
    '/api/session',
    sessionRoutes({ prisma, captchas, sessions, secureCookies, passwordMaxAgeDays: deps.passwordMaxAgeDays }),
  );
  app.use('/api/console/connectivity-checks', connectivityCheckRoutes({ prisma, temporal }));
  const applicationDeps = { prisma, temporal, baseUrl: env.PUBLIC_URL, dataKey: deps.keys.dataKey, hashKey: deps.keys.hashKey };
  const verification = createEmailVerification(applicationDeps);
  app.use('/api', publicRoutes({ ...applicationDeps, captchas, verification }));
  app.use('/api/console/account-applications', accountApplicationReviewRoutes(applicationDeps));
  if (env.NODE_ENV !== 'production') {
    app.use('/dev', devRoutes({ mailboxUrl: env.MAILBOX_URL, smsUrl: env.SMS_SIMULATOR_URL, captchas }));
  }
  if (deps.moi) {
    const mobileCert = createMobileCert({ prisma, moi: deps.moi, hashKey: deps.keys.hashKey });
    app.use('/api/identity/mobile-cert', mobileCertRoutes({ prisma, mobileCert, proofs: createMobileCertProofs(prisma) }));
  }
  app.use(['/api', '/dev'], notFoundHandler);

  if (deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html'))) {
    const indexHtml = path.join(deps.webDist, 'index.html');
    app.use(express.static(deps.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the SPA shell.
    app.get(/^\/(?!api\/|dev\/|healthz).*/, (_req, res) => res.sendFile(indexHtml));
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
