/** One HTTP exchange on the pool: one deadline for the whole exchange (body included), caller abort, body read to the end. */
import type { Dispatcher } from 'undici';

export interface RawRequest {
  method: string;
  /** Origin-relative path and query. */
  target: string;
  headers?: Record<string, string>;
  json?: unknown;
  form?: Record<string, string>;
  signal?: AbortSignal;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  text: string;
  bytes: number;
}

/**
 * Sends once; resolves with any status. Rejects with a transport error (running out of time, before or during the
 * body, carries code UND_ERR_HEADERS_TIMEOUT), or with the caller's abort reason.
 */
export async function attempt(pool: Dispatcher, timeoutMs: number, req: RawRequest, compressed = false): Promise<RawResponse> {
  const headers: Record<string, string> = compressed ? { accept: 'application/json', 'accept-encoding': 'gzip, br' } : { accept: 'application/json' };
  for (const [name, value] of Object.entries(req.headers ?? {})) headers[name.toLowerCase()] = value;
  let body: string | undefined;
  if (req.json !== undefined) {
    body = JSON.stringify(req.json);
    headers['content-type'] = 'application/json';
  } else if (req.form) {
    body = new URLSearchParams(req.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }

  // One deadline for the whole exchange: queueing for a connection, headers and the body. undici's own timeouts
  // restart on every chunk, so a body trickled a byte at a time would otherwise hold the request for ever.
  // The timeout error (and its stack) is built only when the deadline passes, not for every call.
  const controller = new AbortController();
  let timeout: Error | undefined;
  const timer = setTimeout(() => {
    timeout = Object.assign(new Error(`no complete response within ${timeoutMs} ms`), { code: 'UND_ERR_HEADERS_TIMEOUT' });
    controller.abort(timeout);
  }, timeoutMs);
  const onAbort = () => controller.abort(req.signal?.reason);
  if (req.signal?.aborted) onAbort();
  req.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const res = await pool.request({
      path: req.target, method: req.method as 'GET', headers, body, signal: controller.signal,
      headersTimeout: timeoutMs, bodyTimeout: timeoutMs,
    });
    // Decoded once, straight to a string: no intermediate copies of the body.
    const text = await res.body.text();
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return { status: res.statusCode, headers: flat, text, bytes: Buffer.byteLength(text) };
  } catch (error) {
    throw timeout !== undefined && controller.signal.reason === timeout ? timeout : error;
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}
