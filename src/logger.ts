import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/** A pino logger that can never print credentials, whatever object a caller logs. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino({
    level,
    redact: {
      paths: ['authorization', '*.authorization', '*.headers.authorization', 'token', '*.token', 'access_token', '*.access_token',
        'refresh_token', '*.refresh_token', 'client_secret', '*.client_secret', '*["x-orchestration-authorization"]'],
      censor: '[redacted]',
    },
  }, destination);
}

const warned = new Set<string>();

/** Logs a warning the first time `key` is seen in this process (e.g. one unknown enum value, not one per row). */
export function warnOnce(logger: Pick<Logger, 'warn'>, key: string, details: object, message: string): void {
  if (warned.has(key) || warned.size >= 10_000) return;
  warned.add(key);
  logger.warn(details, message);
}
