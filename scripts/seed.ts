// Seeds the database (organisation tree, system parameters, demo users) and brings AD in step with
// it: the OU tree and the demo accounts. Idempotent; runs on every `npm start` and `npm test`.
//   --reset-ad     delete the AD subtree first (tests: a clean OU=TainanCityTest every run)
//   --production   database seed only (organisation tree and parameters; no demo users, no AD)
import type { PrismaClient } from '@prisma/client';
import { parseEnv } from '../domain/env-schema';
import { createAdClient, type AdClient, type OuTreeNode } from '../infra/ad/client';
import { adConfigFromEnv } from '../infra/ad/config';
import { createPrisma } from '../infra/db/prisma';
import { createAgencyAdminGroupActivities } from '../activities/self-service/agency-admin-group';
import { runSeed } from '../prisma/seed';
import { DEFAULT_DEMO_PASSWORD, seedUsers, type SeedUser } from '../prisma/seed-users';

const args = new Set(process.argv.slice(2));
const production = args.has('--production');

/** Organisations from the database (the master), parents before children. */
export async function orgTreeForAd(prisma: PrismaClient): Promise<(OuTreeNode & { id: string })[]> {
  const orgs = await prisma.organization.findMany({
    select: { id: true, code: true, name: true, parentId: true },
    orderBy: { sortOrder: 'asc' },
  });
  const codeById = new Map(orgs.map((o) => [o.id, o.code]));
  const children = new Map<string | null, typeof orgs>();
  for (const org of orgs) children.set(org.parentId, [...(children.get(org.parentId) ?? []), org]);
  const ordered: (OuTreeNode & { id: string })[] = [];
  const queue = [...(children.get(null) ?? [])];
  while (queue.length) {
    const org = queue.shift()!;
    ordered.push({
      id: org.id,
      code: org.code,
      name: org.name,
      parentCode: org.parentId ? (codeById.get(org.parentId) ?? null) : null,
    });
    queue.push(...(children.get(org.id) ?? []));
  }
  return ordered;
}

async function seedAd(prisma: PrismaClient, ad: AdClient, demoPassword: string, reset: boolean) {
  if (reset) await ad.deleteSubtree(ad.rootDn).catch((error) => (error.code === 'NOT_FOUND' ? undefined : Promise.reject(error)));
  const tree = await orgTreeForAd(prisma);
  const ous = await ad.syncOuTree(tree);
  const ouDnByCode = new Map<string, string>();
  const byCode = new Map(tree.map((n) => [n.code, n]));
  const dnOf = (code: string): string => {
    const cached = ouDnByCode.get(code);
    if (cached) return cached;
    const node = byCode.get(code)!;
    const dn = `OU=${node.code},${node.parentCode ? dnOf(node.parentCode) : ad.rootDn}`;
    ouDnByCode.set(code, dn);
    return dn;
  };

  let created = 0;
  for (const seed of seedUsers) {
    const user = await prisma.user.findUniqueOrThrow({ where: { account: seed.account }, include: { organization: true } });
    // Existing AD accounts keep their password: someone may have changed it on purpose.
    if (await ad.findUser(seed.account)) continue;
    await ad.createUser({
      account: seed.account,
      ouDn: dnOf(user.organization.code),
      displayName: user.name,
      department: user.organization.name,
      title: user.title ?? undefined,
      telephoneNumber: user.officePhone ? `06-${user.officePhone}${user.officeExt ? `#${user.officeExt}` : ''}` : undefined,
      mail: user.officialMail ? `${user.account}@mail.tainan.gov.tw` : undefined,
    });
    await ad.setPassword(seed.account, demoPassword);
    if (user.status === 'ACTIVE') await ad.enableUser(seed.account);
    await prisma.user.update({
      where: { id: user.id },
      data: { adSyncStatus: 'SYNCED', adSyncedAt: new Date(), adLastError: null },
    });
    created++;
  }
  // Every run, not only for new accounts: an AD seeded before the demo admins were put in their
  // group catches up. The same activity an approved 機關管理者申請 runs, group created when missing.
  const { addAgencyAdminGroup } = createAgencyAdminGroupActivities({ prisma, ad });
  const agencyIds = new Map(
    (await prisma.organization.findMany({ where: { code: { in: seedUsers.flatMap(adminAgencyCodes) } } })).map((o) => [
      o.code,
      o.id,
    ]),
  );
  let joined = 0;
  for (const seed of seedUsers) {
    const codes = adminAgencyCodes(seed);
    if (codes.length === 0) continue;
    const { id: userId } = await prisma.user.findUniqueOrThrow({ where: { account: seed.account }, select: { id: true } });
    for (const code of codes) {
      const agencyId = agencyIds.get(code);
      if (!agencyId) throw new Error(`seed: organisation ${code} not found`);
      if ((await addAgencyAdminGroup({ userId, agencyId })).added) joined++;
    }
  }
  console.log(`AD：組織單位 新增 ${ous.created}、更新 ${ous.updated}；示範帳號 新增 ${created}；加入機關管理者群組 ${joined}`);
}

const adminAgencyCodes = (seed: SeedUser) => seed.roles.flatMap((r) => (r.role === 'AGENCY_ADMIN' ? [r.agencyCode] : []));

const env = parseEnv(process.env, ['DATABASE_URL', 'DATA_KEY', 'HASH_KEY'] as const);
const prisma = createPrisma(env.DATABASE_URL);
try {
  const demoPassword = process.env.SEED_DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  await runSeed(prisma, {
    dataKey: env.DATA_KEY,
    hashKey: env.HASH_KEY,
    demoPassword,
    demoUsers: !production,
    log: (m) => console.log(m),
  });
  if (!production) await seedAdFromEnv(prisma, demoPassword);
} finally {
  await prisma.$disconnect();
}

async function seedAdFromEnv(prisma: PrismaClient, demoPassword: string) {
  await seedAd(prisma, createAdClient(adConfigFromEnv()), demoPassword, args.has('--reset-ad'));
}
