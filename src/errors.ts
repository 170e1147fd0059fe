import { GraphQLError } from 'graphql';

/** The only codes a client ever sees in `extensions.code`. */
export type ErrorCode =
  | 'UNAUTHENTICATED' | 'FORBIDDEN' | 'NOT_FOUND' | 'BAD_USER_INPUT' | 'CONFLICT' | 'RATE_LIMITED'
  | 'UPSTREAM_TIMEOUT' | 'UPSTREAM_UNAVAILABLE' | 'UPSTREAM_ERROR' | 'NOT_SUPPORTED' | 'INTERNAL';

export type Service = 'waldur' | 'orchestration';

/** One problem with one input field; `publicMessage` replaces an upstream free text outside development. */
export interface FieldError { field: string; message: string; publicMessage?: string }

interface JunctionErrorOptions {
  service?: Service;
  status?: number;
  retryable?: boolean;
  fieldErrors?: FieldError[];
  validStates?: string[];
  requestId?: string;
  retryAfterSeconds?: number;
  /** What a client sees instead of `message` outside development (the message quotes an upstream's free text). */
  publicMessage?: string;
  cause?: unknown;
}

/** A failure with a client-facing code and a message that is safe to show in production. */
export class JunctionError extends Error {
  readonly service?: Service;
  readonly status?: number;
  readonly retryable: boolean;
  readonly fieldErrors?: FieldError[];
  readonly validStates?: string[];
  readonly requestId?: string;
  readonly retryAfterSeconds?: number;
  readonly publicMessage?: string;

  constructor(readonly code: ErrorCode, message: string, options: JunctionErrorOptions = {}) {
    super(message, { cause: options.cause });
    this.name = 'JunctionError';
    this.service = options.service;
    this.status = options.status;
    this.retryable = options.retryable ?? false;
    this.fieldErrors = options.fieldErrors;
    this.validStates = options.validStates;
    this.requestId = options.requestId;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.publicMessage = options.publicMessage;
  }
}

/** Shorthand for input Junction rejects itself, before any upstream call. */
export function badInput(message: string, fieldErrors?: FieldError[]): JunctionError {
  return new JunctionError('BAD_USER_INPUT', message, { fieldErrors });
}

const STATUS_CODES: Record<number, ErrorCode> = {
  400: 'BAD_USER_INPUT', 401: 'UNAUTHENTICATED', 403: 'FORBIDDEN', 404: 'NOT_FOUND', 405: 'CONFLICT',
  409: 'CONFLICT', 412: 'CONFLICT', 422: 'BAD_USER_INPUT', 429: 'RATE_LIMITED', 504: 'UPSTREAM_TIMEOUT',
};

const SERVICE_NAMES: Record<Service, string> = { waldur: 'Waldur', orchestration: 'Orchestration API' };

/**
 * Maps an upstream HTTP failure (any body: Waldur's three 400 shapes, {detail}, HTML, IMS {message}) to a JunctionError.
 * `route` (ids replaced by `{id}`) names the operation in a NOT_SUPPORTED message.
 */
export function upstreamFailure(service: Service, status: number, bodyText: string, retryAfter?: string | null, route?: string): JunctionError {
  const body = parseJson(bodyText);
  if (service === 'waldur' && status === 404 && isMissingRoute(bodyText, body)) {
    return new JunctionError('NOT_SUPPORTED', `This Waldur does not have ${route ?? 'this operation'} (its URL router answered 404): not supported by this Waldur version`, { service, status });
  }
  const code = STATUS_CODES[status] ?? (status >= 500 ? (status === 502 || status === 503 ? 'UPSTREAM_UNAVAILABLE' : 'UPSTREAM_ERROR') : 'UPSTREAM_ERROR');
  const fieldErrors = status === 400 || status === 422 ? fieldErrorsOf(body) : undefined;
  const detail = detailOf(body);
  const validStates = /Valid states for operation: (.*?)\.?$/.exec(detail ?? '')?.[1]?.split(',').map((s) => s.trim()).filter(Boolean);
  const retryAfterSeconds = retryAfter && /^\d+$/.test(retryAfter) ? Number(retryAfter) : undefined;
  const name = SERVICE_NAMES[service];
  const message = status >= 500
    ? `${name} failed to answer (HTTP ${status}); try again later`
    : detail ?? (fieldErrors?.length ? `${name} rejected the input: ${fieldErrors.map((f) => `${f.field}: ${f.message}`).join('; ')}` : `${name} answered HTTP ${status}`);
  const publicMessage = status < 500 && detail !== undefined && !SAFE_DETAILS.some((safe) => safe.test(detail))
    ? `${name} refused the request (HTTP ${status})` : undefined;
  return new JunctionError(code, message, {
    service, status, fieldErrors, validStates, retryAfterSeconds, publicMessage,
    retryable: status === 429 || status >= 500,
    requestId: typeof (body as { request_id?: unknown })?.request_id === 'string' ? (body as { request_id: string }).request_id : undefined,
  });
}

/**
 * Upstream texts a client may read in production: DRF's standard messages (rest_framework/exceptions.py,
 * authentication.py, Waldur's TokenAuthentication) and Waldur's state-transition refusal. Field validation messages
 * (`{field: [message]}`) always pass, in `fieldErrors`: they tell a client what to fix. Any other free text (a
 * `detail` or IMS `message` of unknown content may quote paths, hosts or secrets) is replaced outside development.
 */
const SAFE_DETAILS = [
  /^Authentication credentials were not provided\.$/, /^Incorrect authentication credentials\.$/, /^Invalid token\.$/,
  /^Invalid token header\. [\w ,.]{0,80}$/, /^Token has expired\.$/, /^User inactive or deleted\.$/,
  /^You do not have permission to perform this action\.$/, /^Not found\.$/, /^No \w{1,64} matches the given query\.$/,
  /^Method "[A-Z]{1,10}" not allowed\.$/, /^Request was throttled\.( Expected available in \d+ seconds?\.)?$/,
  /^Valid states for operation: [\w ,-]{0,300}\.?$/,
];

/**
 * Waldur's 404 for a missing object is DRF's JSON `{"detail": "No … matches the given query."}` or an empty body
 * (`Response(status=404)`, e.g. `details/` without a backend object). A URL no route matches never reaches DRF:
 * Django's resolver answers its HTML "Not Found" page. So a non-empty body that is not JSON is a missing route.
 */
function isMissingRoute(text: string, body: unknown): boolean {
  return text.trim() !== '' && body === undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function detailOf(body: unknown): string | undefined {
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const record = body as Record<string, unknown>;
    // `error_message`: Waldur's move_resource answers 409 `{"error_message": …}` instead of `{"detail": …}`.
    for (const key of ['detail', 'message', 'error_description', 'error_message']) if (typeof record[key] === 'string') return record[key] as string;
  }
  return undefined;
}

/** Waldur 400s come as {field: [msg]}, {non_field_errors: [msg]} or a bare [msg]; all become field errors. */
function fieldErrorsOf(body: unknown): FieldError[] | undefined {
  if (Array.isArray(body)) return body.map((message) => ({ field: '_', message: String(message) }));
  if (!body || typeof body !== 'object') return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.message === 'string' || typeof record.detail === 'string') return undefined;
  const errors: FieldError[] = [];
  for (const [field, value] of Object.entries(record)) {
    const messages = Array.isArray(value) ? value : [value];
    for (const message of messages) {
      errors.push({ field: field === 'non_field_errors' ? '_' : field, message: typeof message === 'string' ? message : JSON.stringify(message) });
    }
  }
  return errors.length ? errors : undefined;
}

/** The one mapping to what a client sees; internals are masked unless `exposeInternals`. */
export function toGraphQLError(error: unknown, exposeInternals: boolean): GraphQLError {
  if (error instanceof GraphQLError && error.extensions?.code) return error;
  const original = error instanceof GraphQLError ? error.originalError ?? error : error;
  // Keep where the error happened (path, locations) from the GraphQLError that wrapped the original.
  const where = error instanceof GraphQLError ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
  if (original instanceof JunctionError) {
    return new GraphQLError(!exposeInternals && original.publicMessage ? original.publicMessage : original.message, {
      ...where,
      extensions: {
        code: original.code,
        ...(original.service && { service: original.service }),
        // Yoga reserves `extensions.http` for the status of our own response, so the upstream's is `upstreamStatus`.
        ...(original.status !== undefined && { upstreamStatus: original.status }),
        retryable: original.retryable,
        ...(original.fieldErrors && { fieldErrors: original.fieldErrors }),
        ...(original.validStates && { validStates: original.validStates }),
        ...(original.requestId && { requestId: original.requestId }),
        ...(original.retryAfterSeconds !== undefined && { retryAfterSeconds: original.retryAfterSeconds }),
      },
    });
  }
  if (original instanceof GraphQLError) return original;
  const message = exposeInternals && original instanceof Error ? original.message : 'Unexpected error';
  return new GraphQLError(message, { ...where, extensions: { code: 'INTERNAL', retryable: false } });
}
