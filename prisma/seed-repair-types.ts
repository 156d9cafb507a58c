import type { PrismaClient } from '@prisma/client';

// Demo 報修類型 for `npm start`: 「公文管理系統維修」 of 智慧發展中心 (G25), open to the whole city, with
// the manual's 分類 (一般操作問題, 系統異常, 帳號權限), sdcuser2 (黃淑芬) and cabuser2 as 維修人員 and the
// demo agency admin (sdcadmin) as 類型保管人 1, so 報修類型管理, 線上報修 and 報修處理狀況回報 have something
// to show. Created once with a fixed id; later edits (or a 刪除) made through the portal stay.

const DEMO_TYPE_ID = 'demo-repair-type-odms';

export async function seedDemoRepairTypes(
  prisma: PrismaClient,
  accounts = { custodian: 'sdcadmin', vendors: ['sdcuser2', 'cabuser2'] },
) {
  if (await prisma.repairType.findUnique({ where: { id: DEMO_TYPE_ID } })) return { created: 0 };
  const [custodian, agency, vendors] = await Promise.all([
    prisma.user.findUnique({ where: { account: accounts.custodian } }),
    prisma.organization.findUnique({ where: { code: 'G25' } }),
    prisma.user.findMany({ where: { account: { in: accounts.vendors } }, select: { id: true } }),
  ]);
  if (!custodian || !agency) return { created: 0 };
  await prisma.repairType.create({
    data: {
      id: DEMO_TYPE_ID,
      name: '公文管理系統維修',
      agencyId: agency.id,
      audience: 'CITY',
      custodian1Id: custodian.id,
      vendors: { create: vendors.map((v) => ({ userId: v.id })) },
      categories: { create: ['一般操作問題', '系統異常', '帳號權限'].map((name, sortOrder) => ({ name, sortOrder })) },
      custodianChanges: {
        create: { slot: 1, toUserId: custodian.id, toName: custodian.name, reason: '示範資料', changedById: custodian.id },
      },
    },
  });
  return { created: 1 };
}
