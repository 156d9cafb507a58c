import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import type { CookieOptions, RequestHandler, Response } from 'express';
import type { Actor, CustodyKind, Principal, Role } from '../policies';
import { readCookie } from './cookies';

export const SESSION_COOKIE = 'portal_session';
const SESSION_TTL_MS = 8 * 60 * 60 * 1000; // a working day

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export function sessionCookieOptions(secure: boolean): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure, path: '/', maxAge: SESSION_TTL_MS };
}

type RoleRow = { role: string; organizationId: string | null };

/** A user's name and what their roles let them do (also a calendar feed's owner's, api/queries/calendar-feeds.ts). */
export function authority(user: { id: string; account: string; name: string; roles: RoleRow[] }): Principal {
  return {
    id: user.id,
    account: user.account,
    name: user.name,
    roles: [...new Set(user.roles.map((r) => r.role as Role))],
    adminOfAgencyIds: user.roles.filter((r) => r.role === 'AGENCY_ADMIN' && r.organizationId).map((r) => r.organizationId!),
  };
}

/**
 * The approvers a user stands in for right now (代理人設定): delegations begun, not ended nor cancelled,
 * of approvers whose accounts are still active — with those approvers' roles as they are today.
 */
async function liveDelegations(prisma: PrismaClient, deputyId: string): Promise<Principal[]> {
  const now = new Date();
  const rows = await prisma.delegation.findMany({
    where: { deputyId, cancelledAt: null, startsAt: { lte: now }, endsAt: { gt: now }, principal: { status: 'ACTIVE' } },
    include: { principal: { include: { roles: true } } },
    orderBy: { startsAt: 'asc' },
  });
  return rows.map((row) => authority(row.principal));
}

/**
 * What a general user holds (表 2), in one query: the kinds they are 保管人 of — opening 物品管理 for
 * them — and whether they are a 維修人員 of a 報修類型 (報修處理狀況回報).
 */
async function holdings(prisma: PrismaClient, userId: string): Promise<{ custodianOf: CustodyKind[]; repairVendor: boolean }> {
  const rows = await prisma.$queryRaw<{ kind: string }[]>`
    SELECT DISTINCT kind::text AS kind FROM resources
     WHERE deleted_at IS NULL AND (custodian1_id = ${userId} OR custodian2_id = ${userId})
    UNION ALL
    SELECT 'REPAIR_TYPE' WHERE EXISTS (
      SELECT 1 FROM repair_types WHERE deleted_at IS NULL AND (custodian1_id = ${userId} OR custodian2_id = ${userId}))
    UNION ALL
    SELECT 'REPAIR_VENDOR' WHERE EXISTS (
      SELECT 1 FROM repair_vendors v JOIN repair_types t ON t.id = v.repair_type_id
       WHERE v.user_id = ${userId} AND t.deleted_at IS NULL)`;
  const kinds = rows.map((r) => r.kind);
  return {
    custodianOf: kinds.filter((k): k is CustodyKind => k !== 'REPAIR_VENDOR'),
    repairVendor: kinds.includes('REPAIR_VENDOR'),
  };
}

/** Sessions live in PostgreSQL (only the token's hash), so any API replica can serve any request. */
export function createSessionStore(prisma: PrismaClient) {
  return {
    async create(userId: string, meta: { ip?: string; userAgent?: string }) {
      const token = crypto.randomBytes(32).toString('base64url');
      await prisma.session.create({
        data: {
          id: hashToken(token),
          userId,
          expiresAt: new Date(Date.now() + SESSION_TTL_MS),
          ip: meta.ip ?? null,
          userAgent: meta.userAgent?.slice(0, 512) ?? null,
        },
      });
      return token;
    },

    async revoke(token: string) {
      await prisma.session.updateMany({ where: { id: hashToken(token), revokedAt: null }, data: { revokedAt: new Date() } });
    },

    async actorFor(token: string): Promise<Actor | undefined> {
      const session = await prisma.session.findUnique({
        where: { id: hashToken(token) },
        include: { user: { include: { organization: true, roles: true } } },
      });
      if (!session || session.revokedAt || session.expiresAt <= new Date() || session.user.status !== 'ACTIVE') return undefined;
      // 機關管理者 granted by a 權限異動申請 takes effect at the next login (manual §2.6): a session
      // only carries the agency-admin roles granted before it started.
      const user = {
        ...session.user,
        roles: session.user.roles.filter((r) => r.role !== 'AGENCY_ADMIN' || r.grantedAt <= session.createdAt),
      };
      const [deputyFor, held] = await Promise.all([liveDelegations(prisma, user.id), holdings(prisma, user.id)]);
      return {
        ...authority(user),
        organizationId: user.organizationId,
        agencyId: user.organization.agencyId ?? user.organizationId,
        deputyFor,
        ...held,
      };
    },
  };
}

export type SessionStore = ReturnType<typeof createSessionStore>;

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
    sessionToken?: string;
  }
}

/** Attaches `req.actor` when the cookie names a live session; never rejects by itself. */
export function loadActor(sessions: SessionStore): RequestHandler {
  return async (req, _res, next) => {
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token) {
      req.sessionToken = token;
      req.actor = await sessions.actorFor(token);
    }
    next();
  };
}

export function clearSessionCookie(res: Response, secure: boolean) {
  const { maxAge: _ignored, ...options } = sessionCookieOptions(secure);
  res.clearCookie(SESSION_COOKIE, options);
}
