import type { IntegrationSystem, PrismaClient } from '@prisma/client';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import type { Pool } from 'pg';
import { openClientSecret } from '../../infra/db/client-secret';

const expiry = (expiresIn?: number) => (expiresIn ? new Date(Date.now() + expiresIn * 1000) : null);

/**
 * How long a registered system's client metadata is reused before it is read (and its secret
 * decrypted) again. Every authorization and token request looks the client up, several times per
 * login; a change in 介接系統管理 (suspension, new secret or redirect URIs) takes effect within this at
 * the authorization endpoint. The endpoints that authenticate the client (token, introspection,
 * revocation) read the row afresh on every call (api/sso/client-secret-grace.ts): there a revoked
 * system or a rotated secret counts at once.
 */
export const CLIENT_CACHE_MS = 5_000;

/**
 * oidc-provider's storage in PostgreSQL (its whole adapter contract: upsert, find, findByUid,
 * findByUserCode, consume, destroy, revokeByGrantId), so sessions, codes and tokens are shared by every
 * API replica. Expired rows are treated as absent; `purgeExpired` removes them.
 * Clients are not stored here: they are the registered systems (IntegrationSystem).
 *
 * The table is Prisma's (OidcPayload), but these statements go straight through node-postgres as
 * named prepared statements: a login makes about fourteen of them, and Prisma's per-query cost (its
 * query compiler and result mapping) was most of the provider's share of a login.
 */
export function createPrismaAdapter(pool: Pool, clients: ClientDirectory) {
  const COLUMNS = 'payload, expires_at, consumed_at';
  return class PrismaAdapter implements Adapter {
    constructor(readonly name: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      await pool.query({
        name: 'oidc_upsert',
        text: `INSERT INTO oidc_payloads (type, id, payload, grant_id, user_code, uid, expires_at)
               VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7)
               ON CONFLICT (type, id) DO UPDATE SET payload = EXCLUDED.payload, grant_id = EXCLUDED.grant_id,
                 user_code = EXCLUDED.user_code, uid = EXCLUDED.uid, expires_at = EXCLUDED.expires_at`,
        values: [
          this.name,
          id,
          JSON.stringify(payload),
          payload.grantId ?? null,
          payload.userCode ?? null,
          payload.uid ?? null,
          expiry(expiresIn),
        ],
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.name === 'Client') return clients.find(id);
      return this.first('oidc_find', `SELECT ${COLUMNS} FROM oidc_payloads WHERE type = $1 AND id = $2`, id);
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.first('oidc_find_uid', `SELECT ${COLUMNS} FROM oidc_payloads WHERE type = $1 AND uid = $2 LIMIT 1`, uid);
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.first(
        'oidc_find_user_code',
        `SELECT ${COLUMNS} FROM oidc_payloads WHERE type = $1 AND user_code = $2 LIMIT 1`,
        userCode,
      );
    }

    /** Authorization codes and refresh tokens are single-use: oidc-provider refuses a consumed one. */
    async consume(id: string): Promise<void> {
      await pool.query({
        name: 'oidc_consume',
        text: 'UPDATE oidc_payloads SET consumed_at = now() WHERE type = $1 AND id = $2',
        values: [this.name, id],
      });
    }

    async destroy(id: string): Promise<void> {
      await pool.query({
        name: 'oidc_destroy',
        text: 'DELETE FROM oidc_payloads WHERE type = $1 AND id = $2',
        values: [this.name, id],
      });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await pool.query({ name: 'oidc_revoke_grant', text: 'DELETE FROM oidc_payloads WHERE grant_id = $1', values: [grantId] });
    }

    private async first(statement: string, text: string, key: string): Promise<AdapterPayload | undefined> {
      const { rows } = await pool.query<{ payload: AdapterPayload; expires_at: Date | null; consumed_at: Date | null }>({
        name: statement,
        text,
        values: [this.name, key],
      });
      const row = rows[0];
      if (!row || (row.expires_at && row.expires_at <= new Date())) return undefined;
      return {
        ...row.payload,
        ...(row.consumed_at ? { consumed: Math.floor(row.consumed_at.getTime() / 1000) } : {}),
      };
    }
  };
}

/** The registered systems as oidc-provider's clients, read through a short cache (CLIENT_CACHE_MS). */
export interface ClientDirectory {
  find(clientId: string): Promise<AdapterPayload | undefined>;
  /**
   * Replaces the cached entry with a row just read (or its absence): the client-authenticating
   * endpoints read the row themselves (api/sso/client-secret-grace.ts), so a rotated secret or a
   * revocation counts there at once, not after the cache's few seconds.
   */
  refresh(clientId: string, system: IntegrationSystem | null): void;
}

export function createClientDirectory(prisma: PrismaClient, dataKey: Buffer, clientCacheMs = CLIENT_CACHE_MS): ClientDirectory {
  const clients = new Map<string, { at: number; found: Promise<AdapterPayload | undefined> }>();
  const remember = (clientId: string, found: Promise<AdapterPayload | undefined>) => {
    if (clients.size > 1000) clients.clear();
    clients.set(clientId, { at: Date.now(), found });
    found.catch(() => clients.delete(clientId));
    return found;
  };
  return {
    find(clientId) {
      const hit = clients.get(clientId);
      if (hit && Date.now() - hit.at < clientCacheMs) return hit.found;
      return remember(
        clientId,
        prisma.integrationSystem.findUnique({ where: { clientId } }).then((system) => clientMetadata(system, dataKey)),
      );
    },
    refresh(clientId, system) {
      void remember(clientId, Promise.resolve(clientMetadata(system, dataKey)));
    },
  };
}

/** A registered system as oidc-provider client metadata; none unless ACTIVE with redirect URIs. */
function clientMetadata(system: IntegrationSystem | null, dataKey: Buffer): AdapterPayload | undefined {
  if (!system || system.status !== 'ACTIVE' || system.redirectUris.length === 0) return undefined;
  return {
    client_id: system.clientId,
    client_secret: openClientSecret(system.clientSecretCipher, dataKey),
    client_name: system.name,
    redirect_uris: system.redirectUris,
    post_logout_redirect_uris: system.postLogoutRedirectUris,
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_basic',
    scope: ['openid', 'offline_access', ...system.scopes].join(' '),
    'urn:tainan:first_party': system.firstParty,
  };
}

export async function purgeExpired(prisma: PrismaClient) {
  return prisma.oidcPayload.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
