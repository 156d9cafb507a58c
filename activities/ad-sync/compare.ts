import type { AdDriftKind } from '@prisma/client';
import type { AdUserWithGroups } from '../../infra/ad/client';
import { parentDn, sameDn, splitDn } from '../../infra/ad/dn';
import type { DesiredAdUser } from './desired-state';

/** One difference between the database's view of a user and AD. Values only, never secrets. */
export interface FoundDrift {
  kind: AdDriftKind;
  /** displayName / title / telephoneNumber, enabled, ou, or the admin group's name; '' for a missing account. */
  field: string;
  dbValue: string | null;
  adValue: string | null;
}

export const ATTRIBUTE_FIELDS = ['displayName', 'title', 'telephoneNumber'] as const;
export const MEMBER = '成員';
export const NOT_MEMBER = '非成員';
const enabledLabel = (enabled: boolean) => (enabled ? '啟用' : '停用');

export const isUnder = (dn: string, rootDn: string) => {
  const rdns = splitDn(dn);
  const root = splitDn(rootDn);
  return rdns.length > root.length && sameDn(rdns.slice(rdns.length - root.length).join(','), rootDn);
};
export const cnOf = (dn: string) => (splitDn(dn)[0] ?? '').replace(/^CN=/i, '').replace(/\\(.)/g, '$1');

/** The portal's 機關管理者 groups the AD user is in (<code>-admins under the root OU), by DN. */
export function portalAdminGroupsOf(adUser: Pick<AdUserWithGroups, 'groupDns'>, rootDn: string) {
  return adUser.groupDns
    .filter((dn) => isUnder(dn, rootDn) && /-admins$/i.test(cnOf(dn)))
    .map((dn) => ({ name: cnOf(dn), dn, ouDn: parentDn(dn) }));
}

/** What differs, attribute by attribute; empty when AD matches the database. */
export function compareUser(want: DesiredAdUser, have: AdUserWithGroups | null, rootDn: string): FoundDrift[] {
  if (!have) return [{ kind: 'MISSING_IN_AD', field: '', dbValue: want.ouDn, adValue: null }];
  // Outside the portal's root OU the account is someone else's to manage (another directory tree, or
  // moved out on purpose): report where it is, compare nothing else there.
  if (!isUnder(have.dn, rootDn)) return [{ kind: 'OU_MISMATCH', field: 'ou', dbValue: want.ouDn, adValue: have.ouDn }];
  const drifts: FoundDrift[] = [];
  if (have.enabled !== want.enabled) {
    drifts.push({
      kind: 'ENABLED_MISMATCH',
      field: 'enabled',
      dbValue: enabledLabel(want.enabled),
      adValue: enabledLabel(have.enabled),
    });
  }
  if (!sameDn(have.ouDn, want.ouDn)) drifts.push({ kind: 'OU_MISMATCH', field: 'ou', dbValue: want.ouDn, adValue: have.ouDn });
  for (const field of ATTRIBUTE_FIELDS) {
    const wanted = want.attributes[field] || null;
    const actual = have[field] || null;
    if (wanted !== actual) drifts.push({ kind: 'ATTRIBUTE_MISMATCH', field, dbValue: wanted, adValue: actual });
  }
  const inAd = portalAdminGroupsOf(have, rootDn);
  for (const group of want.adminGroups) {
    if (!inAd.some((g) => g.name.toLowerCase() === group.name.toLowerCase() && sameDn(g.ouDn, group.ouDn))) {
      drifts.push({ kind: 'ADMIN_GROUP_MISMATCH', field: group.name, dbValue: MEMBER, adValue: NOT_MEMBER });
    }
  }
  for (const group of inAd) {
    if (!want.adminGroups.some((g) => g.name.toLowerCase() === group.name.toLowerCase() && sameDn(g.ouDn, group.ouDn))) {
      drifts.push({ kind: 'ADMIN_GROUP_MISMATCH', field: group.name, dbValue: NOT_MEMBER, adValue: MEMBER });
    }
  }
  return drifts;
}
