/** An error answered the way Django REST framework answers it: a status, a JSON body and maybe headers. */
export class ApiError extends Error {
  constructor(readonly status: number, readonly body: unknown, readonly headers: Record<string, string> = {}) {
    super(typeof body === 'object' && body !== null && 'detail' in body ? String((body as { detail: unknown }).detail) : `HTTP ${status}`);
  }
}

export type FieldErrors = Record<string, string[]>;

const detail = (status: number, message: string, headers?: Record<string, string>) => new ApiError(status, { detail: message }, headers);

export const notAuthenticated = () =>
  detail(401, 'Authentication credentials were not provided.', { 'WWW-Authenticate': 'Token' });
export const authenticationFailed = (message: string) => detail(401, message, { 'WWW-Authenticate': 'Token' });
export const permissionDenied = (message = 'You do not have permission to perform this action.') => detail(403, message);
export const notFound = (model: string) => detail(404, `No ${model} matches the given query.`);
export const invalidPage = () => detail(404, 'Invalid page.');
export const methodNotAllowed = (method: string, allowed: string[]) =>
  detail(405, `Method "${method}" not allowed.`, { Allow: allowed.join(', ') });
export const unsupportedOfferingType = (type: string) =>
  detail(405, `The order's offering with ${type} type does not support this action`);
/** StateValidator: `Valid states for operation: OK, Erred.` */
export const invalidState = (states: readonly string[]) => detail(409, `Valid states for operation: ${states.join(', ')}.`);
export const throttled = (seconds: number) =>
  detail(429, `Request was throttled. Expected available in ${seconds} seconds.`, { 'Retry-After': String(seconds) });

/** The three 400 shapes: a field dict, `non_field_errors`, and a bare list from a plain ValidationError. */
export const fieldErrors = (errors: FieldErrors) => new ApiError(400, errors);
export const nonFieldErrors = (...messages: string[]) => new ApiError(400, { non_field_errors: messages });
export const validationError = (...messages: string[]) => new ApiError(400, messages);
