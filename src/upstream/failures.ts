/** Transport failures (timeouts, refused or dropped connections, bad bodies) as JunctionErrors with safe messages. */
import { errors } from 'undici';
import { JunctionError, type Service } from '../errors.ts';

const NAMES: Record<Service, string> = { waldur: 'Waldur', orchestration: 'Orchestration API' };

export type TransportFailureKind = 'timeout' | 'connection' | 'other';

const TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);
const CONNECTION_REASONS: Record<string, string> = {
  ECONNREFUSED: 'connection refused', ECONNRESET: 'connection reset', EPIPE: 'connection reset',
  UND_ERR_SOCKET: 'connection closed', UND_ERR_CONNECT_TIMEOUT: 'connect timeout', ETIMEDOUT: 'connect timeout',
  ENOTFOUND: 'host not found', EAI_AGAIN: 'host not found', EHOSTUNREACH: 'host unreachable', ENETUNREACH: 'network unreachable',
  UND_ERR_CLOSED: 'client closed', UND_ERR_DESTROYED: 'client closed',
};

/** Returns the error code of a thrown transport error (also inside an AggregateError from dual-stack connects). */
function codeOf(error: unknown): string | undefined {
  const record = error as { code?: unknown; errors?: unknown[] } | undefined;
  if (typeof record?.code === 'string') return record.code;
  return Array.isArray(record?.errors) ? codeOf(record.errors[0]) : undefined;
}

/** Classifies a thrown undici/socket error: timeouts and connection failures count against the breaker. */
export function classifyTransportError(error: unknown): TransportFailureKind {
  const code = codeOf(error) ?? '';
  if (TIMEOUT_CODES.has(code)) return 'timeout';
  return code in CONNECTION_REASONS ? 'connection' : 'other';
}

/**
 * Whether a thrown error came from the exchange (undici, the socket, our deadline) rather than from the gateway's
 * own code (a body it could not serialise, a bug): only the former may be reported as the upstream's failure.
 */
export function isTransportError(error: unknown): boolean {
  return error instanceof errors.UndiciError || codeOf(error) !== undefined;
}

/** Whether an idempotent request may be sent again after this transport error (the request never got an answer). */
export function isRetryableTransportError(error: unknown): boolean {
  const code = codeOf(error) ?? '';
  return code in CONNECTION_REASONS && code !== 'UND_ERR_CLOSED' && code !== 'UND_ERR_DESTROYED';
}

/** Maps a thrown transport error to a JunctionError; writes that time out say their outcome is unknown. */
export function transportFailure(service: Service, method: string, error: unknown, timeoutMs: number): JunctionError {
  const name = NAMES[service];
  const kind = classifyTransportError(error);
  if (kind === 'timeout') {
    const write = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    const message = write
      ? `${name} did not answer in ${timeoutMs} ms; the change may or may not have been applied`
      : `${name} did not answer in ${timeoutMs} ms`;
    return new JunctionError('UPSTREAM_TIMEOUT', message, { service, retryable: !write, cause: error });
  }
  if (kind === 'connection') {
    const reason = CONNECTION_REASONS[codeOf(error) ?? ''];
    return new JunctionError('UPSTREAM_UNAVAILABLE', `${name} could not be reached (${reason}); try again later`,
      { service, retryable: true, cause: error });
  }
  return new JunctionError('UPSTREAM_ERROR', `The request to ${name} failed unexpectedly`, { service, cause: error });
}

/** The breaker is open: fail fast without calling the upstream. */
export function breakerOpen(service: Service): JunctionError {
  return new JunctionError('UPSTREAM_UNAVAILABLE', `${NAMES[service]} is failing; calls are paused for a moment (circuit breaker open)`,
    { service, retryable: true });
}

/** A 2xx answer whose body is not the JSON it should be. */
export function malformedBody(service: Service, status: number): JunctionError {
  return new JunctionError('UPSTREAM_ERROR', `${NAMES[service]} answered with a malformed body`, { service, status });
}

/** A target outside the upstream's origin: never send credentials there. */
export function foreignOrigin(service: Service): JunctionError {
  return new JunctionError('INTERNAL', `Refused to send a ${NAMES[service]} request to another origin`, { service });
}
