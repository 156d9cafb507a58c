// The seed's 機關管理者 in AD, looked up with ldapsearch the way the README shows: every seeded agency
// admin is a member of its agency's <code>-admins group, which sits in the agency's OU and is described
// like the one an approved 機關管理者申請 creates.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createAdClient } from '../../../infra/ad/client';
import { sameDn } from '../../../infra/ad/dn';
import { ouDnOf } from '../../../activities/ad-sync/desired-state';
import { createPrisma } from '../../../infra/db/prisma';
import { seedUsers } from '../../../prisma/seed-users';
import { testAdConfig } from './helpers';

const config = testAdConfig();
const ad = createAdClient(config);
const prisma = createPrisma(process.env.DATABASE_URL!);
// The password goes to ldapsearch in a file (-y), never on its command line.
const secretDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ldapsearch-'));
const passwordFile = path.join(secretDir, 'password');
fs.writeFileSync(passwordFile, config.bindPassword, { mode: 0o600 });

afterAll(async () => {
  fs.rmSync(secretDir, { recursive: true, force: true });
  await prisma.$disconnect();
});

type LdifEntry = { dn: string } & Record<string, string[]>;

/** `ldapsearch -LLL` under the root OU, its LDIF read into entries (attribute names lower-cased). */
async function ldapsearch(filter: string, attributes: string[]): Promise<LdifEntry[]> {
  const { stdout } = await promisify(execFile)(
    'ldapsearch',
    [
      '-LLL',
      '-o',
      'ldif-wrap=no',
      '-H',
      config.url,
      '-D',
      config.bindDN,
      '-y',
      passwordFile,
      '-b',
      ad.rootDn,
      filter,
      ...attributes,
    ],
    { env: { ...process.env, ...(config.caFile ? { LDAPTLS_CACERT: config.caFile } : {}) } },
  );
  return stdout
    .split(/\n\n+/)
    .filter((block) => block.trim())
    .map((block) => {
      const entry = { dn: '' } as LdifEntry;
      for (const line of block.split('\n')) {
        const match = /^([^:]+)(::?) ?(.*)$/.exec(line);
        if (!match) continue;
        const [, name, sep, raw] = match;
        const value = sep === '::' ? Buffer.from(raw!, 'base64').toString('utf8') : raw!;
        if (name === 'dn') entry.dn = value;
        else (entry[name!.toLowerCase()] ??= []).push(value);
      }
      return entry;
    });
}

describe('seeded 機關管理者 in AD', () => {
  const admins = seedUsers.flatMap((u) =>
    u.roles.flatMap((r) => (r.role === 'AGENCY_ADMIN' ? [{ account: u.account, agencyCode: r.agencyCode }] : [])),
  );

  it('seeds at least one agency admin per agency the demo users cover', () => {
    expect(admins.map((a) => a.agencyCode).sort()).toEqual(['D07', 'G01', 'G16', 'G25']);
  });

  it.for(admins)('$account is a member of $agencyCode-admins in the agency OU', async ({ account, agencyCode }) => {
    const agency = await prisma.organization.findUniqueOrThrow({ where: { code: agencyCode } });
    const groups = await ldapsearch(`(&(objectClass=group)(cn=${agencyCode}-admins))`, ['member', 'description']);
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(sameDn(group!.dn, `CN=${agencyCode}-admins,${ouDnOf(agency.adOu, ad.rootDn)}`), group!.dn).toBe(true);
    expect(group!.description).toEqual([`${agency.name} 機關管理者`]);

    const user = await ad.findUser(account);
    const member = user !== null && (group!.member ?? []).some((dn) => sameDn(dn, user.dn));
    // Test slots share one domain and account names are unique in it, so while another slot runs its
    // reset may delete a seeded account this seed put in the group; a lone run (CI) holds every one.
    expect(member, `${account} (${user?.dn ?? '不在 AD'}) in ${JSON.stringify(group!.member)}`).toBe(true);
  });
});
