import type { AdDriftKind, PrismaClient } from '@prisma/client';
import type { AdClient, AdUserWithGroups } from '../../infra/ad/client';
import { AdError } from '../../infra/ad/errors';
import { organizationChain } from '../../infra/db/organization-chain';
import { ATTRIBUTE_FIELDS, isUnder, portalAdminGroupsOf } from './compare';
import type { DesiredAdUser } from './desired-state';

export type RepairAd = Pick<
  AdClient,
  | 'rootDn'
  | 'ensureOuPath'
  | 'createUser'
  | 'updateUser'
  | 'enableUser'
  | 'disableUser'
  | 'moveUser'
  | 'addGroupMember'
  | 'removeGroupMember'
>;

/** A repair AD refused for a reason retrying cannot fix; the message is shown next to the drift. */
export class RepairRefused extends Error {}

const NO_PASSWORD = '入口網不保存密碼，AD 帳號無法啟用；請使用者以「忘記密碼」重設密碼後即會啟用';

async function ouPathOf(prisma: PrismaClient, organizationId: string) {
  const chain = await organizationChain(prisma, organizationId);
  return chain.map((o) => ({ code: o.code, name: o.name }));
}

/**
 * Makes one aspect of the user in AD match the database, from fresh state (`want` read from the
 * database and `have` from AD just before), so repeating it is harmless. Throws AdError (an outage is
 * retryable) or RepairRefused.
 */
export async function repairDrift(
  deps: { prisma: PrismaClient; ad: RepairAd },
  want: DesiredAdUser,
  have: AdUserWithGroups | null,
  drift: { kind: AdDriftKind; field: string },
): Promise<void> {
  const { prisma, ad } = deps;
  if (!have && drift.kind !== 'MISSING_IN_AD') throw new RepairRefused('AD 中已無此帳號，請重新比對');
  if (have && !isUnder(have.dn, ad.rootDn)) {
    throw new RepairRefused('此 AD 帳號位於入口網的根 OU 之外，不會自動變更，請由 AD 管理者確認後處理');
  }
  switch (drift.kind) {
    case 'MISSING_IN_AD': {
      if (have) return;
      await ad.ensureOuPath(await ouPathOf(prisma, want.organizationId));
      // Created disabled (AD needs a password to enable, and the portal keeps only its hash).
      await ad.createUser({ account: want.account, ouDn: want.ouDn, ...want.attributes });
      for (const group of want.adminGroups) {
        await ad.ensureOuPath(await ouPathOf(prisma, group.agencyId));
        await ad.addGroupMember(want.account, group);
      }
      if (want.enabled) throw new RepairRefused(`AD 帳號已建立（停用）。${NO_PASSWORD}`);
      return;
    }
    case 'ENABLED_MISMATCH':
      try {
        await (want.enabled ? ad.enableUser(want.account) : ad.disableUser(want.account));
      } catch (error) {
        if (error instanceof AdError && error.code === 'PASSWORD_POLICY') throw new RepairRefused(NO_PASSWORD);
        throw error;
      }
      return;
    case 'OU_MISMATCH':
      await ad.ensureOuPath(await ouPathOf(prisma, want.organizationId));
      await ad.moveUser(want.account, want.ouDn);
      return;
    case 'ATTRIBUTE_MISMATCH': {
      const field = ATTRIBUTE_FIELDS.find((f) => f === drift.field);
      if (!field) throw new RepairRefused(`不支援修復的屬性 ${drift.field}`);
      await ad.updateUser(want.account, { [field]: want.attributes[field] });
      return;
    }
    case 'ADMIN_GROUP_MISMATCH': {
      const wanted = want.adminGroups.find((g) => g.name.toLowerCase() === drift.field.toLowerCase());
      if (wanted) {
        await ad.ensureOuPath(await ouPathOf(prisma, wanted.agencyId));
        await ad.addGroupMember(want.account, wanted);
      }
      // Memberships of the group the database does not grant (in another OU, or not at all) go.
      for (const extra of portalAdminGroupsOf(have!, ad.rootDn)) {
        if (extra.name.toLowerCase() !== drift.field.toLowerCase()) continue;
        if (wanted && extra.ouDn.toLowerCase() === wanted.ouDn.toLowerCase()) continue;
        await ad.removeGroupMember(want.account, { name: extra.name, ouDn: extra.ouDn });
      }
      return;
    }
    case 'UNMANAGED_IN_AD':
      throw new RepairRefused('入口網未管理的 AD 帳號僅列出，不會自動刪除，請由 AD 管理者確認後處理');
  }
}
