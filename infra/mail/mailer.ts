import nodemailer from 'nodemailer';
import addressparser from 'nodemailer/lib/addressparser';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export interface MailerOptions {
  host: string;
  port: number;
  /** The From header, e.g. `臺南市政府公務入口網 <no-reply@mail.tainan.gov.tw>`. */
  from: string;
  /** Implicit TLS (port 465). Otherwise STARTTLS is used when the server offers it. */
  secure?: boolean;
  /** Refuse to send without STARTTLS (the city relay); off for the loopback sink. */
  requireTLS?: boolean;
  auth?: { user: string; pass: string };
  /** Bounds for one attempt; Temporal's activity timeout must be larger than their sum. */
  connectionTimeoutMs?: number;
  socketTimeoutMs?: number;
}

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html?: string | null;
  /** Message-ID without angle brackets' worries: `local@domain`. A retry that reuses it is recognisably the same mail. */
  messageId?: string;
}

export interface SentMail {
  messageId: string;
  /** The server's final reply, e.g. `250 Message queued as …`. */
  response: string;
  accepted: string[];
  rejected: string[];
}

export interface Mailer {
  readonly from: string;
  /** Domain for generated Message-IDs: the From address's domain. */
  readonly domain: string;
  send(mail: OutgoingMail): Promise<SentMail>;
  /** Connects, says EHLO (and authenticates when configured), then quits. Throws when the server is unreachable. */
  verify(): Promise<void>;
  close(): void;
}

const addressText = (a: string | { address: string }) => (typeof a === 'string' ? a : a.address);

/** nodemailer over SMTP: the city's relay in production, the SMTP sink in development and tests. */
export function createMailer(options: MailerOptions): Mailer {
  const [parsedFrom] = addressparser(options.from, { flatten: true });
  const fromAddress = parsedFrom?.address ?? '';
  const domain = fromAddress.split('@')[1];
  if (!domain) throw new Error(`SMTP_FROM "${options.from}" has no e-mail address`);

  const transportOptions: SMTPTransport.Options = {
    host: options.host,
    port: options.port,
    secure: options.secure ?? false,
    requireTLS: options.requireTLS ?? false,
    auth: options.auth,
    // nodemailer's defaults (2 min to connect, 10 min idle) would outlive an activity's timeout.
    connectionTimeout: options.connectionTimeoutMs ?? 10_000,
    greetingTimeout: options.connectionTimeoutMs ?? 10_000,
    socketTimeout: options.socketTimeoutMs ?? 30_000,
    // Not logged: the log would contain message bodies (one-time codes).
    logger: false,
    debug: false,
  };
  const transporter = nodemailer.createTransport(transportOptions);

  return {
    from: options.from,
    domain,
    async send(mail) {
      const info = await transporter.sendMail({
        from: options.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html ?? undefined,
        messageId: mail.messageId ? `<${mail.messageId}>` : undefined,
        headers: {
          // RFC 3834: automatic mail; asks auto-responders (out-of-office) not to answer the no-reply address.
          'Auto-Submitted': 'auto-generated',
          'X-Auto-Response-Suppress': 'All',
        },
      });
      return {
        messageId: info.messageId,
        response: info.response,
        accepted: info.accepted.map(addressText),
        rejected: info.rejected.map(addressText),
      };
    },
    async verify() {
      await transporter.verify();
    },
    close() {
      transporter.close();
    },
  };
}
