import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createMailActivities, createMailer } from '../../../activities/mail';
import { createMemoryOutboxStore } from '../../../infra/mail/outbox';
import { FOOTER_NOTICE, FOOTER_ORG, PORTAL_NAME } from '../../../infra/mail/templates';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../../scripts/services/smtp-sink.mjs';
import { closedPort, expectFailure, getJson, tempDir } from './helpers';

// Real nodemailer over TCP to the real SMTP sink, started here on free ports.
const FROM = '臺南市政府公務入口網 <no-reply@mail.tainan.gov.tw>';
const WEB_URL = 'https://portal.tainan.test';

let sink: SmtpSink;
let store: Awaited<ReturnType<typeof tempDir>>;

beforeAll(async () => {
  store = await tempDir('mail-send-');
  sink = await startSmtpSink({ smtpPort: 0, httpPort: 0, storeDir: store.dir });
});
afterAll(async () => {
  await sink?.stop();
  await store?.remove();
});
beforeEach(async () => {
  await fetch(`${sink.url}/messages`, { method: 'DELETE' });
});

const inbox = (to: string, at = sink) => getJson<SinkMessage[]>(`${at.url}/messages?to=${encodeURIComponent(to)}`);

function setup(port = sink.smtpPort) {
  const mailer = createMailer({ host: '127.0.0.1', port, from: FROM, connectionTimeoutMs: 2000 });
  const outbox = createMemoryOutboxStore();
  return { mailer, outbox, mail: createMailActivities({ mailer, outbox, webUrl: WEB_URL }) };
}

describe('sendMail', () => {
  it('delivers a message sent twice with the same key once', async () => {
    const { mail, outbox } = setup();
    const input = {
      key: 'account-application-1:approved',
      to: 'wang@example.tainan.gov.tw',
      template: 'applicationApproved',
      data: {
        name: '王小明',
        requestType: '帳號申請',
        requestId: 'A1130001',
        statusUrl: '/apply/account/status/A1130001?key=k1',
      },
    } as const;

    const first = await mail.sendMail(input);
    const second = await mail.sendMail(input);

    expect(first.status).toBe('sent');
    expect(second).toEqual({ status: 'already-sent', outboxId: first.outboxId, messageId: first.messageId });
    const messages = await inbox(input.to);
    expect(messages).toHaveLength(1);
    expect(messages[0]!.messageId).toBe(first.messageId);
    const [row] = outbox.all();
    expect(row).toMatchObject({ status: 'SENT', attempts: 1, providerMessageId: first.messageId, channel: 'EMAIL' });
    expect(row!.sentAt).toBeInstanceOf(Date);
  });

  it('sends HTML and text parts with the zh-TW subject intact', async () => {
    const { mail } = setup();
    await mail.sendMail({
      key: 'verify:1',
      to: 'chen@example.tainan.gov.tw',
      template: 'verificationCode',
      data: { code: '482913', minutes: 10, purpose: '電子郵件驗證' },
    });

    const [message] = await inbox('chen@example.tainan.gov.tw');
    expect(message!.subject).toBe(`【${PORTAL_NAME}】驗證碼通知`);
    expect(message!.fromName).toBe(PORTAL_NAME);
    expect(message!.from).toBe('no-reply@mail.tainan.gov.tw');
    expect(message!.text).toContain('482913');
    expect(message!.text).toContain('10 分鐘');
    expect(message!.text).toContain(FOOTER_NOTICE);
    expect(message!.text).toContain(FOOTER_ORG);
    expect(message!.html).toContain('<html lang="zh-Hant-TW">');
    expect(message!.html).toContain('482913');
    expect(message!.html).toContain(FOOTER_NOTICE);
    expect(message!.headers['auto-submitted']).toBe('auto-generated');

    // On the wire the subject is an RFC 2047 encoded-word (UTF-8), which decodes back to the same text.
    const raw = await (await fetch(`${sink.url}/messages/${message!.id}/raw`)).text();
    expect(raw).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/im);
    expect(raw).toMatch(/Content-Type: text\/plain; charset=utf-8/i);
    expect(raw).toMatch(/Content-Type: text\/html; charset=utf-8/i);
  });

  it('never returns the body or the one-time code', async () => {
    const { mail } = setup();
    const result = await mail.sendMail({
      key: 'verify:2',
      to: 'lin@example.tainan.gov.tw',
      template: 'verificationCode',
      data: { code: '775533', minutes: 5 },
    });
    expect(Object.keys(result).sort()).toEqual(['messageId', 'outboxId', 'status']);
    expect(JSON.stringify(result)).not.toContain('775533');
  });

  it('escapes caller data in the HTML part', async () => {
    const { mail } = setup();
    const reason = '<script>alert("x")</script> & <b>資料不全</b>';
    await mail.sendMail({
      key: 'reject:1',
      to: 'hsu@example.tainan.gov.tw',
      template: 'applicationRejected',
      data: { name: '許<img src=x onerror=alert(1)>', requestType: '帳號申請', reason },
    });
    const [message] = await inbox('hsu@example.tainan.gov.tw');
    expect(message!.html).not.toContain('<script>');
    expect(message!.html).not.toContain('<img src=x');
    expect(message!.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;資料不全&lt;/b&gt;');
    expect(message!.text).toContain(reason);
  });

  it('records a retryable failure while SMTP is down, then sends on the next attempt', async () => {
    const port = await closedPort();
    const { mail, outbox } = setup(port);
    const input = {
      key: 'activation:9',
      to: 'kao@example.tainan.gov.tw',
      template: 'accountActivationGuide',
      data: { name: '高美玲', account: 'kaoml', activationUrl: '/login/activate', expiresAt: '2025-03-01T08:30:00Z' },
    } as const;

    const failure = await expectFailure(mail.sendMail(input), { type: 'MailServerUnavailable', retryable: true });
    expect(failure.message).toContain('ECONNREFUSED');
    let [row] = outbox.all();
    expect(row).toMatchObject({ status: 'PENDING', attempts: 1, providerMessageId: null });
    expect(row!.lastError).toContain('ECONNREFUSED');

    // The sink comes up on that port; Temporal's retry runs the activity again.
    const store2 = await tempDir('mail-late-');
    const late = await startSmtpSink({ smtpPort: port, httpPort: 0, storeDir: store2.dir });
    try {
      const result = await mail.sendMail(input);
      expect(result.status).toBe('sent');
      [row] = outbox.all();
      expect(row).toMatchObject({ status: 'SENT', attempts: 2 });
      const messages = await inbox(input.to, late);
      expect(messages).toHaveLength(1);
      // Every attempt of one outbox row carries the same Message-ID.
      expect(messages[0]!.messageId).toBe(`<outbox.${row!.id}@mail.tainan.gov.tw>`);
      expect(messages[0]!.text).toContain(`${WEB_URL}/login/activate`);
      expect(messages[0]!.text).toContain('2025-03-01 16:30');
    } finally {
      await late.stop();
      await store2.remove();
    }
  });

  it('rejects an invalid address as non-retryable without touching the outbox', async () => {
    const { mail, outbox } = setup();
    await expectFailure(
      mail.sendMail({ key: 'bad:1', to: 'not-an-address', template: 'connectivityCheckTest', data: { checkedAt: new Date() } }),
      { type: 'InvalidEmailAddress', retryable: false },
    );
    await expectFailure(
      mail.sendMail({
        key: 'bad:2',
        to: 'a@b.tw\r\nBcc: evil@example.com',
        template: 'connectivityCheckTest',
        data: { checkedAt: new Date() },
      }),
      { type: 'InvalidEmailAddress', retryable: false },
    );
    expect(outbox.all()).toEqual([]);
  });

  it('rejects invalid template data as non-retryable without echoing the values', async () => {
    const { mail, outbox } = setup();
    const failure = await expectFailure(
      mail.sendMail({
        key: 'verify:bad',
        to: 'a@example.tainan.gov.tw',
        template: 'verificationCode',
        data: { code: '918273', minutes: 0 },
      }),
      { type: 'InvalidMailTemplateData', retryable: false },
    );
    expect(failure.message).toContain('minutes');
    expect(failure.message).not.toContain('918273');
    expect(outbox.all()).toEqual([]);
  });

  it('refuses to reuse a key for another recipient', async () => {
    const { mail } = setup();
    const data = { checkedAt: '2025-01-02T03:04:00Z', requestedBy: '系統管理員' };
    await mail.sendMail({ key: 'probe:1', to: 'ops@example.tainan.gov.tw', template: 'connectivityCheckTest', data });
    await expectFailure(
      mail.sendMail({ key: 'probe:1', to: 'other@example.tainan.gov.tw', template: 'connectivityCheckTest', data }),
      {
        type: 'OutboxKeyConflict',
        retryable: false,
      },
    );
    expect(await inbox('other@example.tainan.gov.tw')).toEqual([]);
  });

  it('sends once when two attempts with the same key run at the same time', async () => {
    const { mail, outbox } = setup();
    const input = {
      key: 'race:1',
      to: 'race@example.tainan.gov.tw',
      template: 'connectivityCheckTest',
      data: { checkedAt: new Date() },
    } as const;
    const results = await Promise.allSettled([mail.sendMail(input), mail.sendMail(input), mail.sendMail(input)]);

    expect(results.filter((r) => r.status === 'fulfilled' && r.value.status === 'sent')).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toMatchObject({ type: 'OutboxAttemptInProgress', nonRetryable: false });
    }
    expect(await inbox(input.to)).toHaveLength(1);
    expect(outbox.all()[0]).toMatchObject({ status: 'SENT', attempts: 1 });
  });
});

describe('mailPing / mailer.verify', () => {
  it('reports a reachable SMTP server', async () => {
    const { mail, mailer } = setup();
    const result = await mail.mailPing();
    expect(result.ok).toBe(true);
    expect(result.latencyMs).toBeGreaterThanOrEqual(0);
    await expect(mailer.verify()).resolves.toBeUndefined();
  });

  it('reports an unreachable SMTP server without throwing (verify throws for the probes)', async () => {
    const { mail, mailer } = setup(await closedPort());
    const result = await mail.mailPing();
    expect(result.ok).toBe(false);
    expect(result.error).toContain('ECONNREFUSED');
    await expect(mailer.verify()).rejects.toThrow(/ECONNREFUSED/);
  });
});
