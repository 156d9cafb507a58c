import type { PrismaClient } from '@prisma/client';

export const OFFICIAL_MAIL_DOMAIN = 'mail.tainan.gov.tw';

/**
 * Every claim the SSO can release about a user; oidc-provider filters them by the scopes the system
 * was granted (SCOPE_CLAIMS in provider.ts). The e-mail is the official mailbox, only when granted.
 */
export async function accountClaims(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUniqueOrThrow({
    where: { id: userId },
    include: { organization: { include: { agency: { select: { code: true, name: true } } } } },
  });
  const agency = user.organization.agency ?? user.organization;
  return {
    sub: user.id,
    name: user.name,
    preferred_username: user.account,
    title: user.title ?? undefined,
    updated_at: Math.floor(user.updatedAt.getTime() / 1000),
    ...(user.officialMail ? { email: `${user.account}@${OFFICIAL_MAIL_DOMAIN}`, email_verified: true } : {}),
    organization_code: user.organization.code,
    organization_name: user.organization.name,
    agency_code: agency.code,
    agency_name: agency.name,
    ...(user.officePhone ? { phone_number: user.officeExt ? `${user.officePhone}#${user.officeExt}` : user.officePhone } : {}),
  };
}
