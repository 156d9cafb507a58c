import { readdir } from 'node:fs/promises';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../../scripts/services/smtp-sink.mjs';
import { getJson, occupyPort, tempDir } from './helpers';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sinkIn(dir: string, ports: { smtpPort?: number; httpPort?: number } = {}): Promise<SmtpSink> {
  const sink = await startSmtpSink({ smtpPort: ports.smtpPort ?? 0, httpPort: ports.httpPort ?? 0, storeDir: dir });
  cleanups.push(() => sink.stop());
  return sink;
}

async function newStore() {
  const store = await tempDir('smtp-sink-');
  cleanups.push(store.remove);
  return store.dir;
}

function send(sink: SmtpSink, mail: nodemailer.SendMailOptions) {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false });
  return transport
    .sendMail({ from: '臺南市政府公務入口網 <no-reply@mail.tainan.gov.tw>', ...mail })
    .finally(() => transport.close());
}

describe('SMTP sink', () => {
  it('keeps every message across a restart', async () => {
    const dir = await newStore();
    const first = await sinkIn(dir);
    const info = await send(first, { to: 'keep@example.tw', subject: '保存測試', text: '內容', html: '<p>內容</p>' });
    await first.stop();

    const second = await sinkIn(dir);
    const [message] = await getJson<SinkMessage[]>(`${second.url}/messages`);
    expect(message).toMatchObject({
      to: ['keep@example.tw'],
      subject: '保存測試',
      text: '內容',
      html: '<p>內容</p>',
      messageId: info.messageId,
    });
    expect(await getJson<SinkMessage>(`${second.url}/messages/${message!.id}`)).toMatchObject({
      id: message!.id,
      subject: '保存測試',
    });
    expect((await readdir(dir)).filter((n) => n.endsWith('.json'))).toEqual([
      expect.stringMatching(new RegExp(`^\\d{8}T\\d{9}Z-${message!.id}\\.json$`)),
    ]);
  });

  it('filters by recipient case-insensitively, newest first, Bcc included', async () => {
    const sink = await sinkIn(await newStore());
    await send(sink, { to: 'Alice@Example.TW', subject: 'one', text: '1' });
    await send(sink, { to: 'bob@example.tw', bcc: 'alice@example.tw', subject: 'two', text: '2' });
    await send(sink, { to: 'carol@example.tw', subject: 'three', text: '3' });

    const forAlice = await getJson<SinkMessage[]>(`${sink.url}/messages?to=ALICE%40example.tw`);
    expect(forAlice.map((m) => m.subject)).toEqual(['two', 'one']);
    expect((await getJson<SinkMessage[]>(`${sink.url}/messages`)).map((m) => m.subject)).toEqual(['three', 'two', 'one']);
    expect(await getJson<SinkMessage[]>(`${sink.url}/messages?to=nobody@example.tw`)).toEqual([]);
  });

  it('clears messages (and their files) on DELETE /messages', async () => {
    const dir = await newStore();
    const sink = await sinkIn(dir);
    await send(sink, { to: 'x@example.tw', subject: 's', text: 't' });
    expect(await getJson(`${sink.url}/messages`, { method: 'DELETE' })).toEqual({ ok: true });
    expect(await getJson(`${sink.url}/messages`)).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });

  it('serves the mailbox page, health, the sandboxed HTML body and 404s', async () => {
    const sink = await sinkIn(await newStore());
    await send(sink, { to: 'page@example.tw', subject: '頁面', text: 't', html: '<p>hi</p><script>alert(1)</script>' });
    const [message] = await getJson<SinkMessage[]>(`${sink.url}/messages`);

    const page = await fetch(`${sink.url}/`);
    expect(page.headers.get('content-type')).toContain('text/html');
    const pageHtml = await page.text();
    expect(pageHtml).toContain('開發用信箱');
    expect(pageHtml).toMatch(/<iframe[^>]*sandbox/);

    expect(await getJson(`${sink.url}/healthz`)).toEqual({ ok: true, messages: 1 });

    const body = await fetch(`${sink.url}/messages/${message!.id}/html`);
    expect(body.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(await body.text()).toContain('<p>hi</p>');

    expect((await fetch(`${sink.url}/messages/nope`)).status).toBe(404);
  });

  it('names the port when the SMTP or HTTP port is taken', async () => {
    const dir = await newStore();
    const taken = await occupyPort();
    cleanups.push(taken.release);
    await expect(startSmtpSink({ smtpPort: taken.port, httpPort: 0, storeDir: dir })).rejects.toThrow(
      new RegExp(`port ${taken.port} .*already in use`),
    );

    // HTTP port taken: the SMTP listener it had opened is closed again, so a retry can use it.
    const free = await sinkIn(dir);
    const smtpPort = free.smtpPort;
    await free.stop();
    await expect(startSmtpSink({ smtpPort, httpPort: taken.port, storeDir: dir })).rejects.toThrow(
      new RegExp(`HTTP.*port ${taken.port}`),
    );
    const again = await sinkIn(dir, { smtpPort });
    expect(again.smtpPort).toBe(smtpPort);
  });
});
