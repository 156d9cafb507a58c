// Seed: the organisation tree, the system parameters and the demo accounts. Idempotent and cheap
// on a seeded database (one read per table, writes only for what is missing or changed), so it
// runs on every start.
//
//   DATABASE_URL=… DATA_KEY=… HASH_KEY=… [SEED_DEMO_PASSWORD=…] [SEED_RESET_DEMO_USERS=1] npx tsx prisma/seed.ts
//
// Existing demo users keep their password, status and lockout state (a developer may have changed
// them on purpose); SEED_RESET_DEMO_USERS=1 / { resetDemoUsers: true } puts them back.

import argon2 from 'argon2';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Prisma, type PrismaClient } from '@prisma/client';
import { ARGON2_OPTIONS } from '../infra/password-hash';
import { decodeKey, encryptNationalId, hashNationalId } from '../infra/db/pii';
import { createPrisma } from '../infra/db/prisma';
import { flattenOrgTree, type OrgSeedRow } from './org-tree';
import { seedDemoRelyingParty } from './seed-demo-rp';
import { seedIntegrationSystems } from './seed-integrations';
import { DEFAULT_DEMO_PASSWORD, seedUsers, type SeedUser } from './seed-users';
import { seedDemoRepairTypes } from './seed-repair-types';
import { seedDemoResources } from './seed-resources';
import { SYSTEM_PARAMETERS, serializeParameterValue } from '../domain/system-parameters';

// argon2id parameters: one constant for the seed, the SSO and the benchmark (infra/password-hash.ts).
export { ARGON2_OPTIONS };

export interface SeedOptions {
  demoPassword?: string;
  /** base64 of 32 bytes, or the decoded key. */
  dataKey: string | Buffer;
  hashKey: string | Buffer;
  /** Create the demo accounts (default true; production seeds only the tree and parameters). */
  demoUsers?: boolean;
  /** Where the demo 轉登 handler is served (PUBLIC_URL); demo integration systems are seeded with demo users. */
  publicUrl?: string;
  /** Reset demo users' password, status and lockout to the seeded state. */
  resetDemoUsers?: boolean;
  log?: (msg: string) => void;
}

export interface SeedSummary {
  organizations: { created: number; updated: number };
  parameters: { created: number; updated: number };
  users: { created: number; updated: number };
  roles: { created: number };
}

export async function runSeed(prisma: PrismaClient, opts: SeedOptions): Promise<SeedSummary> {
  const log = opts.log ?? (() => {});
  const demoPassword = opts.demoPassword ?? DEFAULT_DEMO_PASSWORD;
  const policyError = checkDemoPassword(demoPassword);
  if (policyError) throw new Error(`SEED_DEMO_PASSWORD: ${policyError}`);
  const dataKey = typeof opts.dataKey === 'string' ? decodeKey('DATA_KEY', opts.dataKey) : opts.dataKey;
  const hashKey = typeof opts.hashKey === 'string' ? decodeKey('HASH_KEY', opts.hashKey) : opts.hashKey;

  const organizations = await seedOrganizations(prisma);
  const parameters = await seedSystemParameters(prisma);
  const { users, roles } =
    opts.demoUsers === false
      ? { users: { created: 0, updated: 0 }, roles: { created: 0 } }
      : await seedDemoUsers(prisma, { demoPassword, dataKey, hashKey, reset: opts.resetDemoUsers ?? false });
  const summary = { organizations, parameters, users, roles };
  log(`seed: ${JSON.stringify(summary)}`);
  if (opts.demoUsers !== false) {
    const integrations = await seedIntegrationSystems(prisma, {
      dataKey,
      hashKey,
      publicUrl: opts.publicUrl ?? process.env.PUBLIC_URL ?? 'http://127.0.0.1:3000',
    });
    log(`seed: demo integration systems ${JSON.stringify(integrations)}`);
    log(`seed: demo items ${JSON.stringify(await seedDemoResources(prisma))}`);
    log(`seed: demo repair types ${JSON.stringify(await seedDemoRepairTypes(prisma))}`);
    const demoRpUrl = process.env.DEMO_RP_URL;
    if (demoRpUrl) await seedDemoRelyingParty(prisma, { dataKey, hashKey, demoRpUrl });
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------

async function seedOrganizations(prisma: PrismaClient): Promise<{ created: number; updated: number }> {
  const rows = flattenOrgTree();
  const existing = await prisma.organization.findMany({
    select: { id: true, code: true, name: true, shortName: true, kind: true, parentId: true, sortOrder: true, adOu: true },
  });
  const byCode = new Map(existing.map((o) => [o.code, o]));
  const idByCode = new Map(existing.map((o) => [o.code, o.id]));
  let created = 0;
  let updated = 0;

  const parentIdOf = (row: OrgSeedRow) => {
    if (row.parentCode === null) return null;
    const id = idByCode.get(row.parentCode);
    if (!id) throw new Error(`seed: parent ${row.parentCode} of ${row.code} missing`);
    return id;
  };

  // Level by level, so parents exist (and have ids) before their children are inserted.
  const maxDepth = Math.max(...rows.map((r) => r.depth));
  for (let depth = 0; depth <= maxDepth; depth++) {
    const level = rows.filter((r) => r.depth === depth);
    const missing = level.filter((r) => !byCode.has(r.code));
    if (missing.length > 0) {
      const inserted = await prisma.organization.createManyAndReturn({
        data: missing.map((r) => ({
          code: r.code,
          name: r.name,
          shortName: r.shortName,
          kind: r.kind,
          parentId: parentIdOf(r),
          sortOrder: r.sortOrder,
          adOu: r.adOu,
        })),
        skipDuplicates: true, // a concurrent seed of the same database
        select: { id: true, code: true },
      });
      for (const o of inserted) idByCode.set(o.code, o.id);
      created += inserted.length;
      if (inserted.length < missing.length) {
        const again = await prisma.organization.findMany({
          where: { code: { in: missing.map((r) => r.code) } },
          select: { id: true, code: true },
        });
        for (const o of again) idByCode.set(o.code, o.id);
      }
    }
    for (const r of level) {
      const cur = byCode.get(r.code);
      if (!cur) continue;
      const want = {
        name: r.name,
        shortName: r.shortName,
        kind: r.kind,
        parentId: parentIdOf(r),
        sortOrder: r.sortOrder,
        adOu: r.adOu,
      };
      const changed = (Object.keys(want) as (keyof typeof want)[]).some((k) => want[k] !== cur[k]);
      if (!changed) continue;
      // retiredAt is left alone: retiring a unit in 組織管理 must survive the next seed.
      await prisma.organization.update({ where: { id: cur.id }, data: want });
      updated++;
    }
  }
  return { created, updated };
}

async function seedSystemParameters(prisma: PrismaClient): Promise<{ created: number; updated: number }> {
  const existing = new Map((await prisma.systemParameter.findMany()).map((p) => [p.key, p]));
  let created = 0;
  let updated = 0;
  for (const d of SYSTEM_PARAMETERS) {
    const meta = {
      type: d.type,
      defaultValue: serializeParameterValue(d.type, d.defaultValue),
      label: d.label,
      description: d.description,
      unit: d.unit,
      min: d.min,
      max: d.max,
    };
    const cur = existing.get(d.key);
    if (!cur) {
      await prisma.systemParameter.createMany({
        data: [{ key: d.key, value: meta.defaultValue, ...meta }],
        skipDuplicates: true,
      });
      created++;
      continue;
    }
    // Definitions follow the code; the value is the administrator's and is kept.
    const changed = (Object.keys(meta) as (keyof typeof meta)[]).some((k) => meta[k] !== cur[k]);
    if (changed) {
      await prisma.systemParameter.update({ where: { key: d.key }, data: meta });
      updated++;
    }
  }
  return { created, updated };
}

async function seedDemoUsers(
  prisma: PrismaClient,
  o: { demoPassword: string; dataKey: Buffer; hashKey: Buffer; reset: boolean },
): Promise<{ users: { created: number; updated: number }; roles: { created: number } }> {
  const codes = new Set<string>();
  for (const u of seedUsers) {
    codes.add(u.orgCode);
    for (const r of u.roles) if (r.role === 'AGENCY_ADMIN') codes.add(r.agencyCode);
  }
  const orgs = await prisma.organization.findMany({ where: { code: { in: [...codes] } }, select: { id: true, code: true } });
  const orgId = new Map(orgs.map((x) => [x.code, x.id]));
  const orgIdOf = (code: string) => {
    const id = orgId.get(code);
    if (!id) throw new Error(`seed: organisation ${code} not found`);
    return id;
  };

  const existing = new Map(
    (
      await prisma.user.findMany({
        where: { account: { in: seedUsers.map((u) => u.account) } },
        select: {
          id: true,
          account: true,
          name: true,
          title: true,
          organizationId: true,
          officePhone: true,
          officeExt: true,
          officialMail: true,
        },
      })
    ).map((u) => [u.account, u]),
  );

  let created = 0;
  let updated = 0;
  const userIds = new Map<string, string>();
  for (const u of seedUsers) {
    const profile = {
      name: u.name,
      title: u.title,
      organizationId: orgIdOf(u.orgCode),
      officePhone: u.officePhone,
      officeExt: u.officeExt,
      officialMail: u.officialMail,
    };
    const cur = existing.get(u.account);
    if (!cur) {
      try {
        userIds.set(u.account, await createDemoUser(prisma, u, profile, o));
        created++;
      } catch (err) {
        // A concurrent seed of the same database created it first.
        if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
        const again = await prisma.user.findUniqueOrThrow({ where: { account: u.account }, select: { id: true } });
        userIds.set(u.account, again.id);
      }
      continue;
    }
    userIds.set(u.account, cur.id);
    const changed = (Object.keys(profile) as (keyof typeof profile)[]).some((k) => profile[k] !== cur[k]);
    if (changed || o.reset) {
      const now = new Date();
      await prisma.user.update({
        where: { id: cur.id },
        data: {
          ...profile,
          ...(o.reset
            ? {
                status: 'ACTIVE' as const,
                passwordHash: await argon2.hash(o.demoPassword, ARGON2_OPTIONS),
                passwordChangedAt: now,
                failedLoginCount: 0,
                lockedUntil: null,
                disabledAt: null,
                disabledReason: null,
              }
            : {}),
        },
      });
      updated++;
    }
  }

  // Role assignments: add the seeded ones, never remove others (granted through the UI).
  let rolesCreated = 0;
  const have = await prisma.roleAssignment.findMany({
    where: { userId: { in: [...userIds.values()] } },
    select: { userId: true, role: true, organizationId: true },
  });
  const key = (userId: string, role: string, org: string | null) => `${userId}|${role}|${org ?? ''}`;
  const haveKeys = new Set(have.map((r) => key(r.userId, r.role, r.organizationId)));
  const sysadminId = userIds.get('sysadmin') ?? null;
  for (const u of seedUsers) {
    const userId = userIds.get(u.account)!;
    for (const r of u.roles) {
      const organizationId = r.role === 'AGENCY_ADMIN' ? orgIdOf(r.agencyCode) : null;
      if (haveKeys.has(key(userId, r.role, organizationId))) continue;
      try {
        await prisma.roleAssignment.create({
          data: { userId, role: r.role, organizationId, grantedById: r.role === 'SYSTEM_ADMIN' ? null : sysadminId },
        });
        rolesCreated++;
      } catch (err) {
        // A concurrent seed created it first (unique index): fine.
        if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
      }
    }
  }
  return { users: { created, updated }, roles: { created: rolesCreated } };
}

async function createDemoUser(
  prisma: PrismaClient,
  u: SeedUser,
  profile: {
    name: string;
    title: string;
    organizationId: string;
    officePhone: string;
    officeExt: string | null;
    officialMail: boolean;
  },
  o: { demoPassword: string; dataKey: Buffer; hashKey: Buffer },
): Promise<string> {
  const now = new Date();
  const passwordHash = await argon2.hash(o.demoPassword, ARGON2_OPTIONS);
  const email = u.backupEmail.toLowerCase();
  const user = await prisma.user.create({
    data: {
      account: u.account,
      ...profile,
      backupEmail: email,
      status: 'ACTIVE',
      nationalIdCipher: encryptNationalId(u.nationalId, o.dataKey),
      nationalIdHash: hashNationalId(u.nationalId, o.hashKey),
      passwordHash,
      passwordChangedAt: now,
      activatedAt: now,
      passwordHistory: { create: [{ hash: passwordHash, createdAt: now }] },
      backupEmailBindings: { create: [{ email, boundAt: now }] },
    },
    select: { id: true },
  });
  return user.id;
}

/** The SSO password rules (§3.1.7), checked here so a bad SEED_DEMO_PASSWORD fails loudly. */
function checkDemoPassword(pw: string): string | null {
  if (pw.length < 8 || pw.length > 15) return 'must be 8-15 characters';
  if (!/[A-Z]/.test(pw) || !/[a-z]/.test(pw) || !/[0-9]/.test(pw)) return 'needs upper, lower case letters and digits';
  if (!/[!@#$%^&*~]/.test(pw)) return 'needs one of !@#$%^&*~';
  if (pw.includes("'")) return "must not contain '";
  if (seedUsers.some((u) => u.account.toLowerCase() === pw.toLowerCase())) return 'must differ from the account';
  return null;
}

// ---------------------------------------------------------------------------------------------

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (isMain) {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error('DATABASE_URL is not set');
    process.exit(1);
  }
  const prisma = createPrisma(databaseUrl);
  try {
    await runSeed(prisma, {
      demoPassword: process.env.SEED_DEMO_PASSWORD || undefined,
      dataKey: process.env.DATA_KEY ?? '',
      hashKey: process.env.HASH_KEY ?? '',
      resetDemoUsers: process.env.SEED_RESET_DEMO_USERS === '1',
      log: (m) => console.log(m),
    });
  } catch (err) {
    console.error(err);
    process.exitCode = 1;
  } finally {
    await prisma.$disconnect();
  }
}
