import { ApplicationFailure } from '@temporalio/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAdActivities, createAdClient, type AdActivities, type AdConfig } from '../../../activities/ad';
import { fileSandbox, GOOD_PASSWORD, uniq } from './helpers';

let acts: AdActivities;
let config: AdConfig;
let sandbox: string;
let sandboxCode: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const s = await fileSandbox('acts');
  ({ config, code: sandboxCode, ouDn: sandbox, cleanup } = s);
  acts = createAdActivities({ ad: s.ad });
});

afterAll(async () => {
  await cleanup?.();
});

async function failure(promise: Promise<unknown>): Promise<ApplicationFailure> {
  const err = await promise.then(
    () => {
      throw new Error('expected an ApplicationFailure, got success');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApplicationFailure);
  return err as ApplicationFailure;
}

describe('AD Temporal activities', () => {
  it('run a provisioning sequence with serializable results and no secrets', async () => {
    const account = `a${uniq()}`;
    const results: unknown[] = [];
    const keep = <T>(v: T) => (results.push(v), v);

    expect(keep(await acts.adPing()).ok).toBe(true);
    const { dn: ouDn } = keep(
      await acts.adEnsureOuPath({
        codes: [
          { code: sandboxCode, name: '整合測試 acts' },
          { code: 'A01', name: '民政局' },
        ],
      }),
    );
    expect(ouDn).toBe(`OU=A01,${sandbox}`);
    expect(keep(await acts.adCreateUser({ account, ouDn, displayName: '測試帳號', department: '民政局' })).created).toBe(true);
    expect(keep(await acts.adCreateUser({ account, ouDn, displayName: '測試帳號', department: '民政局' })).created).toBe(false);
    keep(await acts.adUpdateUser({ account, attrs: { title: '專員' } }));
    keep(await acts.adSetPassword({ account, password: GOOD_PASSWORD }));
    keep(await acts.adEnableUser({ account }));
    const { dn: target } = keep(
      await acts.adEnsureOuPath({
        codes: [
          { code: sandboxCode, name: '整合測試 acts' },
          { code: 'B02', name: '財政稅務局' },
        ],
      }),
    );
    expect(keep(await acts.adMoveUser({ account, ouDn: target })).moved).toBe(true);
    keep(await acts.adDisableUser({ account }));
    const user = keep(await acts.adFindUser({ account }));
    expect(user).toMatchObject({ account, title: '專員', enabled: false, ouDn: target });
    expect(keep(await acts.adFindUser({ account: `n${uniq()}` }))).toBeNull();

    // Temporal serializes results as JSON: they must survive a round trip unchanged.
    const json = JSON.stringify(results);
    expect(JSON.parse(json)).toEqual(results);
    expect(json).not.toContain(config.bindPassword);
    expect(json).not.toContain(GOOD_PASSWORD);
  });

  it('a password policy violation is a non-retryable AdError.PASSWORD_POLICY failure', async () => {
    const account = `a${uniq()}`;
    await acts.adCreateUser({ account, ouDn: sandbox, displayName: '政策測試' });
    const f = await failure(acts.adSetPassword({ account, password: 'Zq9!' }));
    expect(f.type).toBe('AdError.PASSWORD_POLICY');
    expect(f.nonRetryable).toBe(true);
    expect(f.message).not.toContain('Zq9!');
  });

  it('a missing user is a non-retryable AdError.NOT_FOUND failure', async () => {
    const f = await failure(acts.adDisableUser({ account: `n${uniq()}` }));
    expect(f.type).toBe('AdError.NOT_FOUND');
    expect(f.nonRetryable).toBe(true);
  });

  it('an unreachable DC is a retryable AdError.UNAVAILABLE failure', async () => {
    const down = createAdActivities({ ad: createAdClient({ ...config, url: 'ldaps://127.0.0.1:1', timeoutMs: 3000 }) });
    const f = await failure(down.adPing());
    expect(f.type).toBe('AdError.UNAVAILABLE');
    expect(f.nonRetryable).toBe(false);
  });
});
