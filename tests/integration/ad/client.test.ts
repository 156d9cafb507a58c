import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdError, createAdClient, type AdClient, type AdConfig } from '../../../infra/ad/client';
import { fileSandbox, GOOD_PASSWORD, uniq } from './helpers';

// Real Samba AD DC over LDAPS (scripts/services/samba.mjs); everything happens in a sub-OU of
// AD_ROOT_OU that afterAll deletes.
let ad: AdClient;
let config: AdConfig;
let sandbox: string;
let sandboxCode: string;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ ad, config, code: sandboxCode, ouDn: sandbox, cleanup } = await fileSandbox('client'));
});

afterAll(async () => {
  await cleanup?.();
});

async function adError(promise: Promise<unknown>): Promise<AdError> {
  const err = await promise.then(
    () => {
      throw new Error('expected an AdError, got success');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AdError);
  return err as AdError;
}

describe('AD client against Samba', () => {
  it('ping binds and reads the domain object', async () => {
    const r = await ad.ping();
    expect(r.ok).toBe(true);
    expect(r.domain.toLowerCase()).toBe(config.baseDN.toLowerCase());
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('ensureOuPath creates nested OUs with descriptions and is idempotent', async () => {
    const parent = `p${uniq()}`;
    // A code with DN special characters must stay one RDN value.
    const child = `c,${uniq()}+x`;
    const path = [
      { code: sandboxCode, name: '整合測試 client' },
      { code: parent, name: '臺南市政府' },
      { code: child, name: '資訊中心' },
    ];
    const first = await ad.ensureOuPath(path);
    const second = await ad.ensureOuPath(path);
    expect(second).toBe(first);
    expect(first).toBe(`OU=${child.replace(',', '\\,').replace('+', '\\+')},OU=${parent},${sandbox}`);

    // A changed name updates the description of the existing OU.
    const renamed = await ad.ensureOuPath([path[0]!, { code: parent, name: '臺南市政府（新）' }]);
    expect(renamed).toBe(`OU=${parent},${sandbox}`);

    // The user can live in the escaped OU.
    const account = `o${uniq()}`;
    const { dn } = await ad.createUser({ account, ouDn: first, displayName: '逸出測試' });
    const found = await ad.findUser(account);
    expect(found?.dn).toBe(dn);
    expect(found?.ouDn).toBe(first);
  });

  it('creates a disabled user, finds it with its attributes, and createUser twice returns created:false', async () => {
    const account = `u${uniq()}`;
    const input = {
      account,
      ouDn: sandbox,
      displayName: '王小明',
      givenName: '小明',
      surname: '王',
      department: '資訊中心',
      title: '科員',
      telephoneNumber: '06-2991111',
      mail: `${account}@tainan.example`,
    };
    const created = await ad.createUser(input);
    expect(created).toEqual({ dn: `CN=${account},${sandbox}`, created: true });

    const user = await ad.findUser(account);
    expect(user).toEqual({
      dn: created.dn,
      account,
      userPrincipalName: `${account}@${config.upnSuffix}`,
      displayName: '王小明',
      givenName: '小明',
      surname: '王',
      department: '資訊中心',
      title: '科員',
      telephoneNumber: '06-2991111',
      mail: `${account}@tainan.example`,
      enabled: false,
      ouDn: sandbox,
    });

    // Second create (a retried activity): no error, attributes converge.
    const again = await ad.createUser({ ...input, title: '技士' });
    expect(again).toEqual({ dn: created.dn, created: false });
    expect((await ad.findUser(account))?.title).toBe('技士');
  });

  it('updateUser changes, clears and is a no-op when nothing differs', async () => {
    const account = `u${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '李四', title: '科員', mail: `${account}@tainan.example` });
    expect((await ad.updateUser(account, { title: '科長', mail: null })).changed).toBe(true);
    const u = await ad.findUser(account);
    expect(u?.title).toBe('科長');
    expect(u?.mail).toBeNull();
    expect((await ad.updateUser(account, { title: '科長', mail: null })).changed).toBe(false);
    expect((await adError(ad.updateUser(`n${uniq()}`, { title: 'x' }))).code).toBe('NOT_FOUND');
  });

  it('setPassword, enable, verifyPassword: right password true, wrong false', async () => {
    const account = `u${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '陳大文' });

    // Like Windows AD, an account without a password cannot be enabled.
    const noPw = await adError(ad.enableUser(account));
    expect(noPw.code).toBe('PASSWORD_POLICY');
    expect(noPw.retryable).toBe(false);

    await ad.setPassword(account, GOOD_PASSWORD);
    expect(await ad.enableUser(account)).toEqual({ dn: `CN=${account},${sandbox}`, changed: true });
    expect(await ad.enableUser(account)).toEqual({ dn: `CN=${account},${sandbox}`, changed: false });
    expect((await ad.findUser(account))?.enabled).toBe(true);

    expect(await ad.verifyPassword(account, GOOD_PASSWORD)).toBe(true);
    expect(await ad.verifyPassword(account, 'Wrong-Passw0rd!')).toBe(false);
    // An empty password would be an anonymous bind (success): must never count as valid.
    expect(await ad.verifyPassword(account, '')).toBe(false);
    expect(await ad.verifyPassword(`n${uniq()}`, GOOD_PASSWORD)).toBe(false);

    // Minimum password age is 0: an immediate second reset works, and the new password replaces the old.
    await ad.setPassword(account, `${GOOD_PASSWORD}2`);
    expect(await ad.verifyPassword(account, `${GOOD_PASSWORD}2`)).toBe(true);
    expect(await ad.verifyPassword(account, GOOD_PASSWORD)).toBe(false);
  });

  it('a disabled user with the right password is reported as ACCOUNT_DISABLED (wrong password: false)', async () => {
    const account = `u${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '林小華' });
    await ad.setPassword(account, GOOD_PASSWORD);
    await ad.enableUser(account);
    expect(await ad.disableUser(account)).toEqual({ dn: `CN=${account},${sandbox}`, changed: true });
    expect(await ad.disableUser(account)).toEqual({ dn: `CN=${account},${sandbox}`, changed: false });
    expect((await ad.findUser(account))?.enabled).toBe(false);

    const err = await adError(ad.verifyPassword(account, GOOD_PASSWORD));
    expect(err.code).toBe('ACCOUNT_DISABLED');
    expect(err.reason).toBe('ACCOUNT_DISABLED');
    expect(err.retryable).toBe(false);
    // AD checks the password first: a wrong one is just "wrong", revealing nothing about the state.
    expect(await ad.verifyPassword(account, 'Wrong-Passw0rd!')).toBe(false);
  });

  it('a password the domain policy rejects is PASSWORD_POLICY and not retryable', async () => {
    const account = `u${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '張三' });
    // (Windows also rejects passwords containing the account name; Samba does not, so not tested.)
    for (const bad of ['Ab1!', 'alllowercaseletters', 'ALLUPPER12345']) {
      const err = await adError(ad.setPassword(account, bad));
      expect(err.code, bad).toBe('PASSWORD_POLICY');
      expect(err.retryable).toBe(false);
      expect(err.ldapCode).toBe(19);
      expect(err.message).not.toContain(bad);
    }
  });

  it('moveUser changes the OU and is a no-op when already there', async () => {
    const target = await ad.ensureOuPath([
      { code: sandboxCode, name: '整合測試 client' },
      { code: 'moved', name: '新單位' },
    ]);
    const account = `u${uniq()}`;
    const { dn } = await ad.createUser({ account, ouDn: sandbox, displayName: '搬家測試' });
    await ad.setPassword(account, GOOD_PASSWORD);
    await ad.enableUser(account);

    const moved = await ad.moveUser(account, target);
    expect(moved).toEqual({ dn: `CN=${account},${target}`, moved: true });
    const user = await ad.findUser(account);
    expect(user?.ouDn).toBe(target);
    expect(user?.dn).not.toBe(dn);
    // Same DN written differently (case, spaces) is still "already there".
    expect(await ad.moveUser(account, target.toLowerCase().replace(/,/g, ', '))).toEqual({ dn: moved.dn, moved: false });
    // The password and state survive a move.
    expect(await ad.verifyPassword(account, GOOD_PASSWORD)).toBe(true);

    expect((await adError(ad.moveUser(account, `OU=nonexistent${uniq()},${sandbox}`))).code).toBe('NOT_FOUND');
  });

  it('account names are validated and filter values cannot inject', async () => {
    expect((await adError(ad.findUser('*'))).code).toBe('OTHER');
    expect((await adError(ad.findUser('a,b'))).code).toBe('OTHER');
    expect((await adError(ad.findUser('x'.repeat(21)))).code).toBe('OTHER');
    // Parentheses are legal in sAMAccountName; sent as a filter value they match nothing.
    expect(await ad.findUser('x)(cn')).toBeNull();
  });

  it('deleteUser is idempotent and deleteSubtree refuses to leave the root OU', async () => {
    const account = `u${uniq()}`;
    await ad.createUser({ account, ouDn: sandbox, displayName: '刪除測試' });
    expect(await ad.deleteUser(account)).toEqual({ deleted: true });
    expect(await ad.deleteUser(account)).toEqual({ deleted: false });
    expect(await ad.findUser(account)).toBeNull();
    expect((await adError(ad.deleteSubtree(`CN=Users,${config.baseDN}`))).code).toBe('OTHER');
    expect(await ad.deleteSubtree(`OU=gone${uniq()},${sandbox}`)).toEqual({ deleted: 0 });
  });

  it('an unreachable server is UNAVAILABLE and retryable', async () => {
    const down = createAdClient({ ...config, url: 'ldaps://127.0.0.1:1', timeoutMs: 3000 });
    const err = await adError(down.ping());
    expect(err.code).toBe('UNAVAILABLE');
    expect(err.retryable).toBe(true);
  });

  it('a wrong service password is INVALID_CREDENTIALS and not retryable', async () => {
    const wrong = createAdClient({ ...config, bindPassword: 'not-the-password' });
    const err = await adError(wrong.ping());
    expect(err.code).toBe('INVALID_CREDENTIALS');
    expect(err.reason).toBe('WRONG_PASSWORD');
    expect(err.retryable).toBe(false);
  });
});
