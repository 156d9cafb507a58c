import { describe, expect, it } from 'vitest';
import { ADMIN_PASSWORD_ENV, provisionArgs, SET_ADMIN_PASSWORD_PY } from './samba.mjs';

describe('Samba AD provisioning command line (issue 10 #9)', () => {
  it('carries no password: samba-tool picks a random one, replaced from the environment', () => {
    const args = provisionArgs({ baseConf: '/tmp/base.conf', targetDir: '/tmp/dc', options: { 'server services': 'ldap' } });
    expect(args.slice(0, 2)).toEqual(['domain', 'provision']);
    expect(args).toContain('--targetdir=/tmp/dc');
    expect(args.filter((a) => /pass/i.test(a))).toEqual([]);
    expect(SET_ADMIN_PASSWORD_PY).toContain(`os.environ["${ADMIN_PASSWORD_ENV}"]`);
    expect(SET_ADMIN_PASSWORD_PY).toContain('sAMAccountName=Administrator');
  });
});
