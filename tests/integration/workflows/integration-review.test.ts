import fs from 'node:fs';
import type { Client } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { openClientSecret } from '../../../infra/db/client-secret';
import { createActivities } from '../../../worker/activities';
import { integrationReview } from '../../../workflows/integration-review';
import {
  decideIntegrationUpdate,
  getIntegrationReviewStateQuery,
  resubmitIntegrationUpdate,
  type IntegrationDecideInput,
} from '../../../workflows/integration-review.messages';
import { testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { createActiveClient, createApplicationSystem, createIntegrationApplicationRow } from '../../support/integrations';
import { withWorker } from '../../support/temporal';
import { requestSearchAttributes } from '../../../workflows/search-attributes';
import { createActiveUser } from '../api/support-users';

// integrationReview on a real worker with the real activities (database, outbox): 核准 issues the
// client exactly as the form asked, 駁回 needs a comment, 退回補正 → 補正送出 → 核准 in the same
// workflow, 更換金鑰 keeps the old secret for the grace period, 停用 ends the client's tokens — and no
// history holds a secret. RECORD_HISTORIES=1 writes the replay test's histories.
const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const clients = createClients(env);
const { prisma } = clients;
afterAll(() => prisma.$disconnect());

const activities = (seconds = { reminder: 3600, expiry: 7200 }) => ({
  ...createActivities(clients, { webUrl: env.WEB_URL, dataKey }),
  getSystemParameters: async () => ({ 'request.reminderAfter': seconds.reminder, 'request.expiryAfter': seconds.expiry }),
});

async function record(client: Client, workflowId: string, name: string) {
  if (!process.env.RECORD_HISTORIES) return;
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  fs.writeFileSync(new URL(`../../histories/${name}-v1.json`, import.meta.url), `${historyToJSON(history)}\n`);
}

async function setup() {
  const applicant = await createActiveUser(prisma);
  const system = await createApplicationSystem(prisma, applicant);
  const admin = await prisma.user.findFirstOrThrow({ where: { account: 'sysadmin' } });
  const approver = { userId: admin.id, account: admin.account, name: admin.name };
  return { applicant, system, approver };
}

/** 單一登入's 申請 of a new system, as the API writes it before starting the workflow. */
async function ssoApplication() {
  const people = await setup();
  const host = new URL(people.system.url).host;
  const app = await createIntegrationApplicationRow(prisma, people.system, people.applicant, 'SSO', 'APPLY', ssoForm(host));
  return { ...people, host, ...app };
}

const refusal = (p: Promise<unknown>) =>
  p.then(() => 'accepted').catch((e: { cause?: { message?: string } }) => e.cause?.message);
const eventKinds = async (workflowId: string) =>
  (
    await prisma.request.findUniqueOrThrow({ where: { workflowId }, include: { events: { orderBy: { seq: 'asc' } } } })
  ).events.map((e) => e.kind);
const outboxKeys = async (workflowId: string) =>
  (await prisma.outboxMessage.findMany({ where: { key: { startsWith: `${workflowId}:` } }, select: { key: true } }))
    .map((m) => m.key)
    .sort();
/** The secret waiting on the 審核紀錄 page, read as the reveal would (the test's own look, not the API's). */
async function waitingSecret(applicationId: string) {
  const reveal = await prisma.credentialReveal.findUniqueOrThrow({ where: { applicationId } });
  return openClientSecret(reveal.secretCipher!, dataKey);
}
async function historyText(client: Client, workflowId: string) {
  return readableHistory(await client.workflow.getHandle(workflowId).fetchHistory());
}

const ssoForm = (host: string) => ({
  claims: ['profile', 'email'],
  redirectUris: [`https://${host}/callback`, `https://${host}/oidc/return?x=1`],
  description: '公文系統登入',
});

describe('integrationReview workflow', () => {
  it('核准 單一登入: the client has exactly the redirect URIs and scopes asked, a secret to show once; no history holds it', async () => {
    const { applicant, system, host, row, input, workflowId, approver } = await ssoApplication();
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      // Started as the API starts it: with its search attributes (the workflow upserts only the status).
      const handle = await client.workflow.start(integrationReview, {
        taskQueue,
        workflowId,
        args: [input],
        typedSearchAttributes: requestSearchAttributes({
          requestType: 'INTEGRATION_APPLICATION',
          agencyCode: 'TEST',
          applicantAccount: applicant.account,
          status: 'PENDING',
        }),
      });
      const decide = (d: Omit<IntegrationDecideInput, 'actor'>, actor = approver) =>
        handle.executeUpdate(decideIntegrationUpdate, { args: [{ ...d, actor }] });
      expect(await refusal(decide({ decision: 'REJECT' }))).toBe('駁回時請填寫審核意見');
      expect(await refusal(decide({ decision: 'RETURN', comment: '  ' }))).toBe('退回補正時請填寫審核意見');
      const self = { userId: applicant.id, account: applicant.account, name: applicant.name };
      expect(await refusal(decide({ decision: 'APPROVE' }, self))).toBe('不可審核自己的申請');

      const answer = await decide({ decision: 'APPROVE', comment: '同意' });
      expect(answer.status).toBe('APPROVED');
      const state = await handle.result();
      expect(state).toMatchObject({ status: 'APPROVED', revision: 1 });
      expect(state.clientId).toMatch(/^app-[a-z2-7]{8}$/);
      // Decided and finished: a second decision finds nothing to decide.
      expect(
        await decide({ decision: 'APPROVE' }).then(
          () => 'accepted',
          () => 'refused',
        ),
      ).toBe('refused');

      const issued = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: state.clientId! } });
      expect(issued).toMatchObject({
        status: 'ACTIVE',
        serviceId: row.serviceId,
        redirectUris: ssoForm(host).redirectUris,
        scopes: ['openid', 'profile', 'email'],
        verifyApiEnabled: false,
      });
      expect(await prisma.integrationService.findUniqueOrThrow({ where: { id: row.serviceId } })).toMatchObject({
        status: 'ACTIVE',
        config: ssoForm(host),
      });
      expect(await prisma.integrationApplication.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'APPROVED',
        reviewComment: '同意',
      });
      const secret = await waitingSecret(row.id);
      expect(openClientSecret(issued.clientSecretCipher, dataKey)).toBe(secret);
      expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'APPROVED', 'CLIENT_ISSUED']);
      const request = await prisma.request.findUniqueOrThrow({ where: { workflowId } });
      expect(request).toMatchObject({ type: 'INTEGRATION_APPLICATION', status: 'APPROVED', agencyId: system.agencyId });
      expect(request.summary).toMatchObject({
        key: row.key,
        systemName: system.name,
        serviceLabel: '單一登入',
        actionLabel: '申請',
      });
      expect((await handle.describe()).searchAttributes).toMatchObject({
        RequestType: ['INTEGRATION_APPLICATION'],
        ApplicantAccount: [applicant.account],
        RequestStatus: ['APPROVED'],
      });
      // The system admins heard of it; the applicant and the system's 聯絡人 of the approval.
      const keys = await outboxKeys(workflowId);
      expect(keys).toEqual(
        expect.arrayContaining([`${workflowId}:approved`, `${workflowId}:contact:approved`, `${workflowId}:submitted`]),
      );
      expect(keys.some((k) => k.startsWith(`${workflowId}:submitted:1:`))).toBe(true);
      const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { key: `${workflowId}:contact:approved` } });
      expect(mail.recipient).toBe(system.contactEmail);
      expect(mail.body).toContain(`/applications/integrations/records/${row.key}`);
      expect(mail.body).not.toContain(secret);

      const text = await historyText(client, workflowId);
      expect(text).toContain(state.clientId!);
      expect(text).not.toContain(secret);
      await record(client, workflowId, 'integration-review-approved');
    });
  }, 60_000);

  it('駁回 with a comment: 已駁回, the service 已駁回, no client issued, the applicant and 聯絡人 told why', async () => {
    const { row, input, workflowId, approver } = await ssoApplication();
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(integrationReview, { taskQueue, workflowId, args: [input] });
      await handle.executeUpdate(decideIntegrationUpdate, {
        args: [{ decision: 'REJECT', comment: '驗證處理常式非正式網址', actor: approver }],
      });
      expect((await handle.result()).status).toBe('REJECTED');
      expect(await prisma.integrationApplication.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'REJECTED',
        reviewComment: '驗證處理常式非正式網址',
      });
      expect((await prisma.integrationService.findUniqueOrThrow({ where: { id: row.serviceId } })).status).toBe('REJECTED');
      expect(await prisma.integrationSystem.count({ where: { serviceId: row.serviceId } })).toBe(0);
      expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'REJECTED']);
      const mail = await prisma.outboxMessage.findUniqueOrThrow({ where: { key: `${workflowId}:contact:rejected` } });
      expect(mail.body).toContain('驗證處理常式非正式網址');
    });
  }, 60_000);

  it('退回補正 → 補正送出 (revision 2) → 核准, in the same workflow; only the applicant corrects, once', async () => {
    const { applicant, host, row, input, workflowId, approver } = await ssoApplication();
    const other = await createActiveUser(prisma);
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(integrationReview, { taskQueue, workflowId, args: [input] });
      const resubmit = (user: { id: string; name: string }, revision: number) =>
        handle.executeUpdate(resubmitIntegrationUpdate, { args: [{ userId: user.id, name: user.name, revision }] });
      expect(await refusal(resubmit(applicant, 2))).toBe('此申請目前狀態為「待審核」，無法補正');

      const returned = await handle.executeUpdate(decideIntegrationUpdate, {
        args: [{ decision: 'RETURN', comment: '請補充第二組驗證處理常式', actor: approver }],
      });
      expect(returned.status).toBe('RETURNED');
      expect(await prisma.integrationApplication.findUniqueOrThrow({ where: { id: row.id } })).toMatchObject({
        status: 'RETURNED',
        reviewComment: '請補充第二組驗證處理常式',
      });
      expect((await prisma.integrationService.findUniqueOrThrow({ where: { id: row.serviceId } })).status).toBe('RETURNED');
      expect(
        await refusal(handle.executeUpdate(decideIntegrationUpdate, { args: [{ decision: 'APPROVE', actor: approver }] })),
      ).toMatch(/^此申請已審核.*目前狀態：退回補正$/);
      expect(await refusal(resubmit(other, 2))).toBe('僅申請人可補正此申請');

      // The API saves the corrected form as revision 2, then sends 補正送出.
      const corrected = { ...ssoForm(host), redirectUris: [`https://${host}/callback2`] };
      await prisma.integrationApplication.update({ where: { id: row.id }, data: { form: corrected, revision: 2 } });
      const again = await resubmit(applicant, 2);
      expect(again).toMatchObject({ status: 'PENDING', revision: 2 });
      expect(await refusal(resubmit(applicant, 3))).toBe('此申請目前狀態為「待審核」，無法補正');
      expect((await handle.query(getIntegrationReviewStateQuery)).status).toBe('PENDING');

      await handle.executeUpdate(decideIntegrationUpdate, { args: [{ decision: 'APPROVE', actor: approver }] });
      const state = await handle.result();
      expect(state).toMatchObject({ status: 'APPROVED', revision: 2 });
      const issued = await prisma.integrationSystem.findUniqueOrThrow({ where: { clientId: state.clientId! } });
      expect(issued.redirectUris).toEqual(corrected.redirectUris);
      expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'CLIENT_ISSUED']);
      const events = await prisma.requestEvent.findMany({ where: { request: { workflowId } }, orderBy: { seq: 'asc' } });
      expect(events[1]).toMatchObject({ label: '申請已退回補正', comment: '請補充第二組驗證處理常式', actorName: approver.name });
      expect(events[2]).toMatchObject({ label: '補正送出（第 2 版）', actorName: applicant.name, actorUserId: applicant.id });
      const keys = await outboxKeys(workflowId);
      expect(keys).toEqual(expect.arrayContaining([`${workflowId}:returned:1`, `${workflowId}:contact:returned:1`]));
      expect(keys.some((k) => k.startsWith(`${workflowId}:resubmitted:2:`))).toBe(true);
      const returnedMail = await prisma.outboxMessage.findUniqueOrThrow({ where: { key: `${workflowId}:returned:1` } });
      expect(returnedMail.subject).toContain('退回補正');
      expect(returnedMail.body).toContain('請補充第二組驗證處理常式');
      expect(await historyText(client, workflowId)).not.toContain(await waitingSecret(row.id));
      await record(client, workflowId, 'integration-review-returned-resubmitted');
    });
  }, 60_000);

  it('更換金鑰: a new secret to show once, the old one kept until now + integration.secretGracePeriod', async () => {
    const { applicant, system, approver } = await setup();
    const { client: issued, secret: oldSecret } = await createActiveClient(prisma, system, 'VERIFY', dataKey);
    const { row, input, workflowId } = await createIntegrationApplicationRow(prisma, system, applicant, 'VERIFY', 'ROTATE', {
      reason: '金鑰外洩疑慮',
    });
    const stored = await prisma.systemParameter.findUnique({ where: { key: 'integration.secretGracePeriod' } });
    const grace = stored ? Number(stored.value) : 7 * 86_400;
    await withWorker(env, activities(), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(integrationReview, { taskQueue, workflowId, args: [input] });
      const before = Date.now();
      await handle.executeUpdate(decideIntegrationUpdate, { args: [{ decision: 'APPROVE', actor: approver }] });
      expect((await handle.result()).clientId).toBe(issued.clientId);
      const after = await prisma.integrationSystem.findUniqueOrThrow({ where: { id: issued.id } });
      expect(openClientSecret(after.previousSecretCipher!, dataKey)).toBe(oldSecret);
      const expires = after.previousSecretExpiresAt!.getTime();
      expect(expires).toBeGreaterThanOrEqual(before + grace * 1000 - 1000);
      expect(expires).toBeLessThanOrEqual(Date.now() + grace * 1000 + 1000);
      const newSecret = await waitingSecret(row.id);
      expect(newSecret).not.toBe(oldSecret);
      expect(openClientSecret(after.clientSecretCipher, dataKey)).toBe(newSecret);
      expect(after.status).toBe('ACTIVE');
      expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'APPROVED', 'SECRET_ROTATED']);
      const text = await historyText(client, workflowId);
      expect(text).not.toContain(newSecret);
      expect(text).not.toContain(oldSecret);
    });
  }, 60_000);

  it('停用: the client and service 已停用, every oidc_payloads row of the client gone (others kept)', async () => {
    const { applicant, system, approver } = await setup();
    const { client: issued, service } = await createActiveClient(prisma, system, 'SSO', dataKey);
    const mine = ['AccessToken', 'AuthorizationCode', 'Grant'].map((type, i) => ({
      type,
      id: `${issued.clientId}-${i}`,
      payload: { clientId: issued.clientId, accountId: applicant.id },
    }));
    const others = {
      type: 'AccessToken',
      id: `${issued.clientId}-other`,
      payload: { clientId: 'portal', accountId: applicant.id },
    };
    await prisma.oidcPayload.createMany({ data: [...mine, others] });
    const { input, workflowId } = await createIntegrationApplicationRow(prisma, system, applicant, 'SSO', 'REVOKE', {
      reason: '系統下線',
    });
    try {
      await withWorker(env, activities(), async ({ client, taskQueue }) => {
        const handle = await client.workflow.start(integrationReview, { taskQueue, workflowId, args: [input] });
        await handle.executeUpdate(decideIntegrationUpdate, { args: [{ decision: 'APPROVE', actor: approver }] });
        expect(await handle.result()).toMatchObject({ status: 'APPROVED', clientId: issued.clientId });
        expect((await prisma.integrationSystem.findUniqueOrThrow({ where: { id: issued.id } })).status).toBe('REVOKED');
        expect((await prisma.integrationService.findUniqueOrThrow({ where: { id: service.id } })).status).toBe('REVOKED');
        expect(await prisma.oidcPayload.count({ where: { id: { in: mine.map((m) => m.id) } } })).toBe(0);
        expect(await prisma.oidcPayload.count({ where: { id: others.id } })).toBe(1);
        expect(await prisma.credentialReveal.count({ where: { integrationSystemId: issued.id } })).toBe(0);
        expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'APPROVED', 'CLIENT_REVOKED']);
      });
    } finally {
      await prisma.oidcPayload.deleteMany({ where: { id: others.id } });
    }
  }, 60_000);

  it('undecided: the system admins are reminded, then 已逾期 and the service may be applied for again', async () => {
    const { row, input, workflowId } = await ssoApplication();
    await withWorker(env, activities({ reminder: 1, expiry: 3 }), async ({ client, taskQueue }) => {
      const handle = await client.workflow.start(integrationReview, { taskQueue, workflowId, args: [input] });
      expect((await handle.result()).status).toBe('EXPIRED');
      expect(await eventKinds(workflowId)).toEqual(['SUBMITTED', 'REMINDED', 'EXPIRED']);
      const reminded = await prisma.requestEvent.findFirstOrThrow({ where: { request: { workflowId }, kind: 'REMINDED' } });
      expect(reminded.label).toBe('已寄送審核提醒給系統管理者');
      expect((await prisma.integrationApplication.findUniqueOrThrow({ where: { id: row.id } })).status).toBe('EXPIRED');
      expect((await prisma.integrationService.findUniqueOrThrow({ where: { id: row.serviceId } })).status).toBe('REJECTED');
      expect((await outboxKeys(workflowId)).some((k) => k.startsWith(`${workflowId}:reminder:1:`))).toBe(true);
    });
  }, 60_000);
});
