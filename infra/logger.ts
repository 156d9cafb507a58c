import { pino, type Logger } from 'pino';

/**
 * JSON logs. Requests are logged from an allowlist (api/request-log.ts); this redaction is the second
 * line for objects code logs itself.
 */
export function createLogger(level: string, name: string): Logger {
  return pino({
    name,
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        'newPassword',
        '*.newPassword',
        'verificationCode',
        '*.verificationCode',
        'token',
        '*.token',
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        'nationalId',
        '*.nationalId',
      ],
      censor: '[redacted]',
    },
  });
}
