/** One HTTP exchange on the pool: one deadline for the whole exchange (body included), caller abort, body read to the end. */
import type { Dispatcher } from 'undici';
import { decodeBody } from './content-encoding.ts';

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
  /** Without `content-encoding` and `content-length` once the body is decoded: they described the coded body. */
  headers: Record<string, string>;
  /** The decoded body; empty when it did not decode (`undecodable`). */
  text: string;
  /** Decoded body bytes. */
  bytes: number;
  /** Body bytes as received (less than `bytes` when compressed). */
  wireBytes: number;
  /** The body carried a `Content-Encoding` we cannot undo, or did not decode. */
  undecodable?: true;
}

/**
 * Sends once; resolves with any status. Rejects with a transport error (running out of time, before or during the
 * body, carries code UND_ERR_HEADERS_TIMEOUT), or with the caller's abort reason.
 */
export async function attempt(pool: Dispatcher, timeoutMs: number, req: RawRequest, compressed = false): Promise<RawResponse> {
  // Decoded by us (content-encoding.ts), for every status: undici's decompress interceptor is experimental (it
  // prints a warning at start) and by default leaves error answers coded, so a 400's field errors became noise.
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
    const raw = Buffer.from(await res.body.arrayBuffer());
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const encoding = flat['content-encoding'];
    if (encoding === undefined || raw.length === 0) return { status: res.statusCode, headers: flat, text: raw.toString(), bytes: raw.length, wireBytes: raw.length };
    delete flat['content-encoding'];
    delete flat['content-length'];
    try {
      const body = await decodeBody(raw, encoding);
      return { status: res.statusCode, headers: flat, text: body.toString(), bytes: body.length, wireBytes: raw.length };
    } catch {
      return { status: res.statusCode, headers: flat, text: '', bytes: 0, wireBytes: raw.length, undecodable: true };
    }
  } catch (error) {
    throw timeout !== undefined && controller.signal.reason === timeout ? timeout : error;
  } finally {
    clearTimeout(timer);
    req.signal?.removeEventListener('abort', onAbort);
  }
}
