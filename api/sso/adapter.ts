import type { Prisma, PrismaClient } from '@prisma/client';
import type { Adapter, AdapterPayload } from 'oidc-provider';
import { decryptField } from '../../activities/db/pii';

const expiry = (expiresIn?: number) => (expiresIn ? new Date(Date.now() + expiresIn * 1000) : null);

/**
 * How long a registered system's client metadata is reused before it is read (and its secret
 * decrypted) again. Every authorization and token request looks the client up, several times per
 * login; a change in 介接系統管理 (suspension, new secret or redirect URIs) takes effect within this.
 */
export const CLIENT_CACHE_MS = 5_000;

/**
 * oidc-provider's storage in PostgreSQL (its whole adapter contract: upsert, find, findByUid,
 * findByUserCode, consume, destroy, revokeByGrantId), so sessions, codes and tokens are shared by every
 * API replica. Expired rows are treated as absent; `purgeExpired` removes them.
 * Clients are not stored here: they are the registered systems (IntegrationSystem).
 */
export function createPrismaAdapter(prisma: PrismaClient, dataKey: Buffer, clientCacheMs = CLIENT_CACHE_MS) {
  const clients = new Map<string, { at: number; found: Promise<AdapterPayload | undefined> }>();
  return class PrismaAdapter implements Adapter {
    constructor(readonly name: string) {}

    async upsert(id: string, payload: AdapterPayload, expiresIn: number): Promise<void> {
      const data = {
        payload: payload as Prisma.InputJsonValue,
        grantId: payload.grantId ?? null,
        userCode: payload.userCode ?? null,
        uid: payload.uid ?? null,
        expiresAt: expiry(expiresIn),
      };
      await prisma.oidcPayload.upsert({
        where: { type_id: { type: this.name, id } },
        create: { type: this.name, id, ...data },
        update: data,
      });
    }

    async find(id: string): Promise<AdapterPayload | undefined> {
      if (this.name === 'Client') return cachedClient(id);
      return this.present(await prisma.oidcPayload.findUnique({ where: { type_id: { type: this.name, id } } }));
    }

    async findByUid(uid: string): Promise<AdapterPayload | undefined> {
      return this.present(await prisma.oidcPayload.findFirst({ where: { type: this.name, uid } }));
    }

    async findByUserCode(userCode: string): Promise<AdapterPayload | undefined> {
      return this.present(await prisma.oidcPayload.findFirst({ where: { type: this.name, userCode } }));
    }

    async consume(id: string): Promise<void> {
      // One statement (updateMany would wrap it in a transaction): codes and refresh tokens are single-use.
      await prisma.$executeRaw`UPDATE oidc_payloads SET consumed_at = now() WHERE type = ${this.name} AND id = ${id}`;
    }

    async destroy(id: string): Promise<void> {
      await prisma.oidcPayload.deleteMany({ where: { type: this.name, id } });
    }

    async revokeByGrantId(grantId: string): Promise<void> {
      await prisma.oidcPayload.deleteMany({ where: { grantId } });
    }

    private present(
      row: { payload: Prisma.JsonValue; expiresAt: Date | null; consumedAt: Date | null } | null,
    ): AdapterPayload | undefined {
      if (!row || (row.expiresAt && row.expiresAt <= new Date())) return undefined;
      return {
        ...(row.payload as AdapterPayload),
        ...(row.consumedAt ? { consumed: Math.floor(row.consumedAt.getTime() / 1000) } : {}),
      };
    }
  };

  function cachedClient(clientId: string): Promise<AdapterPayload | undefined> {
    const now = Date.now();
    const hit = clients.get(clientId);
    if (hit && now - hit.at < clientCacheMs) return hit.found;
    if (clients.size > 1000) clients.clear();
    const found = findClient(clientId);
    clients.set(clientId, { at: now, found });
    found.catch(() => clients.delete(clientId));
    return found;
  }

  async function findClient(clientId: string): Promise<AdapterPayload | undefined> {
    const system = await prisma.integrationSystem.findUnique({ where: { clientId } });
    if (!system || system.status !== 'ACTIVE' || system.redirectUris.length === 0) return undefined;
    return {
      client_id: system.clientId,
      client_secret: decryptField(system.clientSecretCipher, dataKey, 'client-secret'),
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
}

export async function purgeExpired(prisma: PrismaClient) {
  return prisma.oidcPayload.deleteMany({ where: { expiresAt: { lt: new Date() } } });
}
