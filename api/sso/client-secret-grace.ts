import type { PrismaClient } from '@prisma/client';
import type { Request } from 'express';
import { basicCredentials, matchClientSecret } from '../integrations/client-auth';
import type { ClientDirectory } from './adapter';

/** oidc-provider's endpoints that authenticate the client with its secret (paths under the issuer). */
const CLIENT_AUTH_PATHS = new Set(['/token', '/token/introspection', '/token/revocation']);
/** oidc-provider's own limit for these bodies. */
const BODY_LIMIT = 56 * 1024;

const FORM = /^application\/x-www-form-urlencoded\b/i;
/** RFC 6749 §2.3.1: client_id and client_secret are form-urlencoded inside the Basic credentials. */
const formEncode = (value: string) => encodeURIComponent(value).replace(/%20/g, '+');

/** The whole body (null past the limit, the rest read and dropped so the answer can still be sent). */
function readBody(req: Request): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > BODY_LIMIT ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * 更換金鑰 grace at the OIDC provider. oidc-provider compares the one client_secret its client
 * metadata holds, so a system still using its previous secret (previousSecretExpiresAt in the
 * future) would be refused. Before the provider sees a token, introspection or revocation request,
 * this reads the system's row, and when the presented secret is the previous one within its grace it
 * rewrites the credentials — the Basic header (client_secret_basic) or the form's client_secret
 * (client_secret_post) — to the current secret. Any other secret passes unchanged and the provider
 * refuses it as before; after the grace instant the previous secret is just a wrong one.
 *
 * The row just read also replaces the adapter's cached client (ClientDirectory.refresh), so a
 * revoked or suspended system is refused here at once, not after the cache's few seconds.
 *
 * A form body has to be read to find client_secret_post credentials; it is handed on as `req.body`
 * (a string), which oidc-provider parses itself, exactly as it would the stream (it notes once per
 * process that an upstream body was found: "already parsed request body detected").
 */
export function createClientSecretGrace(deps: { prisma: PrismaClient; dataKey: Buffer; clients: ClientDirectory }) {
  return async function clientSecretGrace(req: Request, path: string): Promise<void> {
    if (req.method !== 'POST' || !CLIENT_AUTH_PATHS.has(path.split('?')[0]!)) return;
    let form: URLSearchParams | null = null;
    if (FORM.test(req.get('content-type') ?? '')) {
      const body = await readBody(req);
      // Too large: an empty body makes the provider answer invalid_request, as its own limit would.
      req.body = body ?? '';
      form = body === null ? null : new URLSearchParams(body);
    }
    const basic = basicCredentials(req.get('authorization'));
    const posted = form?.get('client_secret');
    const clientId = basic?.clientId ?? form?.get('client_id');
    const presented = basic?.clientSecret ?? posted;
    if (!clientId || !presented) return;

    const system = await deps.prisma.integrationSystem.findUnique({ where: { clientId: clientId.slice(0, 200) } });
    deps.clients.refresh(clientId, system);
    const { matched, current } = matchClientSecret(system, presented, deps.dataKey);
    if (matched !== 'previous') return;
    if (basic) {
      const credentials = `${formEncode(basic.clientId)}:${formEncode(current)}`;
      req.headers.authorization = `Basic ${Buffer.from(credentials, 'utf8').toString('base64')}`;
    } else if (form) {
      form.set('client_secret', current);
      req.body = form.toString();
    }
  };
}
