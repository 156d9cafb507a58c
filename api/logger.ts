import { pino, type Logger } from 'pino';

/** JSON logs; secrets are redacted wherever they might appear in a logged object. */
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
