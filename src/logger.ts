import { pino, type Logger } from 'pino';

export type { Logger };

/** A pino logger that can never print credentials, whatever object a caller logs. */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['authorization', '*.authorization', '*.headers.authorization', 'token', '*.token', 'access_token', '*.access_token',
        'refresh_token', '*.refresh_token', 'client_secret', '*.client_secret', '*["x-orchestration-authorization"]'],
      censor: '[redacted]',
    },
  });
}
