// Issue 10 item 2, each defect the outside tester found, against the running API: a malformed body is
// a zh-TW 4xx that changes nothing, never 500 INTERNAL. (hostile-input.test.ts probes every route.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { e2e } from '../../support/env';
import { apiSession } from '../../support/http';
import { testPrisma } from '../db/helpers';

const prisma = testPrisma();
let user: ReturnType<typeof apiSession>;

beforeAll(async () => {
  user = apiSession();
  expect((await user.login(e2e.user())).status).toBe(200);
});
afterAll(() => prisma.$disconnect());

async function send(path: string, body: string, headers: Record<string, string>, cookie = user.jar.header()) {
  const response = await fetch(new URL(path, e2e.baseUrl()), {
    method: 'POST',
    headers: { cookie, ...headers },
    body,
    redirect: 'manual',
  });
  const text = await response.text();
  return { status: response.status, text, body: text.startsWith('{') ? JSON.parse(text) : null };
}
const CJK = /[\u3400-\u9fff]/;

describe('malformed input on the running API', () => {
  it('answers a JSON body over the limit with 413 in zh-TW', async () => {
    const answer = await send('/api/account/agency-change', JSON.stringify({ reason: 'x'.repeat(2 * 1024 * 1024) }), {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error).toEqual({ code: 'PAYLOAD_TOO_LARGE', message: '送出的資料過大，請減少內容後再試。' });
  });

  it('refuses NUL and unpaired surrogates in any field (and key) with 400 naming the field; nothing is written', async () => {
    const before = await prisma.request.count({ where: { type: 'AGENCY_CHANGE', applicantAccount: e2e.user() } });
    for (const raw of [
      '{"organizationCode": "A\\u0000", "reason": "x"}',
      '{"organizationCode": "\\ud800", "reason": "x"}',
      '{"organizationCode": "A", "reason": "x", "extra": {"\\u0000": 1}}',
    ]) {
      const answer = await send('/api/account/agency-change', raw, { 'content-type': 'application/json' });
      expect(answer.status, raw).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION_FAILED');
      expect(Object.values(answer.body.error.fields)).toContain('含有不允許的控制字元');
    }
    expect(await prisma.request.count({ where: { type: 'AGENCY_CHANGE', applicantAccount: e2e.user() } })).toBe(before);
  });

  it('answers an unsupported charset or content encoding with 415, an unknown content type on a JSON route with 415', async () => {
    const charset = await send('/api/account/agency-change', '{"reason":"x"}', {
      'content-type': 'application/json; charset=ebcdic',
    });
    expect(charset.status).toBe(415);
    expect(charset.body.error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', message: '不支援此字元編碼，請以 UTF-8 送出。' });
    const encoding = await send('/api/account/agency-change', '{"reason":"x"}', {
      'content-type': 'application/json',
      'content-encoding': 'x-unknown',
    });
    expect(encoding.status).toBe(415);
    const gzip = await send('/api/account/agency-change', 'not gzip', {
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    });
    expect(gzip.status).toBe(400);
    expect(gzip.body.error.message).toMatch(CJK);
    const text = await send('/api/account/agency-change', 'reason=x', { 'content-type': 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers a form over 16 KB on the development 轉登 route with 413', async () => {
    const answer = await send('/dev/integrations/redirect-login-demo', `ssoAssertion=${'x'.repeat(17 * 1024)}`, {
      'content-type': 'application/x-www-form-urlencoded',
    });
    expect(answer.status).toBe(413);
    expect(answer.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers a path parameter that does not decode with 400, not 500', async () => {
    const answer = await send('/api/console/accounts/%E0%A4%A/disable', '{}', { 'content-type': 'application/json' });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toMatch(CJK);
  });

  it('never answers with zod’s English: a number where text belongs is named in zh-TW', async () => {
    const answer = await send('/api/account/agency-change', '{"organizationCode": "A", "reason": 7}', {
      'content-type': 'application/json',
    });
    expect(answer.status).toBe(400);
    expect(answer.text).not.toMatch(/Invalid input|expected \w+, received/);
    for (const message of Object.values(answer.body.error.fields as Record<string, string>)) expect(message).toMatch(CJK);
  });
});
