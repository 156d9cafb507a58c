import { describe, expect, it } from 'vitest';
import { adConfigFromEnv } from '../../../infra/ad/config';
import { escapeDnValue, parentDn, sameDn, splitDn } from '../../../infra/ad/dn';

const valid = {
  AD_URL: 'ldaps://127.0.0.1:636',
  AD_BIND_DN: 'CN=Administrator,CN=Users,DC=tainan,DC=local',
  AD_BIND_PASSWORD: 'secret',
  AD_BASE_DN: 'DC=tainan,DC=local',
  AD_ROOT_OU: 'OU=TainanCityTest',
  AD_UPN_SUFFIX: 'tainan.local',
};

describe('adConfigFromEnv', () => {
  it('maps the AD_* variables', () => {
    expect(adConfigFromEnv(valid)).toEqual({
      url: 'ldaps://127.0.0.1:636',
      bindDN: valid.AD_BIND_DN,
      bindPassword: 'secret',
      baseDN: 'DC=tainan,DC=local',
      rootOu: 'OU=TainanCityTest',
      upnSuffix: 'tainan.local',
    });
  });

  it('names every missing or malformed variable and never echoes the password', () => {
    const bad = {
      ...valid,
      AD_URL: 'http://x',
      AD_ROOT_OU: 'OU=X,DC=tainan,DC=local',
      AD_CA_FILE: '/nonexistent/ca.pem',
    } as Record<string, string | undefined>;
    delete bad.AD_BIND_DN;
    let message = '';
    try {
      adConfigFromEnv(bad);
    } catch (e) {
      message = (e as Error).message;
    }
    for (const v of ['AD_URL', 'AD_BIND_DN', 'AD_ROOT_OU', 'AD_CA_FILE']) expect(message).toContain(v);
    expect(message).not.toContain('AD_UPN_SUFFIX');
    expect(message).not.toContain('secret');
  });
});

describe('DN helpers', () => {
  it('escape RDN values (RFC 4514) and split at unescaped commas only', () => {
    expect(escapeDnValue('a,b+c"d\\e<f>g;h=i')).toBe('a\\,b\\+c\\"d\\\\e\\<f\\>g\\;h\\=i');
    expect(escapeDnValue('#lead and trail ')).toBe('\\#lead and trail\\ ');
    expect(splitDn('OU=a\\,b,OU=c,DC=x')).toEqual(['OU=a\\,b', 'OU=c', 'DC=x']);
    expect(parentDn('CN=u,OU=a\\,b,DC=x')).toBe('OU=a\\,b,DC=x');
    expect(sameDn('ou=A, DC=x', 'OU=a,dc=X')).toBe(true);
  });
});
