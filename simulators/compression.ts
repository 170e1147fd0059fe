import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** Below this a body goes as it is (Django's GZipMiddleware uses 200 bytes). */
const MIN_BYTES = 200;

/**
 * What a real deployment's web server does when the client asks (`Accept-Encoding: gzip` / `br`): the body
 * compressed, with its `Content-Encoding`. Brotli at a dynamic-compression quality, as nginx's brotli module uses.
 */
export function encodeFor(acceptEncoding: string | string[] | undefined, body: Buffer): { body: Buffer; encoding?: 'br' | 'gzip' } {
  if (body.length < MIN_BYTES || !acceptEncoding) return { body };
  const accepted = String(acceptEncoding).split(',').map((e) => e.trim().split(';')[0]);
  if (accepted.includes('br')) return { body: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } }), encoding: 'br' };
  if (accepted.includes('gzip')) return { body: gzipSync(body, { level: 6 }), encoding: 'gzip' };
  return { body };
}
