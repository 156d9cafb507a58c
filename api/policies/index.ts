import type { ResourceKind } from '@prisma/client';
import type { DecisionActor } from '../../domain/requests/decision';
import { fail } from '../errors';

/**
 * Authorisation in one module. Every route that touches a resource calls `authorize` after loading
 * it; responses list the allowed actions (`allowedActions`) so the web hides what the server refuses.
 */
export type Role = 'SYSTEM_ADMIN' | 'AGENCY_ADMIN';

export interface Actor {
  id: string;
  account: string;
  name: string;
  organizationId: string;
  agencyId: string;
  roles: Role[];
  /** Agencies this actor administers (AGENCY_ADMIN assignments). */
  adminOfAgencyIds: string[];
  /** 代理人設定: the approvers this actor stands in for today (their live delegations). */
  deputyFor?: Principal[];
  /** 物品管理: the kinds of resource this actor holds as 保管人 (管理人 of a driver), and REPAIR_TYPE for 類型保管人. */
  custodianOf?: CustodyKind[];
  /** 維修人員 of at least one 報修類型 (報修處理狀況回報). */
  repairVendor?: boolean;
}

/** What a 保管人 holds: a kind of resource, or a 報修類型. */
export type CustodyKind = ResourceKind | 'REPAIR_TYPE';

/** An approver as their deputy acts for them: their name and their own authority. */
export type Principal = Pick<Actor, 'id' | 'account' | 'name' | 'roles' | 'adminOfAgencyIds'>;

const isSystemAdmin = (actor: Actor) => actor.roles.includes('SYSTEM_ADMIN');
const isAnyAdmin = (actor: Actor) => isSystemAdmin(actor) || actor.roles.includes('AGENCY_ADMIN');

/** A resource scoped to an agency (requests, accounts): agency admins act only inside their own. */
export interface AgencyScoped {
  agencyId: string | null;
}

/** A member of the resource's agency (應用系統: its 管理機關), or a system admin. */
const inAgency = (actor: Actor, resource?: AgencyScoped) =>
  isSystemAdmin(actor) || (resource?.agencyId != null && resource.agencyId === actor.agencyId);

const adminsAgency = (actor: Actor, resource?: AgencyScoped) =>
  isSystemAdmin(actor) || (resource?.agencyId != null && actor.adminOfAgencyIds.includes(resource.agencyId));

/** A venue, car or driver (or a booking of one): its 管理機關 and its two custodians. */
export interface Custodied extends AgencyScoped {
  custodianIds?: readonly (string | null)[];
}

/** 表 2 物品管理: the system admins all, an agency admin their agency's items, a custodian those they hold. */
const managesItem = (actor: Actor, resource?: Custodied) =>
  adminsAgency(actor, resource) || (resource?.custodianIds ?? []).includes(actor.id);
const holdsAny = (kinds: CustodyKind[]) => (actor: Actor) =>
  isAnyAdmin(actor) || (actor.custodianOf ?? []).some((kind) => kinds.includes(kind));

/** A booking as its applicant sees it (or a 報修案件: its reporter, type custodians and 維修人員). */
export interface OwnedBooking extends Custodied {
  applicantUserId?: string | null;
  /** 報修案件: the 維修人員 of its 報修類型. */
  vendorIds?: readonly string[];
  /** 轉登: the agencies whose users the system's icon is shown to (顯示此轉登入口的機關). */
  shownToAgencyIds?: readonly string[];
}

const reports = (actor: Actor, ticket?: OwnedBooking) => ticket === undefined || ticket.applicantUserId === actor.id;
const servesType = (actor: Actor, ticket?: OwnedBooking) =>
  ticket === undefined ? actor.repairVendor === true : (ticket.vendorIds ?? []).includes(actor.id);

const rules = {
  'session.read': () => true,
  /** 個人帳號登入紀錄 / 個人帳號使用紀錄: every user reads their own rows (queries filter by actor). */
  'ownRecords.read': () => true,
  /** 應用程式儀表板 / 應用程式列表: every user sees the 轉登 systems of their own agency (the query reads the actor's). */
  'redirectApps.read': () => true,
  /** 轉登 into a system: only its chosen agencies' users — the icon's audience, even for an address typed by hand. */
  'redirectLogin.launch': (actor: Actor, system?: OwnedBooking) => system?.shownToAgencyIds?.includes(actor.agencyId) === true,
  /** 個人帳號管理 › 自然人憑證: every logged-in user binds (and unbinds) their own card. */
  'citizenCert.bind': () => true,
  /** 個人帳號管理: every logged-in user reads their own account and manages its bindings (only their own). */
  'account.read': () => true,
  'binding.otp.manage': () => true,
  'binding.mobile.manage': () => true,
  'binding.email.manage': () => true,
  /** 密碼修改, 公務資料、個人資料, 個人圖像: every logged-in user, on their own account only. */
  'password.change': () => true,
  'profile.update': () => true,
  'avatar.manage': () => true,
  /** 權限異動申請 / 機關管理者申請: only 一般使用者 (manual §2.6). */
  'adminRole.request': (actor: Actor) => !isAnyAdmin(actor),
  /** 機關管理者申請審核 inbox: like 帳號申請審核, filtered by `agencyScope`. */
  'adminRoleRequest.list': (actor: Actor) => isAnyAdmin(actor),
  'adminRoleRequest.read': adminsAgency,
  'adminRoleRequest.decide': adminsAgency,
  /** 機關(單位)異動申請: every logged-in user, for their own account (pre-checks decide whether it may go ahead). */
  'agencyChange.request': () => true,
  /** 機關異動審核 inbox: scoped to the NEW agency (the request's agencyId) by `agencyScope`; the old agency's admins see nothing. */
  'agencyChangeRequest.list': (actor: Actor) => isAnyAdmin(actor),
  'agencyChangeRequest.read': adminsAgency,
  'agencyChangeRequest.decide': adminsAgency,
  /** 復用申請審核 inbox (個人帳號復用): the requested unit's agency admins, system admins all; filtered by `agencyScope`. */
  'reactivationRequest.list': (actor: Actor) => isAnyAdmin(actor),
  'reactivationRequest.read': adminsAgency,
  'reactivationRequest.decide': adminsAgency,
  /** 代理人設定: approvers name deputies (only they have requests to hand over); everyone sees whom they stand in for. */
  'delegation.manage': (actor: Actor) => isAnyAdmin(actor),
  'delegation.read': () => true,
  /** 本機關管理者: every logged-in user sees their own agency's admins (the route reads the actor's agency). */
  'agencyAdmins.read': () => true,
  'console.enter': (actor: Actor) => isAnyAdmin(actor),
  'connectivityCheck.run': (actor: Actor) => isSystemAdmin(actor),
  'connectivityCheck.read': (actor: Actor) => isSystemAdmin(actor),
  /** AD 同步管理作業 (帳號同步狀態, 重新同步, 同步比對 and its 修復): system admins only. */
  'adSync.read': (actor: Actor) => isSystemAdmin(actor),
  'adSync.run': (actor: Actor) => isSystemAdmin(actor),
  /** 帳號申請審核 inbox: every admin sees it, filtered by `agencyScope`. */
  'accountApplication.list': (actor: Actor) => isAnyAdmin(actor),
  'accountApplication.read': adminsAgency,
  'accountApplication.decide': adminsAgency,
  /** 帳號管理: every admin lists accounts, filtered by `agencyScope`; an account is acted on only inside the admin's agency. */
  'consoleAccount.list': (actor: Actor) => isAnyAdmin(actor),
  'consoleAccount.read': adminsAgency,
  /** 停用 (手動停用): an agency admin for their own agency's accounts, a system admin for all. */
  'consoleAccount.disable': adminsAgency,
  /** 編輯 / 啟用 / 重設為待開通 / 機關管理者 設定與移除: like 停用, inside the admin's agency. */
  'consoleAccount.update': adminsAgency,
  'consoleAccount.enable': adminsAgency,
  'consoleAccount.resetActivation': adminsAgency,
  'consoleAccount.agencyAdmin': adminsAgency,
  /** 系統管理者 designated or removed directly, by system admins only (manual §2.6). */
  'consoleAccount.systemAdmin': (actor: Actor) => isSystemAdmin(actor),
  /** 系統參數管理: system admins only. */
  'systemParameter.read': (actor: Actor) => isSystemAdmin(actor),
  'systemParameter.update': (actor: Actor) => isSystemAdmin(actor),
  /** 日誌紀錄管理 (帳號登入紀錄, 帳號使用紀錄, 匯出 Excel): system admins only (表 2). */
  'records.search': (actor: Actor) => isSystemAdmin(actor),
  'records.export': (actor: Actor) => isSystemAdmin(actor),
  /**
   * 物品管理 (場地清單管理, 公務車清單管理, 派遣司機清單管理): 新增 by agency or system admins only (the
   * resource's 管理機關 inside the admin's agencies); the list, 編輯, 保管人設定 and 借用紀錄 for whoever
   * manages the item; 刪除 by its agency's admins.
   */
  'item.list': holdsAny(['VENUE', 'CAR', 'DRIVER']),
  'item.create': adminsAgency,
  'item.read': managesItem,
  'item.update': managesItem,
  'item.custodians': managesItem,
  'item.delete': adminsAgency,
  /** 物品管理's shared look-ups (所在地 and agencies, 設置保管人's account search): whoever manages any item or 報修類型. */
  'item.lookup': holdsAny(['VENUE', 'CAR', 'DRIVER', 'REPAIR_TYPE']),
  /**
   * 報修類型管理 (物品管理): like the items — 新增 by agency or system admins (the 所屬機關 inside the
   * admin's agencies); the list, 編輯 (報修類型資訊, 報修廠商資訊, 分類) and 保管人設定 for whoever
   * manages the type (its 類型保管人 too); 刪除 by its agency's admins. 維修人員 get nothing here.
   */
  'repairType.list': holdsAny(['REPAIR_TYPE']),
  'repairType.create': adminsAgency,
  'repairType.read': managesItem,
  'repairType.update': managesItem,
  'repairType.custodians': managesItem,
  'repairType.delete': adminsAgency,
  /** 場地借用申請 / 公務車借用登記: every user; the resource's 是否公開 and 允許借用機關 decide the rest. */
  'booking.request': () => true,
  /** 場地及公務車申請紀錄: the applicant's own; 取消申請 before the start, theirs only. */
  'booking.cancel': (actor: Actor, resource?: OwnedBooking) => resource?.applicantUserId === actor.id,
  /** 場地借用審核 / 公務車借用審核: the resource's custodians, its agency's admins, the system admins. */
  'venueBooking.list': holdsAny(['VENUE']),
  'venueBooking.read': managesItem,
  'venueBooking.decide': managesItem,
  'carBooking.list': holdsAny(['CAR']),
  'carBooking.read': managesItem,
  'carBooking.decide': managesItem,
  /** 取消借用 of an approved booking, with a reason (the applicant is told): whoever may decide it. */
  'booking.revoke': managesItem,
  /** 行事曆訂閱: every user their own bookings; a resource's feed for whoever manages it (checked by item.read). */
  'calendarFeed.manage': () => true,
  /**
   * 報修類型管理 › 處理狀況 (統計, 匯出): the system admins, the admins of the type's 所屬機關, and its two
   * 類型保管人 (the resource is the type: { agencyId, custodianIds }). 維修人員 and others are refused.
   */
  'repairStats.read': managesItem,
  /**
   * 線上報修: every user reports (允許報修機關 decides to which types, `mayReport`); a ticket is read by its
   * reporter, the type's 維修人員, its 類型保管人, its agency's admins and the system admins; the vendors
   * answer it (報修處理狀況回報 — without a ticket: whoever is a vendor of some type); its reporter
   * alone 評分 or 退回.
   */
  'repair.report': () => true,
  'repair.read': (actor: Actor, ticket?: OwnedBooking) =>
    ticket === undefined || reports(actor, ticket) || servesType(actor, ticket) || managesItem(actor, ticket),
  'repair.reply': servesType,
  'repair.rate': reports,
  'repair.return': reports,
  /**
   * 應用系統服務介接申請: every user lists (their agency's systems; all for a system admin) and adds a
   * system; a system is read and edited by the members of its 管理機關 and the system admins, and a
   * non-admin names only their own agency as 管理機關 (create / update with the chosen agency).
   */
  'applicationSystem.list': () => true,
  'applicationSystem.create': (actor: Actor, resource?: AgencyScoped) => resource === undefined || inAgency(actor, resource),
  'applicationSystem.read': (actor: Actor, resource?: AgencyScoped) => inAgency(actor, resource),
  'applicationSystem.update': (actor: Actor, resource?: AgencyScoped) => resource === undefined || inAgency(actor, resource),
  /**
   * 應用系統服務介接申請: the members of the system's 管理機關 and the system admins apply (申請, 更換金鑰,
   * 停用 — the resource is the system: { agencyId }); a 審核紀錄 is read by its applicant too; only the
   * system admins decide (表 2).
   */
  'integration.request': (actor: Actor, system?: OwnedBooking) => system === undefined || inAgency(actor, system),
  'integration.read': (actor: Actor, application?: OwnedBooking) =>
    application === undefined || inAgency(actor, application) || application.applicantUserId === actor.id,
  'integration.decide': (actor: Actor) => isSystemAdmin(actor),
  /** 應用系統詳細 › 簡訊發送's usage: whoever sees the system (its 管理機關's members, the system admins). */
  'applicationSystem.smsUsage': inAgency,
  /** 組織管理: the organisation tree and its changes (applied to AD's OUs), system admins only. */
  'organization.read': (actor: Actor) => isSystemAdmin(actor),
  'organization.manage': (actor: Actor) => isSystemAdmin(actor),
} satisfies Record<string, (actor: Actor, resource?: OwnedBooking) => boolean>;

export type Action = keyof typeof rules;

/**
 * What a deputy may do in the name of the approver they stand in for (代理人設定): read and decide the
 * approver's requests in the review inboxes — never manage accounts, parameters or records.
 */
const DELEGABLE: ReadonlySet<Action> = new Set<Action>([
  'accountApplication.list',
  'accountApplication.read',
  'accountApplication.decide',
  'reactivationRequest.list',
  'reactivationRequest.read',
  'reactivationRequest.decide',
  'adminRoleRequest.list',
  'adminRoleRequest.read',
  'adminRoleRequest.decide',
  'agencyChangeRequest.list',
  'agencyChangeRequest.read',
  'agencyChangeRequest.decide',
  'venueBooking.list',
  'venueBooking.read',
  'venueBooking.decide',
  'carBooking.list',
  'carBooking.read',
  'carBooking.decide',
]);

const asActor = (principal: Principal, deputy: Actor): Actor => ({
  ...principal,
  organizationId: deputy.organizationId,
  agencyId: deputy.agencyId,
});

/**
 * Whose authority lets the actor take the action: the actor's own (`self`), an approver's they stand in
 * for (that principal), or nobody's (undefined). Their own comes first, so a deputy who is an approver
 * too decides in their own name.
 */
export function authorityFor(
  actor: Actor,
  action: Action,
  resource?: OwnedBooking,
): { self: true } | { self: false; principal: Principal } | undefined {
  if (rules[action](actor, resource)) return { self: true };
  if (!DELEGABLE.has(action)) return undefined;
  const principal = actor.deputyFor?.find((p) => rules[action](asActor(p, actor), resource));
  return principal ? { self: false, principal } : undefined;
}

export function can(actor: Actor | undefined, action: Action, resource?: OwnedBooking): boolean {
  return actor !== undefined && authorityFor(actor, action, resource) !== undefined;
}

/** Throws UNAUTHENTICATED without an actor and FORBIDDEN when the rule says no. */
export function authorize(actor: Actor | undefined, action: Action, resource?: OwnedBooking): asserts actor is Actor {
  if (!actor) throw fail('UNAUTHENTICATED');
  if (!can(actor, action, resource)) throw fail('FORBIDDEN');
}

/**
 * Whether the actor may decide this request: authority for it (their own, or an approver's they stand
 * in for), and the request is neither theirs nor, for a deputy, that approver's.
 */
export function canDecide(actor: Actor | undefined, action: Action, resource: OwnedBooking): boolean {
  const authority = actor && authorityFor(actor, action, resource);
  if (!actor || !authority) return false;
  const applicant = resource.applicantUserId ?? undefined;
  return applicant === undefined || (actor.id !== applicant && (authority.self || authority.principal.id !== applicant));
}

/**
 * The decision's maker as a workflow records it: the actor, and the approver they stand in for when
 * only a delegation lets them decide (FORBIDDEN when nothing does).
 */
export function decidingActor(actor: Actor | undefined, action: Action, resource?: OwnedBooking): DecisionActor {
  if (!actor) throw fail('UNAUTHENTICATED');
  const authority = authorityFor(actor, action, resource);
  if (!authority) throw fail('FORBIDDEN');
  const own = { userId: actor.id, account: actor.account, name: actor.name };
  if (authority.self) return own;
  const { id, account, name } = authority.principal;
  return { ...own, onBehalfOf: { userId: id, account, name } };
}

export function allowedActions(actor: Actor | undefined, actions: readonly Action[], resource?: OwnedBooking): Action[] {
  return actions.filter((action) => can(actor, action, resource));
}

/** Agencies whose records an actor may list: all (null) for system admins, else their own. */
export function agencyScope(actor: Actor): string[] | null {
  return isSystemAdmin(actor) ? null : actor.adminOfAgencyIds;
}

/**
 * Agencies whose requests an actor may list in a review inbox: their own scope joined with that of every
 * approver they stand in for (null = all).
 */
export function reviewScope(actor: Actor): string[] | null {
  const scopes = [actor, ...(actor.deputyFor ?? []).map((p) => asActor(p, actor))].map(agencyScope);
  if (scopes.some((scope) => scope === null)) return null;
  return [...new Set(scopes.flat() as string[])];
}
