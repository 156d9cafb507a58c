import fs from 'node:fs';
import type { Pool } from 'pg';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import crypto from 'node:crypto';
import { addressAllowed, basicCredentials, matchClientSecret, sameSecret, sealClientSecret } from './client-auth';
import { autoPostPage } from './redirect-login';
import { OPENAPI_FILE, integrationRoutes } from './routes';

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
}

/** Every METHOD path the router serves, in OpenAPI form (/redirect-login/{systemId}). */
function servedOperations(): string[] {
  const router = integrationRoutes({
    prisma: {} as never,
    pool: {} as Pool,
    kit: {} as never,
    signingKeys: {} as never,
    dataKey: Buffer.alloc(32),
    issuer: 'http://localhost',
    temporal: {} as never,
  });
  return (router.stack as Layer[])
    .filter((layer) => layer.route)
    .flatMap((layer) =>
      Object.keys(layer.route!.methods).map(
        (method) => `${method.toUpperCase()} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      ),
    );
}

describe('OpenAPI document of the integration endpoints', () => {
  const doc = parse(fs.readFileSync(OPENAPI_FILE, 'utf8'));

  it('is OpenAPI 3 and documents exactly the routes the router serves', () => {
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.servers[0].url).toBe('/api/integrations/v1');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, item]) =>
      Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(servedOperations().sort()).toEqual(documented.sort());
  });

  it('gives every operation responses, a security rule and a known scheme; every $ref resolves', () => {
    const schemes = Object.keys(doc.components.securitySchemes);
    type Operation = { responses: object; operationId?: string; security?: Record<string, string[]>[] };
    for (const [path, item] of Object.entries(doc.paths as Record<string, Record<string, Operation>>)) {
      for (const [method, operation] of Object.entries(item)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).not.toHaveLength(0);
        expect(operation.operationId, `${method} ${path}`).toBeTruthy();
        for (const rule of operation.security ?? doc.security ?? [])
          for (const name of Object.keys(rule)) expect(schemes).toContain(name);
      }
    }
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) {
      const target = ref.split('/').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], doc);
      expect(target, ref).toBeDefined();
    }
  });

  it('lists every error code the endpoints answer', () => {
    const codes = doc.components.schemas.Error.properties.error.properties.code.enum;
    for (const code of [
      'CLIENT_AUTH_FAILED',
      'CLIENT_ADDRESS_NOT_ALLOWED',
      'VERIFY_API_DISABLED',
      'ASSERTION_INVALID',
      'RATE_LIMITED',
    ])
      expect(codes).toContain(code);
  });
});

describe('client credentials and addresses', () => {
  it('reads HTTP Basic client credentials, form-urlencoded, and nothing else', () => {
    const header = (s: string) => `Basic ${Buffer.from(s).toString('base64')}`;
    expect(basicCredentials(header('demo-verify:s3cr%3At'))).toEqual({ clientId: 'demo-verify', clientSecret: 's3cr:t' });
    expect(basicCredentials(header('id:a:b'))).toEqual({ clientId: 'id', clientSecret: 'a:b' });
    expect(basicCredentials(header(':secret'))).toBeNull();
    expect(basicCredentials(header('id:'))).toBeNull();
    expect(basicCredentials(header('id:%E0%A4%A'))).toBeNull();
    expect(basicCredentials('Bearer abc')).toBeNull();
    expect(basicCredentials(undefined)).toBeNull();
  });

  it('compares secrets of any length without throwing', () => {
    expect(sameSecret('abc', 'abc')).toBe(true);
    expect(sameSecret('abc', 'abcd')).toBe(false);
    expect(sameSecret('', 'x')).toBe(false);
  });

  it('matches the current secret, and the previous one only until its grace instant', () => {
    const key = crypto.randomBytes(32);
    const now = new Date('2026-12-08T00:00:00Z');
    const system = {
      clientSecretCipher: sealClientSecret('new-secret', key),
      previousSecretCipher: sealClientSecret('old-secret', key),
      previousSecretExpiresAt: new Date(now.getTime() + 1000),
    };
    expect(matchClientSecret(system, 'new-secret', key, now)).toEqual({ matched: 'current', current: 'new-secret' });
    expect(matchClientSecret(system, 'old-secret', key, now).matched).toBe('previous');
    expect(matchClientSecret(system, 'other', key, now).matched).toBeNull();
    const after = new Date(now.getTime() + 1000);
    expect(matchClientSecret(system, 'old-secret', key, after).matched).toBeNull();
    expect(matchClientSecret({ ...system, previousSecretCipher: null }, 'old-secret', key, now).matched).toBeNull();
    expect(matchClientSecret(null, 'new-secret', key, now).matched).toBeNull();
  });

  it('accepts addresses inside the allowed CIDRs or equal to a single allowed address', () => {
    expect(addressAllowed('127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(addressAllowed('::ffff:127.0.0.1', ['127.0.0.1/32'])).toBe(true);
    expect(addressAllowed('127.0.0.2', ['127.0.0.1/32'])).toBe(false);
    expect(addressAllowed('10.20.30.40', ['10.20.0.0/16', '192.168.1.5'])).toBe(true);
    expect(addressAllowed('192.168.1.5', ['192.168.1.5'])).toBe(true);
    expect(addressAllowed('2001:db8::1', ['2001:db8::/32'])).toBe(true);
    expect(addressAllowed('10.0.0.1', ['not-an-address', '10.0.0.0/99'])).toBe(false);
    expect(addressAllowed(undefined, ['0.0.0.0/0'])).toBe(false);
  });
});

describe('轉登 auto-post page', () => {
  it('escapes what the system registered and allows only a post to its origin', () => {
    const { html, csp } = autoPostPage({
      systemName: '系統"<x>',
      url: 'https://app.example.gov.tw/sso?a=1&b=2',
      param: 'token"',
      assertion: 'a.b.c',
      nonce: 'n0nce',
    });
    expect(html).toContain('action="https://app.example.gov.tw/sso?a=1&amp;b=2"');
    expect(html).toContain('name="token&quot;" value="a.b.c"');
    expect(html).toContain('轉登至「系統&quot;&lt;x&gt;」');
    expect(html).toContain('<script nonce="n0nce">');
    expect(csp).toContain('form-action https://app.example.gov.tw');
    expect(csp).toContain("script-src 'nonce-n0nce'");
    expect(csp).toContain("default-src 'none'");
  });
});
