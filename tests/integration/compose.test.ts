import { execFile } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Validates docker-compose.yml with Debian's docker-compose (its bundled Compose schema and
// interpolation); there is no Docker engine here, and `config` needs none.
const run = promisify(execFile);
const productionEnv = {
  PATH: process.env.PATH ?? '',
  POSTGRES_PASSWORD: 'example-password',
  PUBLIC_URL: 'https://portal.tainan.gov.tw',
  AD_URL: 'ldaps://dc1.tainan.gov.tw:636',
  AD_BIND_DN: 'CN=svc-portal,OU=Service,DC=tainan,DC=gov,DC=tw',
  AD_BIND_PASSWORD: 'example',
  AD_BASE_DN: 'DC=tainan,DC=gov,DC=tw',
  AD_UPN_SUFFIX: 'tainan.gov.tw',
  SMTP_HOST: 'smtp.tainan.gov.tw',
  MITAKE_USERNAME: 'portal',
  MITAKE_PASSWORD: 'example',
  MOI_FIDO_SP_SERVICE_ID: 'SP-EXAMPLE',
  MOI_FIDO_SP_KEY: Buffer.alloc(32, 3).toString('base64'),
  CITIZEN_CERT_CRL_URL: 'http://moica.nat.gov.tw/repository/MOICA/CRL2/complete.crl',
  DATA_KEY: Buffer.alloc(32, 1).toString('base64'),
  HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
  SESSION_SECRET: 'x'.repeat(48),
};

const config = (env: Record<string, string>) => run('docker-compose', ['-f', 'docker-compose.yml', 'config'], { env });

describe('docker-compose.yml (production topology)', () => {
  it('is a valid Compose file with every component of the topology', async () => {
    const { stdout } = await config(productionEnv);
    const doc = parse(stdout);
    expect(Object.keys(doc.services).sort()).toEqual(
      ['api-1', 'api-2', 'migrate', 'postgres', 'temporal', 'temporal-setup', 'temporal-ui', 'web', 'worker'].sort(),
    );
    // Two API replicas, stateless: both point at the same PostgreSQL and Temporal.
    for (const api of ['api-1', 'api-2']) {
      expect(doc.services[api].environment.DATABASE_URL).toBe('postgresql://portal:example-password@postgres:5432/portal');
      expect(doc.services[api].environment.TEMPORAL_ADDRESS).toBe('temporal:7233');
      expect(doc.services[api].depends_on.migrate.condition).toBe('service_completed_successfully');
      // One origin for pages, mailed links and the SSO issuer (the development default :5173 would break logins).
      expect(doc.services[api].environment.WEB_URL).toBe(productionEnv.PUBLIC_URL);
    }
    expect(doc.services.worker.environment.WEB_URL).toBe(productionEnv.PUBLIC_URL);
    expect(doc.services.worker.command).toEqual(['node', '--import', 'tsx', 'worker/main.ts']);
    expect(doc.services.temporal.environment.DB).toBe('postgres12');
    expect(doc.services.temporal.volumes[0].target ?? doc.services.temporal.volumes[0]).toContain('dynamicconfig');
  });

  it('trusts X-Forwarded-For from the web proxy’s fixed address only, which writes the address it saw (issue 10 item 4)', async () => {
    const doc = parse((await config(productionEnv)).stdout);
    const proxy: string = doc.services.web.networks.default.ipv4_address;
    const [{ subnet, ip_range: dynamicRange }] = doc.networks.default.ipam.config;
    const within = (cidr: string) => {
      const [base, prefix] = cidr.split('/');
      const list = new net.BlockList();
      list.addSubnet(base!, Number(prefix));
      return list.check(proxy);
    };
    // On the network, and out of the range Docker hands to the other containers.
    expect(within(subnet)).toBe(true);
    expect(within(dynamicRange)).toBe(false);
    for (const api of ['api-1', 'api-2']) expect(doc.services[api].environment.TRUST_PROXY).toBe(proxy);
    // The proxy replaces whatever X-Forwarded-For the client sent (tests/integration/proxy.test.ts runs it).
    const nginx = fs.readFileSync('deploy/nginx.conf', 'utf8');
    expect(nginx).toMatch(/^\s*proxy_set_header X-Forwarded-For \$remote_addr;$/m);
    expect(nginx).not.toContain('$proxy_add_x_forwarded_for');
  });

  it('refuses to render without the secrets it needs, naming the variable', async () => {
    const { POSTGRES_PASSWORD: _omitted, ...withoutPassword } = productionEnv;
    await expect(config(withoutPassword)).rejects.toMatchObject({ stderr: expect.stringContaining('set POSTGRES_PASSWORD') });
  });
});
