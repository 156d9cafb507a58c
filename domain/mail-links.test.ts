import { describe, expect, it } from 'vitest';
import { ROUTE_LIST } from '../web/src/routes/paths';
import { isMailPath, MAIL_PAGES, mailLinkUrl, mailPath } from './mail-links';

describe('mail links', () => {
  it('name only pages the web app has', () => {
    const routes = new Set(ROUTE_LIST.map((route) => route.path));
    for (const pattern of Object.values(MAIL_PAGES)) expect(routes, pattern).toContain(pattern);
  });

  it('build page paths with the item and query encoded', () => {
    expect(mailPath('activation')).toBe('/login/activate');
    expect(mailPath('applicationStatus', 'a1/b', { key: 'k+y=' })).toBe('/apply/account/status/a1%2Fb?key=k%2By%3D');
    expect(mailPath('accountApplicationReview', 'abc')).toBe('/console/accounts/applications/abc');
    expect(() => mailPath('reactivationReview', '')).toThrow(/id/);
    // A page addressed by its key (/:key) as well.
    expect(mailPath('repairTicket', 'R20261208-00001')).toBe('/applications/repairs/tickets/R20261208-00001');
    expect(isMailPath('/my/repair-handling/R20261208-00001')).toBe(true);
    expect(isMailPath('/my/repair-handling/R20261208-00001/extra')).toBe(false);
  });

  it('put every link on WEB_URL, keeping a path prefix and dropping a trailing slash', () => {
    expect(mailLinkUrl('http://127.0.0.1:5173', mailPath('activation'))).toBe('http://127.0.0.1:5173/login/activate');
    expect(mailLinkUrl('https://portal.tainan.gov.tw/', '/apply/account/status/x?key=y')).toBe(
      'https://portal.tainan.gov.tw/apply/account/status/x?key=y',
    );
    expect(mailLinkUrl('https://city.example/portal/', '/')).toBe('https://city.example/portal/');
  });

  it('refuse anything but a portal page: other sites, schemes, API routes, unknown pages', () => {
    for (const value of [
      'https://evil.example/login',
      '//evil.example/login',
      'javascript:alert(1)',
      '/api/activation',
      '/dev/mailbox/messages',
      '/login/activate/extra',
      '/console/accounts/applications/abc/extra',
      'login',
      '',
    ]) {
      expect(isMailPath(value), value).toBe(false);
      expect(() => mailLinkUrl('http://127.0.0.1:5173', value)).toThrow();
    }
    expect(() => mailLinkUrl('javascript:alert(1)', '/login')).toThrow(/http/);
  });
});
