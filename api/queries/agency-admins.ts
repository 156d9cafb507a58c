import type { PrismaClient } from '@prisma/client';
import { OFFICIAL_MAIL_DOMAIN } from '../../domain/email';
import { fail } from '../errors';
import { organizationPath } from '../presenters/account-application';

/**
 * Who may get a 機關管理員查詢 code by 備用信箱 (manual §3.2.6): an address given in a 個人帳號申請, or
 * the backup e-mail of an account. The answer to the browser is the same either way.
 */
export function adminLookupUse(prisma: PrismaClient) {
  return {
    label: '機關管理員查詢',
    eligible: async (email: string) =>
      (await prisma.user.count({ where: { backupEmail: email, status: { not: 'DISABLED' } } })) +
        (await prisma.accountApplication.count({ where: { backupEmail: email } })) >
      0,
  };
}

/**
 * An agency's admins as anyone may see them: name, unit, title, office phone and the official
 * mailbox when one was granted — never the backup e-mail, mobile number or ID number. Without an
 * admin of its own, the system admins (who then decide its requests) are listed instead.
 */
export async function agencyAdmins(prisma: PrismaClient, agencyId: string) {
  const select = {
    account: true,
    name: true,
    title: true,
    officePhone: true,
    officeExt: true,
    officialMail: true,
    organizationId: true,
  } as const;
  const own = await prisma.user.findMany({
    where: { status: 'ACTIVE', roles: { some: { role: 'AGENCY_ADMIN', organizationId: agencyId } } },
    select,
    orderBy: [{ name: 'asc' }, { account: 'asc' }],
  });
  const admins = own.length
    ? own
    : await prisma.user.findMany({
        where: { status: 'ACTIVE', roles: { some: { role: 'SYSTEM_ADMIN' } } },
        select,
        orderBy: [{ name: 'asc' }, { account: 'asc' }],
      });
  const items = await Promise.all(
    admins.map(async (u) => ({
      name: u.name,
      unit: await organizationPath(prisma, u.organizationId),
      title: u.title ?? '',
      officePhone: u.officePhone ?? '',
      officeExt: u.officeExt ?? '',
      officialMail: u.officialMail ? `${u.account}@${OFFICIAL_MAIL_DOMAIN}` : '',
    })),
  );
  return { fallback: own.length === 0, items };
}

/** A current agency (not a section) by code; 404 when none. */
export async function agencyByCode(prisma: PrismaClient, code: string) {
  const agency = await prisma.organization.findFirst({ where: { code, retiredAt: null, kind: { not: 'SECTION' } } });
  if (!agency) throw fail('NOT_FOUND', '找不到此機關，請重新選擇');
  return agency;
}
