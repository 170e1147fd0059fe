/** API errors and the two body shapes the simulator can answer with. */

export class SimError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export const badRequest = (message: string) => new SimError(400, message);
export const notFound = (message: string) => new SimError(404, message);
export const conflict = (message: string) => new SimError(409, message);

/** `ims`: the documented `{message, request_id}`; `grpc`: the gateway's default `rpcStatus` body. */
export type ErrorMode = 'ims' | 'grpc';

// The grpc-gateway mapping read backwards: the gRPC code that would have produced each HTTP status.
const GRPC_CODES: Record<number, number> = {
  400: 3, 401: 16, 403: 7, 404: 5, 405: 12, 409: 10, 412: 9, 422: 3, 429: 8,
  499: 1, 500: 13, 501: 12, 502: 14, 503: 14, 504: 4,
};

export function errorBody(mode: ErrorMode, status: number, message: string, requestId: string): object {
  if (mode === 'grpc') return { code: GRPC_CODES[status] ?? 2, message, details: [] };
  return { message, request_id: requestId };
}
