import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from './env-schema';

const key = Buffer.alloc(32, 7).toString('base64');

describe('parseEnv', () => {
  it('applies documented defaults and coerces numbers', () => {
    const env = parseEnv({ DATABASE_URL: 'postgresql://x@127.0.0.1/db', PORT: '3100' }, [
      'DATABASE_URL',
      'PORT',
      'TEMPORAL_NAMESPACE',
    ] as const);
    expect(env).toEqual({ DATABASE_URL: 'postgresql://x@127.0.0.1/db', PORT: 3100, TEMPORAL_NAMESPACE: 'portal' });
  });

  it('names every bad or missing variable and what is expected', () => {
    try {
      parseEnv({ DATABASE_URL: 'mysql://nope', PORT: '70000', DATA_KEY: 'c2hvcnQ=' }, [
        'DATABASE_URL',
        'PORT',
        'DATA_KEY',
        'AD_URL',
      ] as const);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      const message = (error as EnvError).message;
      expect(message).toContain('DATABASE_URL: 必須是 postgresql:// 連線字串');
      expect(message).toMatch(/PORT: .*65535/);
      expect(message).toContain('DATA_KEY: 必須是 base64 編碼的 32 位元組金鑰');
      expect(message).toMatch(/AD_URL: .*（未設定 \/ not set）/);
    }
  });

  it('treats empty strings as unset so defaults still apply', () => {
    expect(parseEnv({ TEMPORAL_ADDRESS: '' }, ['TEMPORAL_ADDRESS'] as const)).toEqual({ TEMPORAL_ADDRESS: '127.0.0.1:7233' });
  });

  it('accepts a valid key', () => {
    expect(parseEnv({ HASH_KEY: key }, ['HASH_KEY'] as const).HASH_KEY).toBe(key);
  });
});
