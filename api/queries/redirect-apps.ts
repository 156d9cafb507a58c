import type { PrismaClient } from '@prisma/client';
import { INTEGRATIONS_MOUNT } from '../integrations/routes';

/** Where a logged-in browser starts a 轉登 to a system (api/integrations/routes.ts, GET …/redirect-login/:systemId). */
export const redirectLaunchUrl = (systemId: string) => `${INTEGRATIONS_MOUNT}/redirect-login/${encodeURIComponent(systemId)}`;

/**
 * 應用程式儀表板: the systems an agency's users may 轉登 to — active, with a 轉登 handler, and
 * listing the agency among their IntegrationRedirectAgency rows. 簡稱 is the 應用系統's (registry).
 */
export async function redirectApps(prisma: PrismaClient, agencyId: string) {
  const systems = await prisma.integrationSystem.findMany({
    where: {
      status: 'ACTIVE',
      redirectLoginUrl: { not: null },
      redirectLoginParam: { not: null },
      redirectAgencies: { some: { agencyId } },
    },
    select: { id: true, name: true, service: { select: { system: { select: { name: true, shortName: true } } } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  return systems.map((system) => ({
    id: system.id,
    name: system.service?.system.name ?? system.name,
    shortName: system.service?.system.shortName ?? null,
    launchUrl: redirectLaunchUrl(system.id),
  }));
}
