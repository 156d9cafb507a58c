import type { PrismaClient } from '@prisma/client';
import { DRIVER_OPEN_HOURS } from '../domain/bookings/resource-schema';

// Demo items for `npm start`: a venue, a car and its driver at 民治市政中心, managed by 智慧發展中心
// (G25) with its demo agency admin (sdcadmin) as 保管人 1, so 物品管理 and the booking pages have
// something to show. Created once with fixed ids; later edits (or a 刪除) made through the portal stay.

const WEEKDAYS_8_TO_18 = [...Array.from({ length: 5 }, () => ({ open: 8 * 60, close: 18 * 60 })), null, null];

export async function seedDemoResources(prisma: PrismaClient, custodianAccount = 'sdcadmin') {
  const custodian = await prisma.user.findUnique({ where: { account: custodianAccount } });
  const agency = await prisma.organization.findUnique({ where: { code: 'G25' } });
  if (!custodian || !agency) return { created: 0 };
  const common = {
    locationId: 'loc-minzhi',
    agencyId: agency.id,
    isPublic: true,
    audience: 'CITY' as const,
    custodian1Id: custodian.id,
  };
  const items = [
    {
      id: 'demo-venue-minzhi-301',
      kind: 'VENUE' as const,
      name: '第一會議室',
      floor: '3樓',
      capacity: 40,
      phone: '2991111',
      phoneExt: '8101',
      description: '投影機、視訊會議設備、白板',
      rules: '使用完畢請關閉電源並恢復桌椅',
      openHours: WEEKDAYS_8_TO_18,
    },
    {
      id: 'demo-driver-minzhi-1',
      kind: 'DRIVER' as const,
      name: '張文雄',
      licence: '職業大客車',
      phone: '0912345678',
      openHours: DRIVER_OPEN_HOURS,
    },
    {
      id: 'demo-car-minzhi-1',
      kind: 'CAR' as const,
      name: 'RAA-1234',
      vehicleType: '小客車',
      capacity: 4,
      make: 'TOYOTA',
      year: 2022,
      displacement: 1800,
      carCode: 'SDC-001',
      remarks: '鑰匙請向 8101 分機領取',
      openHours: WEEKDAYS_8_TO_18,
    },
  ];
  let created = 0;
  for (const item of items) {
    if (await prisma.resource.findUnique({ where: { id: item.id } })) continue;
    await prisma.resource.create({ data: { ...common, ...item } });
    await prisma.custodianChange.create({
      data: {
        resourceId: item.id,
        slot: 1,
        toUserId: custodian.id,
        toName: custodian.name,
        reason: '示範資料',
        changedById: custodian.id,
      },
    });
    created++;
  }
  await prisma.carDriver.createMany({
    data: [{ carId: 'demo-car-minzhi-1', driverId: 'demo-driver-minzhi-1' }],
    skipDuplicates: true,
  });
  return { created };
}
