import { describe, expect, it } from 'vitest';
import { parseUserAgent } from './user-agent';

const label = (ua: string) => parseUserAgent(ua).label;

describe('瀏覽器 column (User-Agent)', () => {
  it('names the common desktop browsers and systems', () => {
    expect(label('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36')).toBe(
      'Chrome 156 / Linux',
    );
    expect(
      label(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.56',
      ),
    ).toBe('Edge 126 / Windows');
    expect(label('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0')).toBe(
      'Firefox 127 / Windows',
    );
    expect(
      label(
        'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15',
      ),
    ).toBe('Safari 17 / macOS');
    expect(
      label(
        'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 OPR/106.0.0.0',
      ),
    ).toBe('Opera 106 / Windows');
    expect(label('Mozilla/5.0 (Windows NT 6.1; WOW64; Trident/7.0; rv:11.0) like Gecko')).toBe('Internet Explorer 11 / Windows');
  });

  it('names phones before the Linux or Mac they also mention', () => {
    expect(
      label(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Safari 17 / iOS');
    expect(
      label(
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1',
      ),
    ).toBe('Chrome 126 / iOS');
    expect(
      label(
        'Mozilla/5.0 (Linux; Android 14; SM-S918B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36',
      ),
    ).toBe('Samsung Internet 25 / Android');
  });

  it('recognises the headless browser of the tests and command-line callers', () => {
    expect(
      label('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/140.0.0.0 Safari/537.36'),
    ).toBe('Chrome (Headless) 140 / Linux');
    expect(label('curl/8.5.0')).toBe('curl 8 / 未知作業系統');
    expect(label('node')).toBe('Node.js / 未知作業系統');
  });

  it('says 未知 for a missing header and 未知瀏覽器 for one it cannot read', () => {
    expect(parseUserAgent(null)).toEqual({ browser: null, version: null, os: null, label: '未知' });
    expect(label('   ')).toBe('未知');
    expect(label('SomeBot/1.0 (Linux)')).toBe('未知瀏覽器 / Linux');
  });
});
