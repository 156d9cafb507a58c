import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMemoryOutboxStore, type OutboxStore } from '../../../infra/mail/outbox';
import { createMitakeClient, createSmsActivities, MitakeError, normaliseTaiwanMobile } from '../../../activities/sms';
import {
  startMitakeSimulator,
  type MitakeFailMode,
  type MitakeSimulator,
  type SimulatedSms,
} from '../../../scripts/services/mitake-sim.mjs';
import { expectFailure, getJson, tempDir } from '../mail/helpers';

// The real adapter over HTTP against the simulator, started here on a free port.
const USERNAME = 'tainan-portal';
const PASSWORD = 'sim-secret-Pa55';

let sim: MitakeSimulator;
let store: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  store = await tempDir('mitake-');
  sim = await startMitakeSimulator({ port: 0, storeDir: store.dir, username: USERNAME, password: PASSWORD });
});
afterAll(async () => {
  await sim?.stop();
  await store?.remove();
});
beforeEach(async () => {
  await failMode('none');
  await fetch(`${sim.url}/messages`, { method: 'DELETE' });
});

const failMode = (mode: MitakeFailMode) =>
  getJson(`${sim.url}/__control`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ failMode: mode }),
  });
const received = (to: string, at = sim) => getJson<SimulatedSms[]>(`${at.url}/messages?to=${to}`);

function setup(options: { password?: string; timeoutMs?: number; outbox?: OutboxStore } = {}) {
  const mitake = createMitakeClient({
    url: sim.url,
    username: USERNAME,
    password: options.password ?? PASSWORD,
    timeoutMs: options.timeoutMs ?? 5000,
  });
  const outbox = createMemoryOutboxStore();
  return { mitake, outbox, sms: createSmsActivities({ mitake, outbox: options.outbox ?? outbox }) };
}

describe('sendSms', () => {
  it('sends once per key', async () => {
    const { sms, outbox } = setup();
    const input = { key: 'otp:42', to: '0912345678', body: '【臺南市政府】您的驗證碼為 123456，10 分鐘內有效。' };

    const first = await sms.sendSms(input);
    const second = await sms.sendSms(input);

    expect(first.status).toBe('sent');
    expect(second).toEqual({ status: 'already-sent', outboxId: first.outboxId, messageId: first.messageId });
    const messages = await received('0912345678');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ id: first.messageId, body: input.body, clientid: first.outboxId });
    expect(outbox.all()[0]).toMatchObject({
      channel: 'SMS',
      status: 'SENT',
      attempts: 1,
      providerMessageId: first.messageId,
      subject: null,
    });
    expect(JSON.stringify(first)).not.toContain('123456');
  });

  it('keeps Chinese text and line breaks intact and normalises the number', async () => {
    const { sms } = setup();
    const body = '臺南市政府公務入口網\n您的申請已核准。';
    await sms.sendSms({ key: 'notice:1', to: '+886 912-000-111', body });
    const [message] = await received('0912000111');
    expect(message!.body).toBe(body);
    expect(message!.to).toBe('0912000111');
  });

  it('does not send twice when the process died between sending and recording it', async () => {
    // markSent fails once, as if the worker crashed after Mitake accepted the message.
    const real = createMemoryOutboxStore();
    let crash = true;
    const flaky: OutboxStore = {
      ...real,
      async markSent(key, result) {
        if (crash) {
          crash = false;
          throw new Error('worker lost');
        }
        return real.markSent(key, result);
      },
    };
    const { sms } = setup({ outbox: flaky });
    const input = { key: 'otp:crash', to: '0933111222', body: '驗證碼 999000' };

    await expect(sms.sendSms(input)).rejects.toThrow('worker lost');
    const retried = await sms.sendSms(input);

    // Mitake recognised the clientid (Duplicate=Y) and answered with the first msgid.
    expect(retried.status).toBe('sent');
    const messages = await received('0933111222');
    expect(messages).toHaveLength(1);
    expect(retried.messageId).toBe(messages[0]!.id);
    expect(real.all()[0]).toMatchObject({ status: 'SENT', attempts: 2 });
  });

  it('treats rejected credentials as non-retryable and marks the row FAILED', async () => {
    const { sms, outbox } = setup({ password: 'wrong-password' });
    const failure = await expectFailure(sms.sendSms({ key: 'auth:1', to: '0912345678', body: 'x' }), {
      type: 'SmsAuthFailed',
      retryable: false,
    });
    expect(failure.message).toContain('statuscode=e');
    expect(failure.message).toContain('帳號、密碼錯誤');
    expect(failure.message).not.toContain('wrong-password');
    expect(outbox.all()[0]).toMatchObject({ status: 'FAILED', attempts: 1 });
    expect(outbox.all()[0]!.lastError).toContain('SmsAuthFailed');

    // The simulator's auth switch and the IP whitelist error (k) behave the same way.
    await failMode('auth');
    await expectFailure(setup().sms.sendSms({ key: 'auth:2', to: '0912345678', body: 'x' }), {
      type: 'SmsAuthFailed',
      retryable: false,
    });
    await failMode('ipBlocked');
    await expectFailure(setup().sms.sendSms({ key: 'auth:3', to: '0912345678', body: 'x' }), {
      type: 'SmsAuthFailed',
      retryable: false,
    });
    expect(await received('0912345678')).toEqual([]);
  });

  it('treats HTTP 5xx as retryable, then sends when Mitake is back', async () => {
    const { sms, outbox } = setup();
    const input = { key: 'down:1', to: '0922333444', body: '測試' };
    await failMode('down5xx');
    const failure = await expectFailure(sms.sendSms(input), { type: 'SmsProviderUnavailable', retryable: true });
    expect(failure.message).toContain('HTTP 503');
    expect(outbox.all()[0]).toMatchObject({ status: 'PENDING', attempts: 1 });

    await failMode('none');
    expect((await sms.sendSms(input)).status).toBe('sent');
    expect(outbox.all()[0]).toMatchObject({ status: 'SENT', attempts: 2 });
    expect(await received('0922333444')).toHaveLength(1);
  });

  it('treats a timeout as retryable', async () => {
    const { sms } = setup({ timeoutMs: 300 });
    await failMode('timeout');
    const failure = await expectFailure(sms.sendSms({ key: 'slow:1', to: '0922333444', body: '測試' }), {
      type: 'SmsProviderUnavailable',
      retryable: true,
    });
    expect(failure.message).toContain('0.3 秒內沒有回應');
  });

  it('rejects invalid numbers and empty bodies before calling Mitake', async () => {
    const { sms, outbox } = setup();
    await expectFailure(sms.sendSms({ key: 'bad:1', to: '02-2345-6789', body: 'x' }), {
      type: 'InvalidMobileNumber',
      retryable: false,
    });
    await expectFailure(sms.sendSms({ key: 'bad:2', to: '0912345678', body: '  ' }), {
      type: 'InvalidSmsRequest',
      retryable: false,
    });
    expect(outbox.all()).toEqual([]);
    expect(normaliseTaiwanMobile('0912 345 678')).toBe('0912345678');
    expect(normaliseTaiwanMobile('886912345678')).toBe('0912345678');
    expect(normaliseTaiwanMobile('091234567')).toBeNull();
  });

  it('treats an exhausted balance (statuscode s) as non-retryable', async () => {
    const { sms } = setup();
    await getJson(`${sim.url}/__control`, { method: 'POST', body: JSON.stringify({ accountPoint: 0 }) });
    try {
      await expectFailure(sms.sendSms({ key: 'poor:1', to: '0912345678', body: 'x' }), {
        type: 'SmsAccountError',
        retryable: false,
      });
    } finally {
      await getJson(`${sim.url}/__control`, { method: 'POST', body: JSON.stringify({ accountPoint: 10000 }) });
    }
  });
});

describe('Mitake client and simulator', () => {
  it('de-duplicates by clientid at the protocol level (Duplicate=Y)', async () => {
    const { mitake } = setup();
    const a = await mitake.send({ to: '0955000111', body: 'hello', clientId: 'client-dup-1' });
    const b = await mitake.send({ to: '0955000111', body: 'hello again', clientId: 'client-dup-1' });
    expect(a).toMatchObject({ statuscode: '1', duplicate: false });
    expect(b).toEqual({ ...a, duplicate: true });
    expect(await received('0955000111')).toHaveLength(1);
  });

  it('keeps messages and the clientid window across a restart', async () => {
    const dir = await tempDir('mitake-restart-');
    try {
      let other = await startMitakeSimulator({ port: 0, storeDir: dir.dir, username: 'u', password: 'p' });
      const client = () => createMitakeClient({ url: other.url, username: 'u', password: 'p' });
      const first = await client().send({ to: '0966000111', body: 'persist', clientId: 'persist-1' });
      await other.stop();

      other = await startMitakeSimulator({ port: 0, storeDir: dir.dir, username: 'u', password: 'p' });
      try {
        expect(await client().send({ to: '0966000111', body: 'persist', clientId: 'persist-1' })).toEqual({
          ...first,
          duplicate: true,
        });
        const next = await client().send({ to: '0966000111', body: 'next', clientId: 'persist-2' });
        expect(Number(next.msgid)).toBeGreaterThan(Number(first.msgid));
        expect((await received('0966000111', other)).map((m) => m.body)).toEqual(['next', 'persist']);
        expect(next.accountPoint).toBe(first.accountPoint! - 1);
      } finally {
        await other.stop();
      }
    } finally {
      await dir.remove();
    }
  });

  it('ping returns the point balance, and throws typed errors', async () => {
    const { mitake, sms } = setup();
    const { accountPoint } = await mitake.ping();
    await mitake.send({ to: '0912345678', body: 'x', clientId: 'ping-1' });
    expect((await mitake.ping()).accountPoint).toBe(accountPoint - 1);
    expect(await sms.smsPing()).toMatchObject({ ok: true, accountPoint: accountPoint - 1 });

    await expect(setup({ password: 'nope' }).mitake.ping()).rejects.toMatchObject({
      kind: 'auth',
      statuscode: 'e',
      retryable: false,
    });
    await failMode('down5xx');
    await expect(mitake.ping()).rejects.toBeInstanceOf(MitakeError);
    expect(await sms.smsPing()).toMatchObject({ ok: false, error: expect.stringContaining('HTTP 503') });
  });

  it('answers in Big5 and reads smbody as Big5 when CharsetURL is missing, like Mitake', async () => {
    // "測試" in Big5 is B4 FA B8 D5.
    const form = `username=${USERNAME}&password=${encodeURIComponent(PASSWORD)}&dstaddr=0977000111&smbody=%B4%FA%B8%D5`;
    const ok = await fetch(`${sim.url}/api/mtk/SmSend`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    });
    expect(ok.headers.get('content-type')).toMatch(/charset=big5/i);
    expect((await received('0977000111'))[0]!.body).toBe('測試');

    const bad = await fetch(`${sim.url}/api/mtk/SmSend?CharsetURL=UTF-8`, { method: 'POST', body: 'username=x&password=y' });
    const bytes = new Uint8Array(await bad.arrayBuffer());
    expect(new TextDecoder('big5').decode(bytes)).toBe('statuscode=e\r\nError=帳號、密碼錯誤\r\n');
  });

  it('reports message status through SmQuery', async () => {
    const { mitake } = setup();
    const { msgid } = await mitake.send({ to: '0912345678', body: 'status', clientId: 'status-1' });
    const response = await fetch(`${sim.url}/api/mtk/SmQuery`, {
      method: 'POST',
      body: `username=${USERNAME}&password=${encodeURIComponent(PASSWORD)}&msgid=${msgid},9999999999`,
    });
    const lines = new TextDecoder('big5').decode(await response.arrayBuffer()).split('\r\n');
    expect(lines[0]).toMatch(new RegExp(`^${msgid}\\t[14]\\t\\d{14}$`));
    expect(lines.slice(1)).toEqual(['9999999999\t*\t', '']);
  });

  it("reads delivery states with the adapter's status(): on the carrier, then on the handset; unknown ids as *", async () => {
    const { mitake } = setup();
    const { msgid } = await mitake.send({ to: '0912345678', body: 'status', clientId: 'status-2' });
    const [first] = await mitake.status([msgid]);
    expect(first).toMatchObject({ msgid, statuscode: '1' });
    expect(first!.statusTime).toBeInstanceOf(Date);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const states = await mitake.status([msgid, '9999999999']);
    expect(states.map((s) => [s.msgid, s.statuscode])).toEqual([
      [msgid, '4'],
      ['9999999999', '*'],
    ]);
    await expect(setup({ password: 'nope' }).mitake.status([msgid])).rejects.toMatchObject({ kind: 'auth', statuscode: 'e' });
  });
});
