import crypto from 'node:crypto';
import type { PrismaClient } from '@prisma/client';
import { accountAmendmentSchema, accountApplicationSchema } from '../../domain/schemas/account-application';
import { uniqueViolation } from '../../infra/db/unique-violation';
import { decryptNationalId, encryptNationalId, hashNationalId } from '../../infra/db/pii';
import { accountApplication } from '../../workflows/account-application';
import {
  accountApplicationWorkflowId,
  amendUpdate,
  decideUpdate,
  type DecideInput,
} from '../../workflows/account-application.messages';
import { requestSearchAttributes } from '../../workflows/search-attributes';
import { fail } from '../errors';
import type { Temporal } from '../temporal';
import { queueMail } from './queue-mail';
import { mailPath } from '../../domain/mail-links';
import { updateRefusal } from './update-refusal';

export interface ApplicationDeps {
  prisma: PrismaClient;
  temporal: Temporal;
  webUrl: string;
  dataKey: Buffer;
  hashKey: Buffer;
}

const OPEN: ('PENDING' | 'PROVISIONING' | 'AWAITING_ACTIVATION')[] = ['PENDING', 'PROVISIONING', 'AWAITING_ACTIVATION'];
const sha256 = (v: string) => crypto.createHash('sha256').update(v).digest('hex');

async function organizationByCode(prisma: PrismaClient, code: string) {
  const org = await prisma.organization.findFirst({ where: { code, retiredAt: null }, include: { agency: true } });
  if (!org) throw fail('VALIDATION_FAILED', undefined, { organizationCode: '請選擇機關單位' });
  return org;
}

/** 「檢查帳號」: taken by a user, or by another open application. */
export async function accountAvailable(prisma: PrismaClient, account: string, exceptApplicationId?: string) {
  const users = await prisma.user.count({ where: { account } });
  const applications = await prisma.accountApplication.count({
    where: { account, status: { in: OPEN }, ...(exceptApplicationId ? { id: { not: exceptApplicationId } } : {}) },
  });
  return users === 0 && applications === 0;
}

/** 個人帳號申請 → the row (ID number encrypted), the workflow, and the confirmation mail with the status link. */
export async function submitApplication(deps: ApplicationDeps, backupEmail: string, body: unknown) {
  const input = accountApplicationSchema.parse(body);
  const { prisma } = deps;
  const organization = await organizationByCode(prisma, input.organizationCode);
  if (!(await accountAvailable(prisma, input.account)))
    throw fail('ACCOUNT_TAKEN', undefined, { account: '此帳號已被使用，請改用其他帳號' });
  const nationalIdHash = hashNationalId(input.nationalId, deps.hashKey);
  if ((await prisma.user.count({ where: { nationalIdHash } })) > 0) {
    throw fail('NATIONAL_ID_IN_USE', '此身分證字號已有帳號，如帳號已停用請使用「個人帳號復用」', {
      nationalId: '此身分證字號已有帳號',
    });
  }

  const id = crypto.randomUUID();
  const statusKey = crypto.randomBytes(24).toString('base64url');
  const workflowId = accountApplicationWorkflowId(id);
  try {
    await prisma.accountApplication.create({
      data: {
        id,
        workflowId,
        nationalIdCipher: encryptNationalId(input.nationalId, deps.dataKey),
        nationalIdHash,
        account: input.account,
        needOfficialMail: input.needOfficialMail,
        backupEmail,
        name: input.name,
        organizationId: organization.id,
        title: input.title,
        officePhone: input.officePhone,
        officeExt: input.officeExt,
        remark: input.remark,
        statusKeyHash: sha256(statusKey),
      },
    });
  } catch (error) {
    if (uniqueViolation(error)) {
      throw fail('NATIONAL_ID_IN_USE', '此身分證字號已有申請中的案件，請使用「修改個人帳號申請內容」', {
        nationalId: '此身分證字號已有申請中的案件',
      });
    }
    throw error;
  }

  const agencyCode = organization.agency?.code ?? organization.code;
  await deps.temporal.client.workflow.start(accountApplication, {
    taskQueue: deps.temporal.settings.taskQueue,
    workflowId,
    workflowIdConflictPolicy: 'FAIL',
    args: [{ applicationId: id }],
    typedSearchAttributes: requestSearchAttributes({
      requestType: 'ACCOUNT_APPLICATION',
      agencyCode,
      applicantAccount: input.account,
      status: 'PENDING',
    }),
  });
  const statusUrl = mailPath('applicationStatus', id, { key: statusKey });
  // The status link carries a key: it is mailed from here, never passed through a workflow.
  await queueMail(deps, {
    key: `${workflowId}:submitted`,
    to: backupEmail,
    template: 'applicationSubmitted',
    data: { name: input.name, requestType: '個人帳號申請', requestId: id.slice(0, 8), statusUrl },
  });
  return { id, statusUrl };
}

/** The application a verified backup e-mail may see, or 404 (never revealing others). */
export async function applicationFor(prisma: PrismaClient, id: string, access: { email?: string; key?: string }) {
  const row = await prisma.accountApplication.findUnique({ where: { id }, include: { organization: true } });
  const allowed =
    row &&
    ((access.email !== undefined && row.backupEmail === access.email) ||
      (access.key !== undefined && crypto.timingSafeEqual(Buffer.from(row.statusKeyHash), Buffer.from(sha256(access.key)))));
  if (!allowed) throw fail('NOT_FOUND', '找不到此申請，或驗證資料不符。');
  return row;
}

/** 修改個人帳號申請內容: validated against the stored ID number, stored, then told to the workflow (refused once decided). */
export async function amendApplication(deps: ApplicationDeps, email: string, id: string, body: unknown) {
  const { prisma } = deps;
  const row = await applicationFor(prisma, id, { email });
  if (row.status !== 'PENDING') throw fail('APPLICATION_DECIDED');
  const input = accountAmendmentSchema({ nationalId: decryptNationalId(row.nationalIdCipher, deps.dataKey) }).parse(body);
  const organization = await organizationByCode(prisma, input.organizationCode);
  if (input.account !== row.account && !(await accountAvailable(prisma, input.account, id))) {
    throw fail('ACCOUNT_TAKEN', undefined, { account: '此帳號已被使用，請改用其他帳號' });
  }
  const next = {
    account: input.account,
    needOfficialMail: input.needOfficialMail,
    name: input.name,
    organizationId: organization.id,
    title: input.title,
    officePhone: input.officePhone,
    officeExt: input.officeExt,
    remark: input.remark,
  };
  const changedFields = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== row[k]);
  // The workflow stores the change: if a decision got there first, the update is refused and nothing changes.
  const handle = deps.temporal.client.workflow.getHandle(row.workflowId);
  await handle
    .executeUpdate(amendUpdate, { args: [{ changes: next, changedFields }] })
    .catch(updateRefusal('APPLICATION_DECIDED'));
  return { changedFields };
}

export async function decideApplication(deps: ApplicationDeps, workflowId: string, input: DecideInput) {
  const handle = deps.temporal.client.workflow.getHandle(workflowId);
  return handle.executeUpdate(decideUpdate, { args: [input] }).catch(updateRefusal('APPLICATION_DECIDED'));
}
