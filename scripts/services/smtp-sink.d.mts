// Types for smtp-sink.mjs, so TypeScript tests and tools can import it.

export interface SinkMessage {
  id: string;
  from: string;
  fromName: string;
  /** Envelope recipients (Bcc included). */
  to: string[];
  headerTo: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  date: string;
  receivedAt: string;
  messageId: string;
  headers: Record<string, string>;
  envelope: { mailFrom: string; rcptTo: string[] };
  attachments: { filename: string; contentType: string; size: number }[];
  size: number;
}

export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  /** http://127.0.0.1:<httpPort> */
  url: string;
  stop(): Promise<void>;
}

export function startSmtpSink(options: {
  smtpPort: number;
  httpPort: number;
  storeDir: string;
  host?: string;
  log?: (message: string) => void;
}): Promise<SmtpSink>;
