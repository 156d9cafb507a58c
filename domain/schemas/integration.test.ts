import { describe, expect, it } from 'vitest';
import { applicationSystemSchema, redirectUriProblem, serviceFormSchema } from './integration';

const system = { systemUrl: 'https://docs.tainan.gov.tw/', production: true };

describe('單一登入 驗證處理常式 (redirect URIs)', () => {
  it('accepts an https address on the host of 應用系統網址, exactly as written', () => {
    expect(redirectUriProblem('https://docs.tainan.gov.tw/sso/callback?from=portal', system)).toBeNull();
  });

  it.each([
    ['https://docs.tainan.gov.tw/cb#top', '不可包含片段（#）'],
    ['https://*.tainan.gov.tw/cb', '不可使用萬用字元（*）'],
    ['http://docs.tainan.gov.tw/cb', '須使用 https'],
    ['https://evil.example.com/cb', '主機須與應用系統網址相同（docs.tainan.gov.tw）'],
    ['https://user:pw@docs.tainan.gov.tw/cb', '不可包含帳號密碼'],
    ['/cb', '須為完整網址'],
  ])('refuses %s with the reason', (uri, reason) => {
    expect(redirectUriProblem(uri, system)).toContain(reason);
  });

  it('allows http outside production only', () => {
    expect(redirectUriProblem('http://docs.tainan.gov.tw/cb', { ...system, production: false })).toBeNull();
  });

  it('takes one to five distinct addresses and says what is wrong', () => {
    const schema = serviceFormSchema('SSO', system);
    const form = (redirectUris: string[]) => ({ claims: ['profile'], redirectUris, description: '測試' });
    expect(schema.safeParse(form(['https://docs.tainan.gov.tw/a'])).success).toBe(true);
    const six = Array.from({ length: 6 }, (_, i) => `https://docs.tainan.gov.tw/${i}`);
    expect(schema.safeParse(form(six)).error?.issues[0]?.message).toBe('驗證處理常式最多可設定 5 組');
    expect(
      schema.safeParse(form(['https://docs.tainan.gov.tw/a', 'https://docs.tainan.gov.tw/a'])).error?.issues[0]?.message,
    ).toBe('驗證處理常式不可重複');
    expect(schema.safeParse({ ...form(['https://docs.tainan.gov.tw/a']), claims: [] }).error?.issues[0]?.message).toBe(
      '請勾選所需拋回的資料',
    );
  });
});

describe('新增應用系統 正式IP', () => {
  const valid = {
    name: '公文管理系統',
    agencyId: 'agency-1',
    contactName: '王小明',
    contactPhone: '06-2991111#8201',
    contactEmail: 'Wang@Example.com',
    vendorName: 'OO科技股份有限公司',
    description: '測試介接使用',
    url: 'https://docs.tainan.gov.tw/',
    productionIps: ['203.0.113.10', '2001:DB8::/32', ''],
  };
  const ipsMessage = (productionIps: string[]) =>
    applicationSystemSchema.safeParse({ ...valid, productionIps }).error?.issues[0]?.message;

  it('takes IPv4 and IPv6 addresses and CIDR blocks, lower-cased, blanks dropped', () => {
    const parsed = applicationSystemSchema.parse(valid);
    expect(parsed.productionIps).toEqual(['203.0.113.10', '2001:db8::/32']);
    expect(parsed.contactEmail).toBe('wang@example.com');
  });

  it('refuses none, more than five, a malformed one or a repeat', () => {
    expect(ipsMessage([])).toBe('請輸入正式 IP');
    expect(ipsMessage(['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6'])).toBe('正式 IP 最多可設定 5 組');
    expect(ipsMessage(['10.0.0.0/33'])).toContain('正式 IP 格式錯誤');
    expect(ipsMessage(['300.1.1.1'])).toContain('正式 IP 格式錯誤');
    expect(ipsMessage(['10.0.0.1', '10.0.0.1'])).toBe('正式 IP 不可重複');
  });
});
