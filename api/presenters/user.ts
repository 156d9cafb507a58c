import type { Actor } from '../policies';

export interface SessionUserRow {
  id: string;
  account: string;
  name: string;
  title: string | null;
  passwordChangedAt: Date | null;
  organization: { code: string; name: string };
  avatar: { updatedAt: Date } | null;
}

/** What the web learns about the logged-in user: never hashes, ID numbers or contact secrets. */
export function presentSessionUser(row: SessionUserRow, actor: Actor, orgPathLabel: string, passwordMaxAgeDays: number) {
  const expiresInDays =
    row.passwordChangedAt === null
      ? null
      : Math.max(0, Math.ceil((row.passwordChangedAt.getTime() + passwordMaxAgeDays * 86_400_000 - Date.now()) / 86_400_000));
  return {
    user: {
      id: row.id,
      account: row.account,
      name: row.name,
      title: row.title,
      organization: { code: row.organization.code, name: row.organization.name, pathLabel: orgPathLabel },
      roles: actor.roles,
      /** 代理人設定: the approvers this user stands in for today (their review inboxes are open to them). */
      deputyFor: (actor.deputyFor ?? []).map((p) => ({ account: p.account, name: p.name })),
      /** 物品管理: the kinds of item this user holds as 保管人 (VENUE, CAR, DRIVER, REPAIR_TYPE). */
      custodianOf: actor.custodianOf ?? [],
      /** 報修處理狀況回報: a 維修人員 of some 報修類型. */
      repairVendor: actor.repairVendor ?? false,
      passwordExpiresInDays: expiresInDays,
      /** Changes whenever the 個人圖像 does, so the side menu's image URL is cache-safe; null = initials. */
      avatarVersion: row.avatar ? row.avatar.updatedAt.getTime().toString(36) : null,
    },
  };
}
