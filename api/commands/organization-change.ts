import { Prisma, type Organization, type PrismaClient } from '@prisma/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { descendantsOf, isRetired, moveProblem, nextChildCode, placementProblem, subtreeAdOus } from '../../domain/org-tree';
import type { CreateOrganizationInput, MoveOrganizationInput, RenameOrganizationInput } from '../../domain/schemas/organization';
import { createOrganizationSchema, moveOrganizationSchema, renameOrganizationSchema } from '../../domain/schemas/organization';
import type { UsageAction } from '../../domain/usage-actions';
import { organizationChange } from '../../workflows/organization-change';
import {
  OPEN_ORGANIZATION_CHANGE_STATUSES,
  ORGANIZATION_CHANGE_LABELS,
  ORGANIZATION_CHANGE_STATUS_LABELS,
  organizationChangeWorkflowId,
  type OrganizationChangeInput,
  type OrganizationChangeKind,
} from '../../workflows/organization-change.messages';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import { authorize, type Actor } from '../policies';
import type { Temporal } from '../temporal';
import { recordUsage } from './usage';

export interface OrganizationChangeDeps {
  prisma: PrismaClient;
  temporal: Temporal;
}

type Tx = Prisma.TransactionClient;

/** Where the console shows a change's status and timeline. */
export const organizationRequestUrl = (workflowId: string) => `/console/organizations?request=${encodeURIComponent(workflowId)}`;

/** Request statuses of other processes that are still waiting for someone (the inboxes' 待審核). */
const OPEN_REVIEW_STATUS = 'PENDING';
const OPEN_APPLICATION_STATUSES = ['PENDING', 'PROVISIONING', 'AWAITING_ACTIVATION'] as const;

interface Planned {
  kind: OrganizationChangeKind;
  unit: Pick<Organization, 'id' | 'code' | 'name' | 'agencyId'>;
  applyIds: string[];
  description: string;
}

const lockUnits = (tx: Tx, ids: string[]) =>
  tx.$queryRaw`SELECT id FROM organizations WHERE id IN (${Prisma.join(ids)}) FOR UPDATE`;

/** Refuses (409 with a link) while a change of one of `ids` is still being applied to AD. */
async function refuseWhileOpen(tx: Tx, ids: string[]) {
  const open = await tx.request.findFirst({
    where: {
      type: 'ORGANIZATION_CHANGE',
      status: { in: OPEN_ORGANIZATION_CHANGE_STATUSES },
      OR: ids.map((id) => ({ summary: { path: ['organizationId'], equals: id } })),
    },
    select: { workflowId: true, summary: true },
  });
  if (!open) return;
  const code = (open.summary as { code?: string }).code ?? '';
  throw fail('CONFLICT', `單位 ${code} 尚有變更正在套用至 AD，請待其完成後再操作`, undefined, {
    openRequest: { workflowId: open.workflowId, url: organizationRequestUrl(open.workflowId) },
  });
}

async function loadUnit(tx: Tx, id: string) {
  await lockUnits(tx, [id]);
  const unit = await tx.organization.findUnique({ where: { id } });
  if (!unit) throw fail('NOT_FOUND', '找不到此單位。');
  return unit;
}

/** Another active unit of the same parent already has the name. */
async function refuseDuplicateName(tx: Tx, parentId: string | null, name: string, exceptId?: string) {
  const same = await tx.organization.findFirst({
    where: { parentId, name, retiredAt: null, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { code: true },
  });
  if (same) throw fail('VALIDATION_FAILED', '同一上級單位下已有相同名稱的單位', { name: `已有相同名稱的單位（${same.code}）` });
}

const allUnits = (tx: Tx) =>
  tx.organization.findMany({
    select: { id: true, code: true, name: true, kind: true, parentId: true, adOu: true, retiredAt: true },
  });

async function planCreate(tx: Tx, input: CreateOrganizationInput): Promise<Planned> {
  const { parentId, name, shortName, kind } = createOrganizationSchema.parse(input);
  const parent = parentId ? await loadUnit(tx, parentId) : null;
  if (parent && isRetired(parent))
    throw fail('VALIDATION_FAILED', `「${parent.name}」已裁撤，不可新增下級單位`, { parentId: '上級單位已裁撤' });
  const problem = placementProblem(kind, parent);
  if (problem) throw fail('VALIDATION_FAILED', problem, { kind: problem });
  await refuseDuplicateName(tx, parent?.id ?? null, name);
  const prefix = parent ? `${parent.code}-` : kind === 'CITY_HALL_UNIT' ? 'G' : kind === 'EXTERNAL_AGENCY' ? 'E' : 'D';
  const codes = await tx.organization.findMany({ where: { code: { startsWith: prefix } }, select: { code: true } });
  const code = nextChildCode(
    parent,
    kind,
    codes.map((c) => c.code),
  );
  if (!code) throw fail('CONFLICT', `「${parent?.name ?? '最上層'}」可用的單位代碼已用完，請聯絡系統開發廠商`);
  // Right after the sibling with the nearest lower code, so a new 科 does not land after 政風室.
  const before = await tx.organization.findFirst({
    where: { parentId: parent?.id ?? null, code: { lt: code } },
    orderBy: { code: 'desc' },
    select: { sortOrder: true },
  });
  const unit = await tx.organization.create({
    data: {
      code,
      name,
      shortName,
      kind,
      parentId: parent?.id ?? null,
      sortOrder: before?.sortOrder ?? 0,
      adOu: parent ? `OU=${code},${parent.adOu}` : `OU=${code}`,
    },
  });
  return {
    kind: 'CREATE',
    unit,
    applyIds: [unit.id],
    description: `「${name}」（${code}）${parent ? `於「${parent.name}」之下` : ''}`,
  };
}

async function planRename(tx: Tx, id: string, input: RenameOrganizationInput): Promise<Planned> {
  const { name, shortName } = renameOrganizationSchema.parse(input);
  const unit = await loadUnit(tx, id);
  await refuseWhileOpen(tx, [unit.id]);
  if (isRetired(unit))
    throw fail('VALIDATION_FAILED', '已裁撤的單位不可修改名稱，請先復原', { name: '已裁撤的單位不可修改名稱' });
  if (name === unit.name && shortName === unit.shortName)
    throw fail('VALIDATION_FAILED', '名稱與簡稱均未變更', { name: '名稱未變更' });
  await refuseDuplicateName(tx, unit.parentId, name, unit.id);
  await tx.organization.update({ where: { id }, data: { name, shortName } });
  return { kind: 'RENAME', unit, applyIds: [unit.id], description: `「${unit.name}」（${unit.code}）更名為「${name}」` };
}

async function planMove(tx: Tx, id: string, input: MoveOrganizationInput): Promise<Planned> {
  const { parentId } = moveOrganizationSchema.parse(input);
  const unit = await loadUnit(tx, id);
  await refuseWhileOpen(tx, [unit.id]);
  if (isRetired(unit)) throw fail('VALIDATION_FAILED', '已裁撤的單位不可移動，請先復原', { parentId: '已裁撤的單位不可移動' });
  const nodes = await allUnits(tx);
  const newParent = nodes.find((n) => n.id === parentId);
  if (!newParent) throw fail('VALIDATION_FAILED', '找不到新的上級單位', { parentId: '找不到新的上級單位' });
  const problem = moveProblem({ ...unit }, newParent, nodes);
  if (problem) throw fail('VALIDATION_FAILED', problem, { parentId: problem });
  await refuseDuplicateName(tx, newParent.id, unit.name, unit.id);
  // The triggers move agency_id along (the unit, its sections, and so its users' agency).
  await tx.organization.update({ where: { id }, data: { parentId: newParent.id } });
  const moved = nodes.map((n) => (n.id === id ? { ...n, parentId: newParent.id } : n));
  for (const { id: unitId, adOu } of subtreeAdOus(moved, id))
    await tx.organization.update({ where: { id: unitId }, data: { adOu } });
  const oldParent = nodes.find((n) => n.id === unit.parentId);
  return {
    kind: 'MOVE',
    unit,
    applyIds: [unit.id],
    description: `「${unit.name}」（${unit.code}）由「${oldParent?.name ?? ''}」移至「${newParent.name}」`,
  };
}

/** What still lives in a subtree that is to be retired, in words (empty: nothing). */
async function retireBlockers(tx: Tx, units: { id: string; name: string }[]) {
  const ids = units.map((u) => u.id);
  const nameOf = new Map(units.map((u) => [u.id, u.name]));
  const where = (rows: { organizationId: string; _count: { _all: number } }[]) =>
    rows.map((r) => `${nameOf.get(r.organizationId)} ${r._count._all} 個`).join('、');
  const problems: string[] = [];
  const accounts = await tx.user.groupBy({
    by: ['organizationId'],
    where: { organizationId: { in: ids }, status: { not: 'DISABLED' } },
    _count: { _all: true },
  });
  const accountTotal = accounts.reduce((s, r) => s + r._count._all, 0);
  if (accountTotal) problems.push(`仍有 ${accountTotal} 個未停用的帳號（${where(accounts)}），請先將帳號異動至其他單位或停用`);
  const applications = await tx.accountApplication.groupBy({
    by: ['organizationId'],
    where: { organizationId: { in: ids }, status: { in: [...OPEN_APPLICATION_STATUSES] } },
    _count: { _all: true },
  });
  const applicationTotal = applications.reduce((s, r) => s + r._count._all, 0);
  if (applicationTotal) problems.push(`仍有 ${applicationTotal} 件處理中的帳號申請（${where(applications)}），請先完成審核`);
  const requests = await tx.request.groupBy({
    by: ['agencyId'],
    where: { agencyId: { in: ids }, status: OPEN_REVIEW_STATUS },
    _count: { _all: true },
  });
  const requestTotal = requests.reduce((s, r) => s + r._count._all, 0);
  if (requestTotal) {
    const list = requests.map((r) => `${nameOf.get(r.agencyId ?? '')} ${r._count._all} 件`).join('、');
    problems.push(`仍有 ${requestTotal} 件待審核的申請（${list}），請先完成審核`);
  }
  return problems;
}

async function planRetire(tx: Tx, id: string): Promise<Planned> {
  const unit = await loadUnit(tx, id);
  if (isRetired(unit)) throw fail('CONFLICT', '此單位已裁撤');
  const nodes = await allUnits(tx);
  const subtree = [unit, ...descendantsOf(nodes, id).filter((n) => !isRetired(n))];
  const ids = subtree.map((n) => n.id);
  await lockUnits(tx, ids);
  await refuseWhileOpen(tx, ids);
  const problems = await retireBlockers(tx, subtree);
  if (problems.length) {
    throw fail('CONFLICT', `「${unit.name}」或其下級單位${problems.join('；')}，才能裁撤。`, undefined, { problems });
  }
  // One timestamp for the whole subtree: 復原 brings back exactly what was retired with it.
  const retiredAt = new Date();
  await tx.organization.updateMany({ where: { id: { in: ids } }, data: { retiredAt } });
  const extra = ids.length > 1 ? `及其 ${ids.length - 1} 個下級單位` : '';
  return { kind: 'RETIRE', unit, applyIds: ids, description: `「${unit.name}」（${unit.code}）${extra}` };
}

async function planRestore(tx: Tx, id: string): Promise<Planned> {
  const unit = await loadUnit(tx, id);
  if (!unit.retiredAt) throw fail('CONFLICT', '此單位未裁撤');
  const nodes = await allUnits(tx);
  const parent = nodes.find((n) => n.id === unit.parentId);
  if (parent && isRetired(parent)) throw fail('CONFLICT', `上級單位「${parent.name}」已裁撤，請先復原上級單位`);
  await refuseDuplicateName(tx, unit.parentId, unit.name, unit.id);
  const retiredAt = unit.retiredAt.getTime();
  const subtree = [unit, ...descendantsOf(nodes, id).filter((n) => n.retiredAt && new Date(n.retiredAt).getTime() === retiredAt)];
  const ids = subtree.map((n) => n.id);
  await refuseWhileOpen(tx, ids);
  await tx.organization.updateMany({ where: { id: { in: ids } }, data: { retiredAt: null } });
  const extra = ids.length > 1 ? `及其 ${ids.length - 1} 個下級單位` : '';
  return { kind: 'RESTORE', unit, applyIds: ids, description: `「${unit.name}」（${unit.code}）${extra}` };
}

/**
 * Makes one change of the tree: authorised (system admins), validated, and written in one
 * transaction together with the request row that holds the unit until AD has the change; then
 * `organizationChange` applies it to AD durably.
 */
async function change(
  deps: OrganizationChangeDeps,
  actor: Actor | undefined,
  ip: string | undefined,
  plan: (tx: Tx) => Promise<Planned>,
) {
  authorize(actor, 'organization.manage');
  const { prisma, temporal } = deps;
  const stamp = Date.now().toString(36);
  const planned = await prisma.$transaction(async (tx) => {
    const p = await plan(tx);
    const workflowId = organizationChangeWorkflowId(p.unit.id, stamp);
    await tx.request.create({
      data: {
        workflowId,
        type: 'ORGANIZATION_CHANGE',
        status: 'APPLYING_AD',
        statusLabel: ORGANIZATION_CHANGE_STATUS_LABELS.APPLYING_AD,
        agencyId: p.unit.agencyId ?? p.unit.id,
        applicantUserId: actor.id,
        applicantAccount: actor.account,
        applicantName: actor.name,
        // applyIds too: a change saved while Temporal is unreachable is started later from this row.
        summary: {
          organizationId: p.unit.id,
          code: p.unit.code,
          change: p.kind,
          description: p.description,
          applyIds: p.applyIds,
        },
      },
    });
    return { ...p, workflowId };
  });
  const { workflowId } = planned;
  const input: OrganizationChangeInput = {
    kind: planned.kind,
    organizationId: planned.unit.id,
    applyIds: planned.applyIds,
    description: planned.description,
    actor: { userId: actor.id, account: actor.account, name: actor.name },
  };
  const agency = await prisma.organization.findUnique({
    where: { id: planned.unit.agencyId ?? planned.unit.id },
    select: { code: true },
  });
  let started = true;
  try {
    await temporal.client.workflow.start(organizationChange, {
      taskQueue: temporal.settings.taskQueue,
      workflowId,
      workflowIdConflictPolicy: 'FAIL',
      args: [input],
      typedSearchAttributes: requestSearchAttributes({
        requestType: 'ORGANIZATION_CHANGE',
        agencyCode: agency?.code ?? planned.unit.code,
        applicantAccount: actor.account,
        status: 'APPLYING_AD',
      }),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) {
      // The database has the change, AD not yet: the row waits for the resume schedule, which starts
      // this workflow from it once Temporal answers again. Nothing is lost, nothing to redo by hand.
      started = false;
      await prisma.request.updateMany({
        where: { workflowId, statusSeq: 0 },
        data: { status: 'NOT_STARTED', statusLabel: ORGANIZATION_CHANGE_STATUS_LABELS.NOT_STARTED },
      });
    }
  }
  await recordUsage(prisma, {
    userId: actor.id,
    action: 'organization.treeChange' satisfies UsageAction,
    target: `${ORGANIZATION_CHANGE_LABELS[planned.kind]}：${planned.description}`.slice(0, 200),
    detail: { organizationId: planned.unit.id, workflowId },
    ip: ip ?? null,
  });
  return {
    workflowId,
    status: started ? 'APPLYING_AD' : 'NOT_STARTED',
    organizationId: planned.unit.id,
    code: planned.unit.code,
    requestUrl: organizationRequestUrl(workflowId),
    temporalUrl: temporal.workflowUrl(workflowId),
  };
}

export const createOrganization = (
  deps: OrganizationChangeDeps,
  actor: Actor | undefined,
  input: CreateOrganizationInput,
  ip?: string,
) => change(deps, actor, ip, (tx) => planCreate(tx, input));
export const renameOrganization = (
  deps: OrganizationChangeDeps,
  actor: Actor | undefined,
  id: string,
  input: RenameOrganizationInput,
  ip?: string,
) => change(deps, actor, ip, (tx) => planRename(tx, id, input));
export const moveOrganization = (
  deps: OrganizationChangeDeps,
  actor: Actor | undefined,
  id: string,
  input: MoveOrganizationInput,
  ip?: string,
) => change(deps, actor, ip, (tx) => planMove(tx, id, input));
export const retireOrganization = (deps: OrganizationChangeDeps, actor: Actor | undefined, id: string, ip?: string) =>
  change(deps, actor, ip, (tx) => planRetire(tx, id));
export const restoreOrganization = (deps: OrganizationChangeDeps, actor: Actor | undefined, id: string, ip?: string) =>
  change(deps, actor, ip, (tx) => planRestore(tx, id));
