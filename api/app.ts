import '../domain/zod-zh-tw';
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '@prisma/client';
import express from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { Logger } from 'pino';
import crypto from 'node:crypto';
import { createSessionStore, loadActor } from './auth/session';
import { clientBinding } from './auth/client-binding';
import { createRouteNamer, requestLogSerializers } from './request-log';
import { listRoutes } from './route-table';
import { errorHandler, notFoundHandler } from './errors';
import { sameOriginOnly } from './same-origin';
import { inputGuard } from './input-guard';
import { createCaptchas } from './commands/captcha';
import { createEmailVerification } from './commands/email-verification';
import { createSmsVerification } from './commands/sms-verification';
import { createIdentityProofs } from './identity/proof';
import { passwordRoutes } from './routes/password';
import { accountRoutes } from './routes/account';
import { accountSelfServiceRoutes } from './routes/account/self-service';
import { adminRoleRequestReviewRoutes } from './routes/console/admin-role-requests';
import { carBookingReviewRoutes, venueBookingReviewRoutes } from './routes/console/booking-reviews';
import { bookingRequestRoutes } from './routes/bookings/requests';
import { agencyChangeReviewRoutes } from './routes/console/agency-change-requests';
import { delegationRoutes } from './routes/account/delegations';
import { accountAgencyChangeRoutes } from './routes/account/agency-change';
import { reactivationReviewRoutes } from './routes/console/reactivation-requests';
import { reactivationRoutes } from './routes/public/reactivation';
import { accountApplicationReviewRoutes } from './routes/console/account-applications';
import { consoleAccountRoutes } from './routes/console/accounts';
import { organizationRoutes } from './routes/console/organizations';
import { connectivityCheckRoutes } from './routes/console/connectivity-checks';
import { adSyncRoutes } from './routes/console/ad-sync';
import { consoleRecordRoutes } from './routes/console/records';
import { agencyAdminLookupRoutes, myAgencyAdminRoutes } from './routes/public/agency-admins';
import { systemParameterRoutes } from './routes/console/system-parameters';
import { itemRoutes } from './routes/items';
import { repairTypeRoutes } from './routes/repair-types';
import { publicRoutes } from './routes/public';
import { devRoutes } from './routes/dev';
import { healthRoutes } from './routes/health';
import { sessionRoutes } from './routes/session';
import { portalRedirectAppRoutes } from './routes/portal/redirect-apps';
import type { Ping } from '../infra/probe';
import type { MoiFidoClient } from '../infra/moi/client';
import { createMobileCert } from './identity/mobile-cert';
import { createIdentityProofs as createMobileCertProofs } from './identity/proof';
import { mobileCertRoutes } from './routes/identity/mobile-cert';
import type { Temporal } from './temporal';
import { accountRecordRoutes } from './routes/account/records';
import { devIntegrationRoutes } from './routes/dev-integrations';
import { INTEGRATIONS_MOUNT, integrationRoutes } from './integrations/routes';
import { smsUsageRoutes } from './routes/sms-usage';
import type { Sso } from './sso';
import { OIDC_MOUNT } from './sso/provider';
import { oidcSecurityHeaders } from './sso/headers';
import { interactionRoutes } from './sso/interaction-routes';
import { portalAuthRoutes } from './auth/portal-client';
import { createCitizenCert } from './identity/citizen-cert';
import { createIdentityProofs as createCitizenCertProofs } from './identity/proof';
import { citizenCertRoutes } from './routes/identity/citizen-cert';
import { accountCitizenCertRoutes } from './routes/account/citizen-cert';
import { bookingSearchRoutes } from './routes/bookings/search';
import { bookingRecordRoutes } from './routes/bookings/records';
import { repairRoutes } from './routes/repairs';
import { integrationApplicationRoutes, integrationServiceRoutes } from './routes/integration-applications';
import { integrationRequestReviewRoutes } from './routes/console/integration-requests';
import { calendarFeedRoutes, calendarFileRoutes } from './routes/calendar-feeds';
import { repairStatsRoutes } from './routes/repair-stats';
import { applicationSystemRoutes } from './routes/application-systems';

export interface AppDeps {
  env: {
    NODE_ENV: 'development' | 'test' | 'production';
    PUBLIC_URL: string;
    /** Where browsers reach the portal, when not PUBLIC_URL (development: the Vite dev server). */
    WEB_URL?: string;
    TRUST_PROXY: string;
    MAILBOX_URL?: string;
    SMS_SIMULATOR_URL?: string;
    /** 自然人憑證: trusted CA bundle, CRL, and where browsers reach the signing component (HiPKI). */
    CITIZEN_CERT_ROOT_CA_FILE?: string;
    CITIZEN_CERT_CRL_URL?: string;
    CITIZEN_CERT_SIGNER_URL?: string;
  };
  log: Logger;
  prisma: PrismaClient;
  temporal: Temporal;
  pings: Record<'postgres' | 'temporal' | 'ad' | 'smtp' | 'sms', Ping>;
  passwordMaxAgeDays: () => Promise<number>;
  keys: { dataKey: Buffer; hashKey: Buffer; sessionSecret: string };
  /** 內政部行動自然人憑證 (TW FidO) SP API; without it /api/identity/mobile-cert is not offered. */
  moi?: MoiFidoClient;
  /** 單一帳號認證平台 (api/sso); absent only in tests that exercise other parts in-process. */
  sso?: Sso;
  /** Built web app to serve (tests, production); absent in development where Vite serves it. */
  webDist?: string;
}

export function createApp(deps: AppDeps) {
  const { env, prisma, temporal } = deps;
  const app = express();
  const secureCookies = env.PUBLIC_URL.startsWith('https://');
  // Where the pages are: mails link there (domain/mail-links.ts), not to the API's PUBLIC_URL.
  const webUrl = env.WEB_URL ?? env.PUBLIC_URL;
  const sessions = createSessionStore(prisma);

  app.disable('x-powered-by');
  app.set('trust proxy', env.TRUST_PROXY);
  // oidc-provider parses its own bodies and renders its own few pages: mounted before the JSON parser
  // and the SPA's content-security policy, with headers of its own.
  if (deps.sso) app.use(OIDC_MOUNT, oidcSecurityHeaders(secureCookies), inputGuard, deps.sso.provider.middleware);
  app.use(
    pinoHttp({
      logger: deps.log,
      genReqId: (req, res) => {
        const id = (req.headers['x-request-id'] as string | undefined)?.slice(0, 64) ?? crypto.randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === '/healthz' },
      // Allowlisted fields only (api/request-log.ts): no token, proof, cookie or query value.
      serializers: requestLogSerializers(createRouteNamer(app)),
      wrapSerializers: false,
    }),
  );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // MUI (emotion) injects <style> elements at run time.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:', 'blob:'],
          // 自然人憑證: the page calls the signing component on the user's own PC.
          'connect-src': ["'self'", ...(env.CITIZEN_CERT_SIGNER_URL ? [new URL(env.CITIZEN_CERT_SIGNER_URL).origin] : [])],
          'upgrade-insecure-requests': secureCookies ? [] : null,
        },
      },
      hsts: secureCookies,
    }),
  );
  // A request from another site is refused before its body is read (docs/decisions/0004).
  app.use(['/api', '/dev'], sameOriginOnly([env.PUBLIC_URL, webUrl]));
  app.use(express.json({ limit: '1mb' }));
  app.use(['/api', '/dev'], inputGuard);

  app.use('/healthz', healthRoutes(deps.pings));
  app.use('/api', loadActor(sessions));
  app.use('/api', clientBinding({ hashKey: deps.keys.hashKey, secure: secureCookies }));
  const captchas = createCaptchas(prisma, deps.keys.sessionSecret, { exposeAnswers: env.NODE_ENV !== 'production' });
  // 自然人憑證: challenges, 忘記密碼 proof, 個人帳號管理 binding; the login method gets the same instance.
  const citizenCert = createCitizenCert(prisma, {
    rootCaFile: env.CITIZEN_CERT_ROOT_CA_FILE ?? '',
    crlUrl: env.CITIZEN_CERT_CRL_URL ?? '',
  });
  app.use(
    '/api/identity/citizen-cert',
    citizenCertRoutes({
      prisma,
      citizenCert,
      proofs: createCitizenCertProofs(prisma),
      signerUrl: env.CITIZEN_CERT_SIGNER_URL ?? 'http://localhost:61161',
      limitAddress: deps.sso ? (req) => deps.sso!.kit.limitAddress(req) : undefined,
    }),
  );
  app.use('/api/account/citizen-cert', accountCitizenCertRoutes({ prisma, temporal, webUrl, citizenCert }));
  app.use('/api/session', sessionRoutes({ prisma, sessions, secureCookies, passwordMaxAgeDays: deps.passwordMaxAgeDays }));
  if (deps.sso) {
    const { sso } = deps;
    app.use('/api/auth', portalAuthRoutes({ prisma, sessions, config: sso.portal, provider: sso.provider.current }));
    app.use(
      '/api/sso/interaction',
      interactionRoutes({
        sso: sso.provider,
        kit: sso.kit,
        prisma,
        methodDeps: {
          prisma,
          kit: sso.kit,
          captchas,
          proofs: sso.proofs,
          citizenCert,
          temporal,
          webUrl,
          dataKey: deps.keys.dataKey,
          hashKey: deps.keys.hashKey,
        },
      }),
    );
  }
  app.use('/api/console/connectivity-checks', connectivityCheckRoutes({ prisma, temporal }));
  app.use('/api/console/ad-sync', adSyncRoutes({ prisma, temporal }));
  app.use('/api/console/system-parameters', systemParameterRoutes({ prisma }));
  app.use('/api/console/records', consoleRecordRoutes({ prisma }));
  app.use('/api/items', itemRoutes({ prisma }));
  app.use('/api/repair-types', repairTypeRoutes({ prisma, temporal }));
  // 報修類型管理 › 處理狀況 (統計 and 匯出) of one 報修類型.
  app.use('/api/repair-stats', repairStatsRoutes({ prisma }));
  const applicationDeps = { prisma, temporal, webUrl, dataKey: deps.keys.dataKey, hashKey: deps.keys.hashKey };
  const verification = createEmailVerification(applicationDeps);
  const proofs = createIdentityProofs(prisma);
  app.use('/api', publicRoutes({ ...applicationDeps, captchas, verification, proofs, limits: deps.sso?.limits }));
  // 行事曆訂閱: the feed is public (its token is the credential), limited per address like the pages above.
  app.use('/api/calendar', calendarFileRoutes({ prisma, webUrl, limit: deps.sso?.limits.calendarFeed }));
  app.use('/api/calendar-feeds', calendarFeedRoutes({ prisma, webUrl }));
  app.use('/api/agency-admin-lookup', agencyAdminLookupRoutes({ prisma, verification, proofs }));
  app.use('/api/reactivation', reactivationRoutes({ prisma, temporal, verification, proofs }));
  app.use('/api/console/reactivation-requests', reactivationReviewRoutes({ prisma, temporal }));
  app.use('/api/communication', myAgencyAdminRoutes({ prisma }));
  app.use('/api/portal', portalRedirectAppRoutes({ prisma }));
  const sms = createSmsVerification(applicationDeps);
  app.use(
    '/api/password',
    passwordRoutes({
      ...applicationDeps,
      captchas,
      verification,
      sms,
      proofs,
      limitAddress: deps.sso ? (req) => deps.sso!.kit.limitAddress(req) : undefined,
    }),
  );
  app.use('/api/console/account-applications', accountApplicationReviewRoutes(applicationDeps));
  app.use('/api/console/admin-role-requests', adminRoleRequestReviewRoutes(applicationDeps));
  app.use('/api/console/agency-change-requests', agencyChangeReviewRoutes(applicationDeps));
  app.use('/api/console/venue-bookings', venueBookingReviewRoutes({ prisma, temporal }));
  app.use('/api/console/car-bookings', carBookingReviewRoutes({ prisma, temporal }));
  app.use('/api/bookings', bookingRequestRoutes({ prisma, temporal }));
  app.use('/api/account/agency-change', accountAgencyChangeRoutes(applicationDeps));
  app.use('/api/account/delegations', delegationRoutes({ prisma, temporal, webUrl }));
  app.use('/api/account', accountSelfServiceRoutes(applicationDeps));
  app.use('/api/console/accounts', consoleAccountRoutes({ prisma, temporal }));
  app.use('/api/console/organizations', organizationRoutes({ prisma, temporal }));
  app.use('/api/account', accountRoutes({ ...applicationDeps, verification, sms }));
  app.use('/api/account', accountRecordRoutes({ prisma }));
  app.use('/api/bookings', bookingSearchRoutes({ prisma }));
  app.use('/api/bookings', bookingRecordRoutes({ prisma, temporal }));
  app.use('/api/repairs', repairRoutes({ prisma, temporal }));
  // 應用系統服務介接申請: the registry of 應用系統 (its services' applications are integrationReview's).
  app.use('/api/application-systems', applicationSystemRoutes({ prisma }));
  // 應用系統服務介接申請: 我要申請 / 更換金鑰 / 停用 (beside the registry's /api/application-systems), 審核紀錄, 審核.
  const integrationDeps = { prisma, temporal, dataKey: deps.keys.dataKey, production: env.NODE_ENV === 'production' };
  app.use('/api/application-systems', integrationServiceRoutes(integrationDeps));
  app.use('/api/integration-applications', integrationApplicationRoutes(integrationDeps));
  app.use('/api/console/integration-requests', integrationRequestReviewRoutes(integrationDeps));
  app.use('/api/application-systems', smsUsageRoutes({ prisma }));
  if (deps.sso) {
    // 帳號驗證 API and 轉登 (docs/api/integrations.openapi.yaml): same lockout and records as the login page.
    const { sso } = deps;
    app.use(
      INTEGRATIONS_MOUNT,
      integrationRoutes({
        prisma,
        pool: sso.pool,
        kit: sso.kit,
        signingKeys: sso.signingKeys,
        dataKey: deps.keys.dataKey,
        issuer: env.PUBLIC_URL,
        temporal,
      }),
    );
  }
  if (env.NODE_ENV !== 'production') {
    app.use('/dev', devRoutes({ mailboxUrl: env.MAILBOX_URL, smsUrl: env.SMS_SIMULATOR_URL, captchas }));
    app.use('/dev/integrations', devIntegrationRoutes({ publicUrl: env.PUBLIC_URL, hashKey: deps.keys.hashKey }));
    // Every route, for the tests that probe all of them (tests/integration/api/request-log.test.ts).
    app.get('/dev/routes', (_req, res) => res.json({ routes: listRoutes(app) }));
  }
  if (deps.moi) {
    const mobileCert = createMobileCert({ prisma, moi: deps.moi, hashKey: deps.keys.hashKey });
    app.use(
      '/api/identity/mobile-cert',
      mobileCertRoutes({
        prisma,
        mobileCert,
        proofs: createMobileCertProofs(prisma),
        limitAddress: deps.sso ? (req) => deps.sso!.kit.limitAddress(req) : undefined,
      }),
    );
  }
  app.use(['/api', '/dev'], notFoundHandler);

  if (deps.webDist && fs.existsSync(path.join(deps.webDist, 'index.html'))) {
    const indexHtml = path.join(deps.webDist, 'index.html');
    app.use(express.static(deps.webDist, { index: false, maxAge: '1h' }));
    // Client-side routes: every other GET gets the SPA shell.
    app.get(/^\/(?!api\/|dev\/|healthz).*/, (_req, res) => res.sendFile(indexHtml, { dotfiles: 'allow' }));
  }

  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
