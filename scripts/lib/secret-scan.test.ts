import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { logOffsets, scanLogs, secretsInMessages } from './secret-scan.mjs';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secret-scan-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('the log scan npm test ends with', () => {
  it('finds a token, a code and a typed password as they would be logged, and only what the run appended', () => {
    const logs = tempDir();
    const token = 'Zy31xjr0zrLTlIqOEPbIGtkXJgUQeywr2D7I97_J1xA';
    fs.writeFileSync(path.join(logs, 'api.log'), `{"old":"${token}"}\n`);
    const offsets = logOffsets(logs);
    fs.appendFileSync(
      path.join(logs, 'api.log'),
      `{"time":1796642962412850694,"req":{"headers":{"x-identity-proof":"${token}"}},"msg":"code 850694"}\n`,
    );
    fs.writeFileSync(path.join(logs, 'worker.log'), 'password Tainan@2026 in a line; 1850694 and 8506940 are not codes\n');
    const result = scanLogs({
      logsDir: logs,
      offsets,
      secrets: [
        { kind: 'proof', value: token },
        { kind: 'mailed code', value: '850694' },
        { kind: 'demo password', value: 'Tainan@2026' },
        { kind: 'short', value: '12345' },
      ],
    });
    expect(result).toMatchObject({ values: 3, files: 2 });
    expect(
      result.hits.map((h: { kind: string; count: number; file: string }) => [h.kind, h.count, path.basename(h.file)]).sort(),
    ).toEqual([
      ['demo password', 1, 'worker.log'],
      ['mailed code', 1, 'api.log'],
      ['proof', 1, 'api.log'],
    ]);
    // Hits name the value only by its first characters.
    expect(JSON.stringify(result.hits)).not.toContain(token);
  });

  it('reads the codes, temporary passwords and status keys the simulators received since the run began', () => {
    const mail = tempDir();
    const sms = tempDir();
    fs.writeFileSync(
      path.join(mail, 'a.json'),
      JSON.stringify({ subject: '【臺南市政府公務入口網】驗證碼通知', text: '您的驗證碼為 123456，2026-12-07 有效', html: '' }),
    );
    fs.writeFileSync(
      path.join(mail, 'b.json'),
      JSON.stringify({
        subject: '臨時密碼',
        text: '您的臨時密碼為：\n\n  Ab3dEf7hJk9m\n',
        html: '<a href="/apply/account/status/x?key=k3y_Value-123">',
      }),
    );
    fs.writeFileSync(path.join(sms, 'c.json'), JSON.stringify({ body: '您的忘記密碼簡訊驗證碼為 654321，10 分鐘內有效。' }));
    const found = secretsInMessages({ mailDir: mail, smsDir: sms, since: 0 });
    expect(found).toEqual(
      expect.arrayContaining([
        { kind: 'mailed code', value: '123456' },
        { kind: 'mailed temporary password', value: 'Ab3dEf7hJk9m' },
        { kind: 'mailed status key', value: 'k3y_Value-123' },
        { kind: 'SMS code', value: '654321' },
      ]),
    );
    expect(found.some((f: { value: string }) => f.value === '2026')).toBe(false);
    expect(secretsInMessages({ mailDir: mail, smsDir: sms, since: Date.now() + 60_000 })).toEqual([]);
  });
});
