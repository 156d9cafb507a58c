import { describe, expect, it } from 'vitest';
import { inAppPath, statusPath } from './links';

const ORIGIN = 'https://portal.tainan.gov.tw';

describe('status links', () => {
  it('keeps paths and turns same-origin addresses into paths', () => {
    expect(inAppPath('/apply/account/status/a1?key=k', ORIGIN)).toBe('/apply/account/status/a1?key=k');
    expect(inAppPath('https://portal.tainan.gov.tw/apply/account/status/a1?key=k#x', ORIGIN)).toBe(
      '/apply/account/status/a1?key=k#x',
    );
  });

  it('leaves other sites and odd values alone', () => {
    expect(inAppPath('https://evil.example/apply', ORIGIN)).toBeNull();
    expect(inAppPath('//evil.example/apply', ORIGIN)).toBeNull();
    expect(inAppPath('not a url', ORIGIN)).toBeNull();
  });

  it('builds the status path with an encoded key', () => {
    expect(statusPath('a1')).toBe('/apply/account/status/a1');
    expect(statusPath('a1', 'k+/=')).toBe('/apply/account/status/a1?key=k%2B%2F%3D');
  });
});
