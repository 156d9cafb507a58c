import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClients } from '../../../infra/clients';
import { encryptNationalId, hashNationalId } from '../../../infra/db/pii';
import { sealSecret } from '../../../infra/db/secret-box';
import { AD_PASSWORD_BOX } from '../../../activities/password-sync';
import { createActivities } from '../../../worker/activities';
import { passwordSync } from '../../../workflows/password-sync';
import {
  getPasswordSyncStateQuery,
  passwordChangedSignal,
  passwordSyncWorkflowId,
} from '../../../workflows/password-sync.messages';
import { fileSandbox } from '../ad/helpers';
import { randomNationalId, uniqueAccount } from '../../support/applicant';
import { eventually, testEnv } from '../../support/env';
import { readableHistory } from '../../support/histories';
import { withWorker } from '../../support/temporal';

const env = testEnv();
const dataKey = Buffer.from(process.env.DATA_KEY ?? '', 'base64');
const hashKey = Buffer.from(process.env.HASH_KEY ?? '', 'base64');
const healthy = createClients(env);
const adDown = createClients({ ...env, AD_URL: 'ldaps://127.0.0.1:1' });
let sandbox: Awaited<ReturnType<typeof fileSandbox>>;

beforeAll(async () => {
  sandbox = await fileSandbox('pwsync');
});
afterAll(async () => {
  await sandbox?.cleanup();
  await healthy.prisma.$disconnect();
  await adDown.prisma.$disconnect();
});

const INITIAL = 'Init!al2026a';

/** A user in the database and, enabled with a first password, in this file's AD OU. */
async function newUser() {
  const account = uniqueAccount('ps');
  const org = await healthy.prisma.organization.findUniqueOrThrow({ where: { code: 'G01-91' } });
  const nationalId = randomNationalId();
  const user = await healthy.prisma.user.create({
    data: {
      account,
      name: '密碼同步測試',
      organizationId: org.id,
      status: 'ACTIVE',
      nationalIdCipher: encryptNationalId(nationalId, dataKey),
      nationalIdHash: hashNationalId(nationalId, hashKey),
    },
  });
  await healthy.ad.createUser({ account, ouDn: sandbox.ouDn, displayName: '密碼同步測試' });
  await healthy.ad.setPassword(account, INITIAL);
  await healthy.ad.enableUser(account);
  return user;
}

/** What the API does: seal the password in a box; only the box id goes to the workflow. */
async function box(password: string) {
  const row = await healthy.prisma.secretBox.create({
    data: {
      id: crypto.randomUUID(),
      purpose: AD_PASSWORD_BOX,
      cipher: sealSecret(password, dataKey, AD_PASSWORD_BOX),
      expiresAt: new Date(Date.now() + 3_600_000),
    },
  });
  return row.id;
}

describe('passwordSync workflow (real Temporal, PostgreSQL, Samba AD over LDAPS)', () => {
  it('sets the new password in AD (an LDAPS bind with it succeeds), deletes the box, marks the user synced, keeps no password in its history', async () => {
    const user = await newUser();
    const password = `Sync!${crypto.randomBytes(3).toString('hex')}A1`;
    const boxId = await box(password);
    await withWorker(env, createActivities(healthy, { webUrl: env.WEB_URL, dataKey }), async ({ client, taskQueue }) => {
      const handle = await client.workflow.signalWithStart(passwordSync, {
        taskQueue,
        workflowId: passwordSyncWorkflowId(user.id),
        args: [{ userId: user.id, account: user.account }],
        signal: passwordChangedSignal,
        signalArgs: [{ boxId, changedAt: new Date().toISOString() }],
      });
      const state = await handle.result();
      expect(state).toMatchObject({ status: 'SYNCED', synced: 1, superseded: 0 });
      const history = readableHistory(await handle.fetchHistory());
      expect(history).toContain(boxId);
      expect(history).toContain(user.account);
      expect(history.includes(password)).toBe(false);
      expect(history.includes(Buffer.from(`"${password}"`, 'utf16le').toString('base64'))).toBe(false);
    });
    expect(await healthy.ad.verifyPassword(user.account, password)).toBe(true);
    expect(await healthy.ad.verifyPassword(user.account, INITIAL)).toBe(false);
    expect(await healthy.prisma.secretBox.count({ where: { id: boxId } })).toBe(0);
    expect(await healthy.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      adSyncStatus: 'SYNCED',
      adLastError: null,
    });
  });

  it('keeps trying while AD is down, lets a newer password replace the pending one, and completes when AD is back', async () => {
    const user = await newUser();
    const older = `Old!${crypto.randomBytes(3).toString('hex')}A1`;
    const newer = `New!${crypto.randomBytes(3).toString('hex')}A1`;
    const olderBox = await box(older);
    const newerBox = await box(newer);
    const workflowId = passwordSyncWorkflowId(user.id);

    // AD unreachable: the change stays pending (and says why), the box is kept.
    const taskQueue = await withWorker(
      env,
      createActivities(adDown, { webUrl: env.WEB_URL, dataKey }),
      async ({ client, taskQueue }) => {
        const start = (boxId: string, changedAt: Date) =>
          client.workflow.signalWithStart(passwordSync, {
            taskQueue,
            workflowId,
            args: [{ userId: user.id, account: user.account }],
            signal: passwordChangedSignal,
            signalArgs: [{ boxId, changedAt: changedAt.toISOString() }],
          });
        const handle = await start(olderBox, new Date(Date.now() - 1_000));
        await eventually(async () => (await handle.query(getPasswordSyncStateQuery)).lastError, { timeoutMs: 30_000 });
        const pending = await handle.query(getPasswordSyncStateQuery);
        expect(pending.status).toBe('PENDING');
        expect(pending.lastError).toBeTruthy();
        const row = await healthy.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
        expect(row.adSyncStatus).toBe('PENDING');
        expect(row.adLastError).toBeTruthy();
        // The user changes the password again while AD is still down: same workflow, newer box.
        const again = await start(newerBox, new Date());
        expect(again.workflowId).toBe(workflowId);
        await eventually(async () => (await handle.query(getPasswordSyncStateQuery)).superseded === 1, { timeoutMs: 30_000 });
        expect(await healthy.prisma.secretBox.count({ where: { id: olderBox } })).toBe(0);
        expect(await healthy.prisma.secretBox.count({ where: { id: newerBox } })).toBe(1);
        return taskQueue;
      },
    );

    // AD answers again (a worker that reaches it takes over the task queue): the newer password lands.
    await withWorker(
      env,
      createActivities(healthy, { webUrl: env.WEB_URL, dataKey }),
      async ({ client }) => {
        const handle = client.workflow.getHandle(workflowId);
        const state = await handle.result();
        expect(state).toMatchObject({ status: 'SYNCED', synced: 1, superseded: 1 });
        const history = readableHistory(await handle.fetchHistory());
        for (const secret of [older, newer]) expect(history.includes(secret)).toBe(false);
      },
      taskQueue,
    );
    expect(await healthy.ad.verifyPassword(user.account, newer)).toBe(true);
    expect(await healthy.ad.verifyPassword(user.account, older)).toBe(false);
    expect(await healthy.prisma.secretBox.count({ where: { id: newerBox } })).toBe(0);
    expect((await healthy.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).adSyncStatus).toBe('SYNCED');
  }, 150_000);
});
