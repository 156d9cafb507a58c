import { describe, expect, it } from 'vitest';
import { e2e, eventually } from '../../support/env';
import { apiSession } from '../../support/http';

describe('管理主控台 › AD 同步管理作業 › 連線測試 over HTTP', () => {
  it('refuses anonymous callers with 401 and general users with 403', async () => {
    const anonymous = apiSession();
    expect((await anonymous.post('/api/console/connectivity-checks')).body.error.code).toBe('UNAUTHENTICATED');

    const user = apiSession();
    expect((await user.login(e2e.user())).status).toBe(200);
    const refused = await user.post('/api/console/connectivity-checks');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'FORBIDDEN', message: '您沒有使用此功能的權限' });
    expect((await user.get('/api/console/connectivity-checks')).status).toBe(403);
  });

  it('lets the system admin run it and read every result, with a link to the workflow in the Temporal UI', async () => {
    const admin = apiSession();
    expect((await admin.login(e2e.sysadmin())).status).toBe(200);
    const started = await admin.post('/api/console/connectivity-checks');
    expect(started.status).toBe(202);
    expect(started.body.workflowId).toBe(`connectivity-check-${started.body.id}`);

    const run = await eventually(
      async () => {
        const { body } = await admin.get(`/api/console/connectivity-checks/${started.body.id}`);
        return body.status === 'COMPLETED' ? body : null;
      },
      { timeoutMs: 45_000 },
    );
    expect(run.results).toHaveLength(4);
    expect(run.results.map((r: { label: string }) => r.label).sort()).toEqual(
      ['AD 主機', '簡訊平台', '資料庫', '郵件伺服器'].sort(),
    );
    expect(run.results.every((r: { ok: boolean }) => r.ok)).toBe(true);
    expect(run.startedBy.account).toBe(e2e.sysadmin());
    expect(run.temporalUrl).toMatch(new RegExp(`/namespaces/${process.env.TEMPORAL_NAMESPACE}/workflows/${run.workflowId}$`));

    const list = await admin.get('/api/console/connectivity-checks?limit=5');
    expect(list.body.items[0].id).toBe(started.body.id);
  });

  it('answers 400 with a zh-TW message for a malformed id and 404 for an unknown one', async () => {
    const admin = apiSession();
    await admin.login(e2e.sysadmin());
    const bad = await admin.get('/api/console/connectivity-checks/not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.id).toBe('連線測試編號格式錯誤');
    const missing = await admin.get('/api/console/connectivity-checks/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
  });
});
