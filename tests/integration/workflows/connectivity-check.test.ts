import crypto from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { createActivities } from '../../../worker/activities';
import { connectivityCheck } from '../../../workflows/connectivity-check';
import { connectivityCheckWorkflowId } from '../../../workflows/connectivity-check.messages';
import { AgencyCodeKey, ApplicantAccountKey, RequestStatusKey, RequestTypeKey } from '../../../workflows/search-attributes';
import { eventually, testEnv } from '../../support/env';
import { withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const healthy = createClients(env);
// AD on a port nothing listens on: the real LDAP client fails to connect, as when the DC is down.
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });

afterAll(async () => {
  await healthy.prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

async function runCheck(clients: typeof healthy, account: string) {
  const requestId = crypto.randomUUID();
  const workflowId = connectivityCheckWorkflowId(requestId);
  const activities = createActivities(clients, { webUrl: env.WEB_URL, dataKey });
  return withWorker(env, activities, async ({ client, taskQueue }) => {
    const handle = await client.workflow.start(connectivityCheck, {
      taskQueue,
      workflowId,
      args: [{ requestId, startedBy: { account, name: '測試管理者' }, agencyCode: 'G-SDC' }],
    });
    const state = await handle.result();
    const description = await handle.describe();
    // Operators find it in the Temporal UI by these attributes (visibility is eventually consistent).
    const listed = await eventually(async () => {
      const ids: string[] = [];
      const query = `RequestType = 'CONNECTIVITY_CHECK' AND ApplicantAccount = '${account}' AND RequestStatus = 'COMPLETED'`;
      for await (const wf of client.workflow.list({ query })) ids.push(wf.workflowId);
      return ids.length ? ids : null;
    });
    return { state, workflowId, description, listed };
  });
}

describe('connectivityCheck workflow (real Temporal, PostgreSQL, Samba AD, SMTP sink, Mitake simulator)', () => {
  it('checks the four systems, records every result in the read model and carries the search attributes', async () => {
    const account = `probe${Date.now()}`;
    const { state, workflowId, description, listed } = await runCheck(healthy, account);

    expect(state.status).toBe('COMPLETED');
    expect(state.results.map((r) => r.target).sort()).toEqual(['ad', 'postgres', 'sms', 'smtp']);
    for (const result of state.results) expect(result, `${result.target}: ${result.message}`).toMatchObject({ ok: true });

    const request = await healthy.prisma.request.findUniqueOrThrow({
      where: { workflowId },
      include: { events: { orderBy: { seq: 'asc' } } },
    });
    expect(request.status).toBe('COMPLETED');
    expect(request.statusLabel).toBe('已完成（全部正常）');
    expect(request.events.map((e) => e.kind)).toEqual([
      'STARTED',
      'CHECK_RESULT',
      'CHECK_RESULT',
      'CHECK_RESULT',
      'CHECK_RESULT',
      'COMPLETED',
    ]);
    expect(request.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);

    expect(description.typedSearchAttributes.get(RequestTypeKey)).toBe('CONNECTIVITY_CHECK');
    expect(description.typedSearchAttributes.get(AgencyCodeKey)).toBe('G-SDC');
    expect(description.typedSearchAttributes.get(ApplicantAccountKey)).toBe(account);
    expect(description.typedSearchAttributes.get(RequestStatusKey)).toBe('COMPLETED');
    expect(listed).toEqual([workflowId]);
  });

  it('shows AD red with the LDAP error while the other checks stay green, and still completes', async () => {
    const { state, workflowId } = await runCheck(adDown, `probe${Date.now()}`);
    const byTarget = Object.fromEntries(state.results.map((r) => [r.target, r]));
    expect(state.status).toBe('COMPLETED');
    expect(byTarget.ad?.ok).toBe(false);
    expect(byTarget.ad?.message).toMatch(/ECONNREFUSED|UNAVAILABLE|connect/i);
    expect([byTarget.postgres?.ok, byTarget.smtp?.ok, byTarget.sms?.ok]).toEqual([true, true, true]);

    const request = await healthy.prisma.request.findUniqueOrThrow({ where: { workflowId } });
    expect(request.statusLabel).toBe('已完成（1 項異常）');
  });
});
