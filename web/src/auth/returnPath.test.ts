import { describe, expect, it } from 'vitest';
import { safeReturnPath } from './returnPath';

describe('return path after login', () => {
  it('returns to the page that asked for the login', () => {
    expect(safeReturnPath({ from: '/console/ad-sync?run=1' })).toBe('/console/ad-sync?run=1');
  });

  it('goes to 內容主頁 otherwise', () => {
    expect(safeReturnPath(null)).toBe('/home');
    expect(safeReturnPath({})).toBe('/home');
  });

  it('never leaves the site', () => {
    expect(safeReturnPath({ from: '//evil.example/x' })).toBe('/home');
    expect(safeReturnPath({ from: '/\\evil.example' })).toBe('/home');
    expect(safeReturnPath({ from: 'https://evil.example' })).toBe('/home');
  });
});
