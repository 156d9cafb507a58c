import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import {
  AndFilter,
  Attribute,
  Change,
  Client,
  EqualityFilter,
  NotFilter,
  OrFilter,
  SubstringFilter,
  type Entry,
  type Filter,
} from 'ldapts';
import { assertAccount, assertOuCode, escapeDnValue, parentDn, sameDn, splitDn } from './dn';
import { AdError, toAdError } from './errors';

export { AdError } from './errors';
export type { AdErrorCode, AdBindReason } from './errors';

export interface AdConfig {
  /** ldaps://host:636 (ldap:// only for diagnostics: AD refuses password operations without TLS). */
  url: string;
  bindDN: string;
  bindPassword: string;
  /** e.g. DC=tainan,DC=local */
  baseDN: string;
  /** Relative to baseDN, e.g. OU=TainanCity (tests: OU=TainanCityTest). */
  rootOu: string;
  /** PEM file of the CA that signed the DC's certificate; system CAs when absent. */
  caFile?: string;
  /** UPN suffix: users get <account>@<upnSuffix>. */
  upnSuffix: string;
  /** Connect and per-operation timeout; default 10 s. */
  timeoutMs?: number;
}

/** Editable user attributes. `null` or '' clears the attribute; `undefined` leaves it alone. */
export interface AdUserAttributes {
  displayName?: string | null;
  givenName?: string | null;
  surname?: string | null;
  department?: string | null;
  title?: string | null;
  telephoneNumber?: string | null;
  mail?: string | null;
}

export interface CreateUserInput extends AdUserAttributes {
  account: string;
  /** Full DN of the organisation's OU (from ensureOuPath). */
  ouDn: string;
  displayName: string;
  /**
   * Always created disabled: an enabled account needs a password, and the password is set in a
   * separate step (setPassword) before enableUser.
   */
  enabled?: false;
}

export interface AdUser {
  dn: string;
  account: string;
  userPrincipalName: string | null;
  displayName: string | null;
  givenName: string | null;
  surname: string | null;
  department: string | null;
  title: string | null;
  telephoneNumber: string | null;
  mail: string | null;
  enabled: boolean;
  /** DN of the OU (parent entry) the user is in. */
  ouDn: string;
}

/** An AD user with the DNs of the groups it is a direct member of (for the reconcile). */
export interface AdUserWithGroups extends AdUser {
  groupDns: string[];
}

export interface AdGroupMembers {
  name: string;
  dn: string;
  members: { dn: string; account: string | null }[];
}

export interface OuSpec {
  code: string;
  name: string;
}

export interface OuTreeNode extends OuSpec {
  parentCode: string | null;
}

export interface AdClient {
  ping(): Promise<{ ok: true; domain: string; latencyMs: number }>;
  ensureOuPath(codes: OuSpec[]): Promise<string>;
  /**
   * Makes the OU tree match `units` (parents listed before children) in one connection: one subtree
   * search, then adds only what is missing and fixes changed descriptions. Never deletes.
   */
  syncOuTree(units: readonly OuTreeNode[]): Promise<{ created: number; updated: number }>;
  createUser(input: CreateUserInput): Promise<{ dn: string; created: boolean }>;
  updateUser(account: string, attrs: AdUserAttributes): Promise<{ dn: string; changed: boolean }>;
  disableUser(account: string): Promise<{ dn: string; changed: boolean }>;
  enableUser(account: string): Promise<{ dn: string; changed: boolean }>;
  moveUser(account: string, newOuDn: string): Promise<{ dn: string; moved: boolean }>;
  setPassword(account: string, password: string): Promise<void>;
  findUser(account: string): Promise<AdUser | null>;
  verifyPassword(account: string, password: string): Promise<boolean>;
  deleteUser(account: string): Promise<{ deleted: boolean }>;
  deleteSubtree(ouDn: string): Promise<{ deleted: number }>;
  /**
   * Makes the user a member of the security group `CN=<groupName>,<ouDn>` (a global security group,
   * created when missing). Idempotent: an existing membership is not an error.
   */
  addGroupMember(
    account: string,
    group: { name: string; ouDn: string; description?: string },
  ): Promise<{ groupDn: string; added: boolean }>;
  /** Ends the user's membership of `CN=<groupName>,<ouDn>`. Idempotent: no group or no membership is not an error. */
  removeGroupMember(account: string, group: { name: string; ouDn: string }): Promise<{ groupDn: string; removed: boolean }>;
  /** Names (CN) of the groups the user is a direct member of. */
  listGroups(account: string): Promise<string[]>;
  /** The users named in `accounts` (one search for all, anywhere in the domain), with their groups. */
  findUsers(accounts: readonly string[]): Promise<AdUserWithGroups[]>;
  /** Every user account under the root OU (paged search): name and DN only. */
  listUsersUnderRoot(): Promise<{ account: string; dn: string }[]>;
  /**
   * The groups named `*-admins` under the root OU (the portal's 機關管理者 groups) with their direct
   * members wherever those are in the domain: DN, and account name (null for a member without one).
   */
  listAdminGroupMembers(): Promise<AdGroupMembers[]>;
  /**
   * Puts the OU named `path`'s last code where `path` (top-level first) says, wherever it is now
   * under the root OU: found by its name (codes are unique) and moved with modifyDN (its users and
   * child OUs move with it), or created when missing; then sets its description. Idempotent, and
   * right whatever order concurrent changes of the tree are applied in. Never deletes.
   */
  placeOu(path: readonly OuSpec[], description: string): Promise<{ dn: string; created: boolean; moved: boolean }>;
  /** Absolute DN of the root OU (rootOu,baseDN). */
  readonly rootDn: string;
}

// userAccountControl bits (MS-ADTS 2.2.16)
const UF_ACCOUNTDISABLE = 0x2;
const UF_PASSWD_NOTREQD = 0x20;
const UF_NORMAL_ACCOUNT = 0x200;

// LDAP attribute names for AdUserAttributes keys.
const ATTRIBUTE_MAP = {
  displayName: 'displayName',
  givenName: 'givenName',
  surname: 'sn',
  department: 'department',
  title: 'title',
  telephoneNumber: 'telephoneNumber',
  mail: 'mail',
} as const satisfies Record<keyof AdUserAttributes, string>;
type AttrKey = keyof typeof ATTRIBUTE_MAP;
const ATTR_KEYS = Object.keys(ATTRIBUTE_MAP) as AttrKey[];

const USER_ATTRIBUTES = [
  'sAMAccountName',
  'userPrincipalName',
  'userAccountControl',
  'pwdLastSet',
  ...Object.values(ATTRIBUTE_MAP),
];

interface Credentials {
  dn: string;
  password: string;
}

/** The domain-wide pre-Windows-2000 name of a portal group: "<root OU name>-<group name>". */
export function groupAccountName(rootOu: string, name: string): string {
  return `${rootOu.replace(/^OU=/i, '')}-${name}`.slice(0, 256);
}

export function createAdClient(config: AdConfig): AdClient {
  const timeout = config.timeoutMs ?? 10_000;
  const rootDn = `${config.rootOu},${config.baseDN}`;
  const secure = /^ldaps:\/\//i.test(config.url);
  let ca: Buffer | undefined;

  function tlsOptions(): ConnectionOptions | undefined {
    // ldapts opens TLS whenever tlsOptions is set, even for ldap:// — so only pass it for ldaps://.
    if (!secure) return undefined;
    if (config.caFile && !ca) {
      try {
        ca = readFileSync(config.caFile);
      } catch (err) {
        throw new AdError('OTHER', `cannot read AD CA file ${config.caFile}: ${(err as Error).message}`, { cause: err });
      }
    }
    // A fresh object per connection: ldapts/tls may mutate it.
    return { minVersion: 'TLSv1.2', ...(ca ? { ca: [ca] } : {}) };
  }

  /** Opens a connection, binds, runs `fn`, always unbinds; every failure becomes an AdError. */
  async function withClient<T>(what: string, fn: (client: Client) => Promise<T>, creds?: Credentials): Promise<T> {
    let client: Client | undefined;
    try {
      client = new Client({ url: config.url, timeout, connectTimeout: timeout, tlsOptions: tlsOptions() });
      const who = creds ?? { dn: config.bindDN, password: config.bindPassword };
      await client.bind(who.dn, who.password);
      return await fn(client);
    } catch (err) {
      throw toAdError(err, what);
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }

  function userFilter(account: string): Filter {
    // Filter objects are BER-encoded value by value, so user input cannot alter the filter.
    return new AndFilter({
      filters: [
        new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
        new NotFilter({ filter: new EqualityFilter({ attribute: 'objectClass', value: 'computer' }) }),
        new EqualityFilter({ attribute: 'sAMAccountName', value: account }),
      ],
    });
  }

  async function lookupUser(
    client: Client,
    account: string,
  ): Promise<(AdUser & { uac: number; pwdLastSet: string | null }) | null> {
    const { searchEntries } = await client.search(config.baseDN, {
      scope: 'sub',
      filter: userFilter(account),
      attributes: USER_ATTRIBUTES,
      sizeLimit: 2,
    });
    const entry = searchEntries[0];
    if (!entry) return null;
    return {
      ...toAdUser(entry, account),
      uac: Number.parseInt(attr(entry, 'userAccountControl') ?? '0', 10),
      pwdLastSet: attr(entry, 'pwdLastSet'),
    };
  }

  /** The AdUser fields of a search entry (USER_ATTRIBUTES). */
  function toAdUser(entry: Entry, account: string) {
    const uac = Number.parseInt(attr(entry, 'userAccountControl') ?? '0', 10);
    return {
      dn: entry.dn,
      account: attr(entry, 'sAMAccountName') ?? account,
      userPrincipalName: attr(entry, 'userPrincipalName'),
      displayName: attr(entry, 'displayName'),
      givenName: attr(entry, 'givenName'),
      surname: attr(entry, 'sn'),
      department: attr(entry, 'department'),
      title: attr(entry, 'title'),
      telephoneNumber: attr(entry, 'telephoneNumber'),
      mail: attr(entry, 'mail'),
      enabled: (uac & UF_ACCOUNTDISABLE) === 0,
      ouDn: parentDn(entry.dn),
    };
  }

  async function requireUser(client: Client, account: string) {
    const user = await lookupUser(client, account);
    if (!user) throw new AdError('NOT_FOUND', `AD user ${JSON.stringify(account)} not found`);
    return user;
  }

  /** Replace-changes for the attributes that differ from `current`; empty when nothing to do. */
  function attributeChanges(current: AdUser | null, attrs: AdUserAttributes): Change[] {
    const changes: Change[] = [];
    for (const key of ATTR_KEYS) {
      const wanted = attrs[key];
      if (wanted === undefined) continue;
      const value = wanted === null || wanted === '' ? null : wanted;
      if (current && (current[key] ?? null) === value) continue;
      if (!current && value === null) continue;
      changes.push(
        new Change({
          operation: 'replace',
          // Replace with no values deletes the attribute, and does not fail when it is absent.
          modification: new Attribute({ type: ATTRIBUTE_MAP[key], values: value === null ? [] : [value] }),
        }),
      );
    }
    return changes;
  }

  async function exists(client: Client, dn: string): Promise<Entry | null> {
    try {
      const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['description'] });
      return searchEntries[0] ?? null;
    } catch (err) {
      if ((err as { code?: unknown }).code === 32) return null;
      throw err;
    }
  }

  async function ensureOu(client: Client, dn: string, description?: string): Promise<void> {
    const found = await exists(client, dn);
    if (!found) {
      try {
        // No `ou` attribute: AD derives the naming attribute from the RDN itself.
        await client.add(dn, { objectClass: ['top', 'organizationalUnit'], ...(description ? { description } : {}) });
        return;
      } catch (err) {
        // Someone else (a parallel activity) created it between our check and add: fine.
        if ((err as { code?: unknown }).code !== 68) throw err;
      }
    }
    if (description !== undefined && (found ? attr(found, 'description') : null) !== description) {
      await client.modify(
        dn,
        new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: [description] }) }),
      );
    }
  }

  async function setDisabled(account: string, disabled: boolean) {
    assertAccount(account);
    const what = `${disabled ? 'disable' : 'enable'} AD user ${account}`;
    return withClient(what, async (client) => {
      const user = await requireUser(client, account);
      // Flip only the ACCOUNTDISABLE bit: a normal account becomes 514/512, other flags survive.
      const base = user.uac || UF_NORMAL_ACCOUNT;
      const uac = disabled ? base | UF_ACCOUNTDISABLE : base & ~UF_ACCOUNTDISABLE;
      if (uac === user.uac) return { dn: user.dn, changed: false };
      if (!disabled && (user.pwdLastSet ?? '0') === '0' && (uac & UF_PASSWD_NOTREQD) === 0) {
        // Windows AD refuses to enable an account that never had a password (53, 0000052D);
        // Samba accepts it. Refuse here too so a wrong step order fails in development as it
        // would in production. (pwdLastSet 0 is also "must change at next logon": we never set
        // that, the portal handles forced changes itself.)
        throw new AdError('PASSWORD_POLICY', `cannot enable AD user ${account}: no password set yet (call setPassword first)`);
      }
      await client.modify(
        user.dn,
        new Change({ operation: 'replace', modification: new Attribute({ type: 'userAccountControl', values: [String(uac)] }) }),
      );
      return { dn: user.dn, changed: true };
    });
  }

  function isUnderRoot(dn: string): boolean {
    const rdns = splitDn(dn);
    const root = splitDn(rootDn);
    return rdns.length >= root.length && sameDn(rdns.slice(rdns.length - root.length).join(','), rootDn);
  }

  return {
    rootDn,

    async ping() {
      const started = performance.now();
      return withClient('AD ping', async (client) => {
        const { searchEntries } = await client.search(config.baseDN, { scope: 'base', attributes: ['distinguishedName'] });
        const entry = searchEntries[0];
        if (!entry) throw new AdError('NOT_FOUND', `AD domain object ${config.baseDN} not found`);
        return { ok: true as const, domain: entry.dn, latencyMs: Math.round(performance.now() - started) };
      });
    },

    async ensureOuPath(codes) {
      for (const c of codes) assertOuCode(c.code);
      return withClient('ensure AD OU path', async (client) => {
        // The root OU may itself be nested ("OU=A,OU=B"): create it outermost first.
        let dn = config.baseDN;
        for (const rdn of splitDn(config.rootOu).reverse()) {
          dn = `${rdn},${dn}`;
          await ensureOu(client, dn);
        }
        for (const { code, name } of codes) {
          dn = `OU=${escapeDnValue(code)},${dn}`;
          await ensureOu(client, dn, name);
        }
        return dn;
      });
    },

    async syncOuTree(units) {
      for (const u of units) assertOuCode(u.code);
      return withClient('sync AD OU tree', async (client) => {
        let dn = config.baseDN;
        for (const rdn of splitDn(config.rootOu).reverse()) {
          dn = `${rdn},${dn}`;
          await ensureOu(client, dn);
        }
        const { searchEntries } = await client.search(rootDn, {
          scope: 'sub',
          filter: '(objectClass=organizationalUnit)',
          attributes: ['description'],
          paged: true,
        });
        const existing = new Map(searchEntries.map((e) => [e.dn.toLowerCase(), attr(e, 'description')]));
        const dnByCode = new Map<string, string>();
        let created = 0;
        let updated = 0;
        for (const unit of units) {
          const parent = unit.parentCode === null ? rootDn : dnByCode.get(unit.parentCode);
          if (!parent) throw new AdError('OTHER', `OU ${unit.code} is listed before its parent ${unit.parentCode}`);
          const ouDn = `OU=${escapeDnValue(unit.code)},${parent}`;
          dnByCode.set(unit.code, ouDn);
          const key = ouDn.toLowerCase();
          if (!existing.has(key)) {
            await client.add(ouDn, { objectClass: ['top', 'organizationalUnit'], description: unit.name });
            created++;
          } else if (existing.get(key) !== unit.name) {
            await client.modify(
              ouDn,
              new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: [unit.name] }) }),
            );
            updated++;
          }
        }
        return { created, updated };
      });
    },

    async createUser(input) {
      assertAccount(input.account);
      if ((input.enabled as unknown) === true) {
        throw new AdError('OTHER', 'users are created disabled: call setPassword, then enableUser');
      }
      const { account, ouDn } = input;
      return withClient(`create AD user ${account}`, async (client) => {
        const existing = await lookupUser(client, account);
        if (existing) {
          // Idempotent retry (or a re-run of a seed): converge the attributes, keep the OU.
          const changes = attributeChanges(existing, input);
          if (changes.length) await client.modify(existing.dn, changes);
          return { dn: existing.dn, created: false };
        }
        const dn = `CN=${escapeDnValue(account)},${ouDn}`;
        const entry: Record<string, string | string[]> = {
          objectClass: ['top', 'person', 'organizationalPerson', 'user'],
          sAMAccountName: account,
          userPrincipalName: `${account}@${config.upnSuffix}`,
          // 514 = normal account + disabled: no password yet.
          userAccountControl: String(UF_NORMAL_ACCOUNT | UF_ACCOUNTDISABLE),
        };
        for (const key of ATTR_KEYS) {
          const v = input[key];
          if (typeof v === 'string' && v !== '') entry[ATTRIBUTE_MAP[key]] = v;
        }
        try {
          await client.add(dn, entry);
          return { dn, created: true };
        } catch (err) {
          if ((err as { code?: unknown }).code !== 68) throw err;
          // Lost a race with a parallel create of the same account: converge like above.
          const now = await lookupUser(client, account);
          if (!now) {
            throw new AdError('ALREADY_EXISTS', `${dn} already exists but is not user ${JSON.stringify(account)}`, {
              ldapCode: 68,
            });
          }
          const changes = attributeChanges(now, input);
          if (changes.length) await client.modify(now.dn, changes);
          return { dn: now.dn, created: false };
        }
      });
    },

    async updateUser(account, attrs) {
      assertAccount(account);
      return withClient(`update AD user ${account}`, async (client) => {
        const user = await requireUser(client, account);
        const changes = attributeChanges(user, attrs);
        if (changes.length === 0) return { dn: user.dn, changed: false };
        await client.modify(user.dn, changes);
        return { dn: user.dn, changed: true };
      });
    },

    disableUser: (account) => setDisabled(account, true),

    // AD refuses to enable an account that has no password (unless PASSWD_NOTREQD is set, which we
    // never do): call setPassword first, or this fails with PASSWORD_POLICY.
    enableUser: (account) => setDisabled(account, false),

    async moveUser(account, newOuDn) {
      assertAccount(account);
      return withClient(`move AD user ${account}`, async (client) => {
        const user = await requireUser(client, account);
        if (sameDn(user.ouDn, newOuDn)) return { dn: user.dn, moved: false };
        // Checked explicitly: for a missing parent Samba answers 80 (other), Windows 32.
        if (!(await exists(client, newOuDn))) throw new AdError('NOT_FOUND', `target OU ${newOuDn} does not exist`);
        // Keep the user's own RDN (normally CN=<account>), change only the parent.
        const rdn = splitDn(user.dn)[0] ?? `CN=${escapeDnValue(account)}`;
        const newDn = `${rdn},${newOuDn}`;
        await client.modifyDN(user.dn, newDn);
        return { dn: newDn, moved: true };
      });
    },

    async setPassword(account, password) {
      assertAccount(account);
      if (typeof password !== 'string' || password.length === 0) {
        throw new AdError('PASSWORD_POLICY', 'password is empty');
      }
      await withClient(`set password of AD user ${account}`, async (client) => {
        const user = await requireUser(client, account);
        // unicodePwd: the password in double quotes, UTF-16LE; a replace is an administrative reset
        // (needs LDAPS and reset-password rights; the domain policy still applies).
        const value = Buffer.from(`"${password}"`, 'utf16le');
        await client.modify(
          user.dn,
          new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [value] }) }),
        );
      });
    },

    async findUser(account) {
      assertAccount(account);
      return withClient(`find AD user ${account}`, async (client) => {
        const user = await lookupUser(client, account);
        if (!user) return null;
        const { uac: _uac, pwdLastSet: _pwdLastSet, ...rest } = user;
        return rest;
      });
    },

    async verifyPassword(account, password) {
      assertAccount(account);
      // An empty password would be an unauthenticated bind, which LDAP servers answer with success.
      if (typeof password !== 'string' || password.length === 0) return false;
      const user = await withClient(`find AD user ${account}`, (client) => lookupUser(client, account));
      if (!user) return false;
      try {
        // Samba has no WhoAmI extended operation: a successful bind is the proof.
        await withClient(`verify password of AD user ${account}`, async () => undefined, { dn: user.dn, password });
        return true;
      } catch (err) {
        if (err instanceof AdError && (err.reason === 'WRONG_PASSWORD' || err.reason === 'NO_SUCH_USER')) return false;
        // Disabled/locked/expired (right password, unusable account) and outages are not a "no".
        throw err;
      }
    },

    async deleteUser(account) {
      assertAccount(account);
      return withClient(`delete AD user ${account}`, async (client) => {
        const user = await lookupUser(client, account);
        if (!user) return { deleted: false };
        await client.del(user.dn);
        return { deleted: true };
      });
    },

    async addGroupMember(account, group) {
      assertAccount(account);
      return withClient(`add AD user ${account} to group ${group.name}`, async (client) => {
        const user = await requireUser(client, account);
        const groupDn = `CN=${escapeDnValue(group.name)},${group.ouDn}`;
        if (!(await exists(client, groupDn))) {
          try {
            await client.add(groupDn, {
              objectClass: ['top', 'group'],
              // sAMAccountName is unique in the whole domain, CN only inside its OU: qualify it with the
              // root OU so two portal trees in one domain (production and tests, test slots) never clash.
              sAMAccountName: groupAccountName(config.rootOu, group.name),
              // Global security group (ADS_GROUP_TYPE_GLOBAL_GROUP | ADS_GROUP_TYPE_SECURITY_ENABLED).
              groupType: String(0x2 | -0x80000000),
              ...(group.description ? { description: group.description } : {}),
            });
          } catch (err) {
            if ((err as { code?: unknown }).code !== 68) throw err;
          }
        }
        try {
          await client.modify(
            groupDn,
            new Change({ operation: 'add', modification: new Attribute({ type: 'member', values: [user.dn] }) }),
          );
          return { groupDn, added: true };
        } catch (err) {
          // 68 (entryAlreadyExists) / 20 (attributeOrValueExists): already a member.
          const code = (err as { code?: unknown }).code;
          if (code === 68 || code === 20) return { groupDn, added: false };
          throw err;
        }
      });
    },

    async removeGroupMember(account, group) {
      assertAccount(account);
      return withClient(`remove AD user ${account} from group ${group.name}`, async (client) => {
        const user = await requireUser(client, account);
        const groupDn = `CN=${escapeDnValue(group.name)},${group.ouDn}`;
        try {
          await client.modify(
            groupDn,
            new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [user.dn] }) }),
          );
          return { groupDn, removed: true };
        } catch (err) {
          // 32 (noSuchObject): no such group; 16 (noSuchAttribute) / 53 (unwillingToPerform, Samba): not a member.
          const code = (err as { code?: unknown }).code;
          if (code === 32 || code === 16 || code === 53) return { groupDn, removed: false };
          throw err;
        }
      });
    },

    async listGroups(account) {
      assertAccount(account);
      return withClient(`list AD groups of ${account}`, async (client) => {
        const { searchEntries } = await client.search(config.baseDN, {
          scope: 'sub',
          filter: userFilter(account),
          attributes: ['memberOf'],
          sizeLimit: 2,
        });
        const raw = searchEntries[0]?.memberOf;
        const dns =
          raw === undefined ? [] : (Array.isArray(raw) ? raw : [raw]).map((v) => (Buffer.isBuffer(v) ? v.toString('utf8') : v));
        return dns.map((dn) => splitDn(dn)[0]!.replace(/^CN=/i, '').replace(/\\(.)/g, '$1'));
      });
    },

    async findUsers(accounts) {
      for (const account of accounts) assertAccount(account);
      if (accounts.length === 0) return [];
      return withClient(`find ${accounts.length} AD users`, async (client) => {
        const { searchEntries } = await client.search(config.baseDN, {
          scope: 'sub',
          filter: new AndFilter({
            filters: [
              new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
              new NotFilter({ filter: new EqualityFilter({ attribute: 'objectClass', value: 'computer' }) }),
              new OrFilter({
                filters: accounts.map((account) => new EqualityFilter({ attribute: 'sAMAccountName', value: account })),
              }),
            ],
          }),
          attributes: [...USER_ATTRIBUTES, 'memberOf'],
          paged: true,
        });
        return searchEntries.map((entry) => ({ ...toAdUser(entry, ''), groupDns: values(entry, 'memberOf') }));
      });
    },

    async listUsersUnderRoot() {
      return withClient('list AD users under the root OU', async (client) => {
        let searchEntries: Entry[];
        try {
          ({ searchEntries } = await client.search(rootDn, {
            scope: 'sub',
            filter: new AndFilter({
              filters: [
                new EqualityFilter({ attribute: 'objectClass', value: 'user' }),
                new NotFilter({ filter: new EqualityFilter({ attribute: 'objectClass', value: 'computer' }) }),
              ],
            }),
            attributes: ['sAMAccountName'],
            paged: true,
          }));
        } catch (err) {
          if ((err as { code?: unknown }).code === 32) return [];
          throw err;
        }
        return searchEntries.map((e) => ({ account: attr(e, 'sAMAccountName') ?? '', dn: e.dn }));
      });
    },

    async listAdminGroupMembers() {
      return withClient('list AD admin groups under the root OU', async (client) => {
        let groups: Entry[];
        try {
          ({ searchEntries: groups } = await client.search(rootDn, {
            scope: 'sub',
            filter: new AndFilter({
              filters: [
                new EqualityFilter({ attribute: 'objectClass', value: 'group' }),
                new SubstringFilter({ attribute: 'cn', final: '-admins' }),
              ],
            }),
            attributes: ['cn', 'member'],
            paged: true,
          }));
        } catch (err) {
          if ((err as { code?: unknown }).code === 32) return [];
          throw err;
        }
        // Member accounts by DN, from the members' side (memberOf): one paged search per 100
        // groups instead of one lookup per member.
        const accountByDn = new Map<string, string>();
        for (let i = 0; i < groups.length; i += 100) {
          const { searchEntries } = await client.search(config.baseDN, {
            scope: 'sub',
            filter: new OrFilter({
              filters: groups.slice(i, i + 100).map((g) => new EqualityFilter({ attribute: 'memberOf', value: g.dn })),
            }),
            attributes: ['sAMAccountName'],
            paged: true,
          });
          for (const e of searchEntries) {
            const account = attr(e, 'sAMAccountName');
            if (account) accountByDn.set(e.dn.toLowerCase(), account);
          }
        }
        return groups.map((g) => ({
          name: attr(g, 'cn') ?? '',
          dn: g.dn,
          members: values(g, 'member').map((dn) => ({ dn, account: accountByDn.get(dn.toLowerCase()) ?? null })),
        }));
      });
    },

    async placeOu(path, description) {
      for (const c of path) assertOuCode(c.code);
      const leaf = path[path.length - 1];
      if (!leaf) throw new AdError('OTHER', 'OU path is empty');
      return withClient(`place AD OU ${leaf.code}`, async (client) => {
        let parent = config.baseDN;
        for (const rdn of splitDn(config.rootOu).reverse()) {
          parent = `${rdn},${parent}`;
          await ensureOu(client, parent);
        }
        for (const { code, name } of path.slice(0, -1)) {
          parent = `OU=${escapeDnValue(code)},${parent}`;
          await ensureOu(client, parent, name);
        }
        const dn = `OU=${escapeDnValue(leaf.code)},${parent}`;
        const { searchEntries } = await client.search(rootDn, {
          scope: 'sub',
          filter: new AndFilter({
            filters: [
              new EqualityFilter({ attribute: 'objectClass', value: 'organizationalUnit' }),
              new EqualityFilter({ attribute: 'ou', value: leaf.code }),
            ],
          }),
          attributes: ['description'],
        });
        const current = searchEntries.find((e) => sameDn(splitDn(e.dn)[0] ?? '', `OU=${escapeDnValue(leaf.code)}`));
        let moved = false;
        if (current && !sameDn(current.dn, dn)) {
          await client.modifyDN(current.dn, dn);
          moved = true;
        }
        await ensureOu(client, dn, description);
        return { dn, created: !current, moved };
      });
    },

    async deleteSubtree(ouDn) {
      // Guard rail for test cleanup: never delete anything outside our root OU.
      if (!isUnderRoot(ouDn)) throw new AdError('OTHER', `refusing to delete ${ouDn}: not under ${rootDn}`);
      return withClient(`delete AD subtree ${ouDn}`, async (client) => {
        let entries: Entry[];
        try {
          ({ searchEntries: entries } = await client.search(ouDn, { scope: 'sub', attributes: ['1.1'], paged: true }));
        } catch (err) {
          if ((err as { code?: unknown }).code === 32) return { deleted: 0 };
          throw err;
        }
        // Children before parents.
        const dns = entries.map((e) => e.dn).sort((a, b) => splitDn(b).length - splitDn(a).length);
        for (const dn of dns) await client.del(dn);
        return { deleted: dns.length };
      });
    },
  };
}

/** First value of an attribute as a string (attribute names are case-insensitive). */
function attr(entry: Entry, name: string): string | null {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key === undefined ? undefined : entry[key];
  if (v === undefined) return null;
  const first = Array.isArray(v) ? v[0] : v;
  if (first === undefined) return null;
  return Buffer.isBuffer(first) ? first.toString('utf8') : first;
}

/** Every value of an attribute as strings (memberOf and other multi-valued attributes). */
function values(entry: Entry, name: string): string[] {
  const key = Object.keys(entry).find((k) => k.toLowerCase() === name.toLowerCase());
  const v = key === undefined ? undefined : entry[key];
  if (v === undefined) return [];
  return (Array.isArray(v) ? v : [v]).map((x) => (Buffer.isBuffer(x) ? x.toString('utf8') : x));
}
