import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdClient } from '../../../infra/ad/client';
import { fileSandbox, uniq } from './helpers';

// 機關管理者 in AD: the agency's admin group, created on first use, membership added once.
let ad: AdClient;
let sandbox: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ ad, ouDn: sandbox, cleanup } = await fileSandbox('groups'));
});
afterAll(async () => {
  await cleanup?.();
});

describe('AD group membership against Samba', () => {
  it('creates the group when missing, adds the user, and a second add is not an error', async () => {
    const account = `g${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '群組測試' });
    const name = `admins-${uniq()}`;
    expect(await ad.listGroups(account)).toEqual([]);

    const first = await ad.addGroupMember(account, { name, ouDn: sandbox, description: '機關管理者' });
    expect(first).toEqual({ groupDn: `CN=${name},${sandbox}`, added: true });
    expect(await ad.listGroups(account)).toEqual([name]);

    const again = await ad.addGroupMember(account, { name, ouDn: sandbox });
    expect(again.added).toBe(false);

    // A second user joins the existing group.
    const other = `g${uniq()}`;
    await ad.createUser({ account: other, ouDn: sandbox, displayName: '群組測試二' });
    expect((await ad.addGroupMember(other, { name, ouDn: sandbox })).added).toBe(true);
    expect(await ad.listGroups(other)).toEqual([name]);
  });

  it('removes a membership, and removing it again or from a missing group is not an error', async () => {
    const account = `g${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '群組移除測試' });
    const name = `admins-${uniq()}`;
    await ad.addGroupMember(account, { name, ouDn: sandbox });
    expect(await ad.removeGroupMember(account, { name, ouDn: sandbox })).toEqual({
      groupDn: `CN=${name},${sandbox}`,
      removed: true,
    });
    expect(await ad.listGroups(account)).toEqual([]);
    expect((await ad.removeGroupMember(account, { name, ouDn: sandbox })).removed).toBe(false);
    expect((await ad.removeGroupMember(account, { name: `none-${uniq()}`, ouDn: sandbox })).removed).toBe(false);
  });

  it('names the missing user', async () => {
    await expect(ad.addGroupMember(`n${uniq()}`, { name: `x-${uniq()}`, ouDn: sandbox })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});
