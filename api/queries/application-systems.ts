import type { Prisma, PrismaClient } from '@prisma/client';
import { officialMailAddress } from '../../domain/email';
import {
  ACTION_LABELS,
  APPLICATION_STATUS_LABELS,
  canApply,
  SERVICE_KINDS,
  SERVICE_LABELS,
  SERVICE_STATUS_LABELS,
  type ApplicationStatus,
  type ServiceStatus,
} from '../../domain/integrations/services';
import { fail } from '../errors';
import type { Actor } from '../policies';

// 應用系統服務介接管理's reads (docs/api/application-systems.md): the systems an actor may see (their
// agency's; every one for a system admin), one system with its 介接服務狀態 and 審核紀錄, and the
// 新增應用系統 form's defaults. Authorisation is the route's (api/policies applicationSystem.*).

const isSystemAdmin = (actor: Actor) => actor.roles.includes('SYSTEM_ADMIN');

/** The systems an actor may list: their own agency's, or all for a system admin. */
const visibleTo = (actor: Actor): Prisma.ApplicationSystemWhereInput =>
  isSystemAdmin(actor) ? {} : { agencyId: actor.agencyId };

/** Applications still waiting for the reviewer or the applicant: the service's 審核紀錄 to open. */
const OPEN_STATUSES: ApplicationStatus[] = ['PENDING', 'RETURNED'];

const listInclude = {
  agency: { select: { id: true, name: true } },
  services: { select: { kind: true, status: true } },
} satisfies Prisma.ApplicationSystemInclude;

/** 應用系統服務介接管理: one page of the systems, by 應用系統名稱 (keyword), newest first. */
export async function applicationSystemPage(
  prisma: PrismaClient,
  actor: Actor,
  query: { name?: string; page: number; pageSize: number },
) {
  const name = query.name?.trim();
  const where: Prisma.ApplicationSystemWhereInput = {
    AND: [visibleTo(actor), name ? { name: { contains: name, mode: 'insensitive' } } : {}],
  };
  const [total, rows] = await Promise.all([
    prisma.applicationSystem.count({ where }),
    prisma.applicationSystem.findMany({
      where,
      include: listInclude,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      skip: query.page * query.pageSize,
      take: query.pageSize,
    }),
  ]);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      shortName: r.shortName,
      agency: r.agency,
      vendorName: r.vendorName,
      url: r.url,
      createdAt: r.createdAt.toISOString(),
      services: SERVICE_KINDS.flatMap((kind) => {
        const service = r.services.find((s) => s.kind === kind);
        return service ? [{ kind, status: service.status }] : [];
      }),
    })),
  };
}

const detailInclude = {
  agency: { select: { id: true, name: true } },
  services: { include: { client: { select: { clientId: true, status: true } } } },
  applications: {
    select: { key: true, kind: true, action: true, status: true, serviceId: true, createdAt: true },
    orderBy: [{ createdAt: 'desc' }, { key: 'desc' }],
  },
} satisfies Prisma.ApplicationSystemInclude;
export type ApplicationSystemRow = Prisma.ApplicationSystemGetPayload<{ include: typeof detailInclude }>;

/** One system with its services and applications, or 404. */
export async function loadApplicationSystem(prisma: PrismaClient, id: string): Promise<ApplicationSystemRow> {
  const row = await prisma.applicationSystem.findUnique({ where: { id }, include: detailInclude });
  if (!row) throw fail('NOT_FOUND', '找不到此應用系統');
  return row;
}

/** 應用系統資料: every field of 新增應用系統. */
export const presentSystem = (row: ApplicationSystemRow) => ({
  id: row.id,
  name: row.name,
  shortName: row.shortName,
  agency: row.agency,
  contactName: row.contactName,
  contactPhone: row.contactPhone,
  contactEmail: row.contactEmail,
  vendorName: row.vendorName,
  description: row.description,
  url: row.url,
  productionIps: row.productionIps,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
});

/**
 * 介接服務狀態: the four services in the manual's order, 未申請 (NONE) for one never applied for;
 * 我要申請 when domain canApply says so, 更換金鑰 / 停用 on an active one with nothing open, and the
 * open application's 審核紀錄 while one waits.
 */
export function presentServices(row: ApplicationSystemRow) {
  return SERVICE_KINDS.map((kind) => {
    const service = row.services.find((s) => s.kind === kind);
    const status: ServiceStatus | 'NONE' = service ? service.status : 'NONE';
    const open = service
      ? row.applications.find((a) => a.serviceId === service.id && OPEN_STATUSES.includes(a.status as ApplicationStatus))
      : undefined;
    const changeable = status === 'ACTIVE' && !open;
    return {
      kind,
      label: SERVICE_LABELS[kind],
      status,
      statusLabel: SERVICE_STATUS_LABELS[status],
      ...(status === 'ACTIVE' && service?.client ? { clientId: service.client.clientId } : {}),
      ...(open ? { openApplicationKey: open.key } : {}),
      canApply: canApply(status) && !open,
      canRotate: changeable,
      canRevoke: changeable,
    };
  });
}

/** The system's 審核紀錄, newest first. */
export const presentApplications = (row: ApplicationSystemRow) =>
  row.applications.map((a) => ({
    key: a.key,
    kind: a.kind,
    kindLabel: SERVICE_LABELS[a.kind],
    action: a.action,
    actionLabel: ACTION_LABELS[a.action],
    status: a.status,
    statusLabel: APPLICATION_STATUS_LABELS[a.status as ApplicationStatus] ?? a.status,
    createdAt: a.createdAt.toISOString(),
  }));

/** 新增應用系統's defaults: 管理機關 = the user's agency; 聯絡人, 聯絡電話 (分機), 聯絡人信箱 from their profile. */
export async function applicationSystemDefaults(prisma: PrismaClient, actor: Actor) {
  const [user, agency] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: actor.id },
      select: { name: true, account: true, officePhone: true, officeExt: true, officialMail: true, backupEmail: true },
    }),
    prisma.organization.findUniqueOrThrow({ where: { id: actor.agencyId }, select: { id: true, name: true } }),
  ]);
  const phone = user.officePhone ? (user.officeExt ? `${user.officePhone}#${user.officeExt}` : user.officePhone) : '';
  return {
    agency,
    contactName: user.name,
    contactPhone: phone,
    contactEmail: user.officialMail ? officialMailAddress(user.account) : (user.backupEmail ?? ''),
  };
}

/** 管理機關 and 顯示此轉登入口的機關's choices: every live agency. */
export function agencyChoices(prisma: PrismaClient) {
  return prisma.organization.findMany({
    where: { kind: { not: 'SECTION' }, retiredAt: null },
    orderBy: [{ sortOrder: 'asc' }, { code: 'asc' }],
    select: { id: true, name: true },
  });
}
