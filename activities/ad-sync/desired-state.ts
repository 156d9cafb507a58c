import type { Prisma } from '@prisma/client';
import { adTelephoneNumber } from '../../domain/phone';
import { agencyAdminGroupDescription, agencyAdminGroupName } from '../self-service/agency-admin-group';

/**
 * How a portal user looks in AD when AD follows the database (手冊 §1.5: the portal is the master).
 * The one place the reconcile, the repair and 重新同步 read that mapping from.
 */
export interface DesiredAdUser {
  userId: string;
  account: string;
  /** Only 啟用 (ACTIVE) accounts are enabled in AD; 待開通 and 停用 are disabled. */
  enabled: boolean;
  organizationId: string;
  /** DN of the organisation's OU (Organization.adOu under the root OU). */
  ouDn: string;
  attributes: { displayName: string; title: string | null; telephoneNumber: string | null };
  /** 機關管理者 of these agencies ↔ member of their <agency code>-admins group, in the agency's OU. */
  adminGroups: { name: string; ouDn: string; agencyId: string; description: string }[];
}

/** The columns desiredAdUser needs, for findMany/findUnique. */
export const USER_FOR_AD = {
  id: true,
  account: true,
  name: true,
  title: true,
  officePhone: true,
  officeExt: true,
  status: true,
  organizationId: true,
  organization: { select: { adOu: true } },
  roles: {
    where: { role: 'AGENCY_ADMIN' },
    select: { organization: { select: { id: true, code: true, name: true, adOu: true } } },
  },
} satisfies Prisma.UserSelect;

export type UserForAd = Prisma.UserGetPayload<{ select: typeof USER_FOR_AD }>;

export const ouDnOf = (adOu: string, rootDn: string) => `${adOu},${rootDn}`;

export function desiredAdUser(user: UserForAd, rootDn: string): DesiredAdUser {
  return {
    userId: user.id,
    account: user.account,
    enabled: user.status === 'ACTIVE',
    organizationId: user.organizationId,
    ouDn: ouDnOf(user.organization.adOu, rootDn),
    attributes: {
      displayName: user.name,
      title: user.title || null,
      telephoneNumber: adTelephoneNumber(user.officePhone, user.officeExt),
    },
    adminGroups: user.roles.flatMap(({ organization: agency }) =>
      agency
        ? [
            {
              name: agencyAdminGroupName(agency.code),
              ouDn: ouDnOf(agency.adOu, rootDn),
              agencyId: agency.id,
              description: agencyAdminGroupDescription(agency.name),
            },
          ]
        : [],
    ),
  };
}
