/**
 * UPSTREAM_COMPRESSION at the HTTP client: bodies asked for gzip/br come back decoded for every status (a 400's
 * field errors, Django's HTML 404 page), empty answers with a Content-Encoding (HEAD, 204) stay empty, a body that
 * does not decode is a coded error, and `bytes` in the call record counts what crossed the wire.
 */
import { brotliCompressSync, gzipSync } from 'node:zlib';
import type { ServerResponse } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { JunctionError } from '../../src/errors.ts';
import { createUpstreamHttp, type UpstreamCallInfo } from '../../src/upstream/http.ts';
import { FAST, settings, startFakeServer, type Handler } from './fake-server.ts';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()!();
});

async function setup(handler: Handler, compression = true) {
  const server = await startFakeServer(handler);
  const calls: UpstreamCallInfo[] = [];
  const http = createUpstreamHttp({ service: 'waldur', baseUrl: `${server.origin}/api/`, settings: settings({ compression, retries: 0 }), tuning: FAST, onCall: (c) => calls.push(c) });
  cleanups.push(() => server.close(), () => http.close());
  return { server, http, calls };
}

function send(res: ServerResponse, status: number, body: Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(body.length), ...headers }).end(body);
}

async function failure(promise: Promise<unknown>): Promise<JunctionError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(JunctionError);
  return error as JunctionError;
}

const ROWS = Array.from({ length: 50 }, (_, i) => ({ uuid: `${i}`.padStart(32, '0'), name: `project ${i}` }));
const FIELD_ERRORS = { name: ['This field may not be blank.'], customer: ['Invalid hyperlink - No URL match.'], end_date: ['Date has wrong format. Use one of these formats instead: YYYY-MM-DD.'], description: ['Ensure this field has no more than 2000 characters.'] };

describe('upstream compression', () => {
  // First: undici's experimental decompress interceptor warned once per process, at its first use.
  it('should not send Accept-Encoding when off, nor print a process warning when on', async () => {
    const warnings: Error[] = [];
    const onWarning = (w: Error) => warnings.push(w);
    process.on('warning', onWarning);
    try {
      const off = await setup((_req, res) => send(res, 200, Buffer.from('[]'), {}), false);
      await off.http.request({ method: 'GET', path: 'projects/' });
      expect(off.server.hits[0].headers['accept-encoding']).toBeUndefined();
      const on = await setup((_req, res) => send(res, 200, gzipSync('[]'), { 'content-encoding': 'gzip' }));
      expect((await on.http.request({ method: 'GET', path: 'projects/' })).body).toEqual([]);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warnings.map((w) => w.message)).toEqual([]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('should ask for gzip/br only when on, and decode br and gzip answers, counting the bytes as received', async () => {
    const plain = Buffer.from(JSON.stringify(ROWS));
    const { server, http, calls } = await setup((_req, res, _hit, i) =>
      send(res, 200, i === 0 ? brotliCompressSync(plain) : gzipSync(plain), { 'content-encoding': i === 0 ? 'br' : 'gzip', 'x-result-count': '50' }));
    for (const _ of [0, 1]) {
      const res = await http.request<typeof ROWS>({ method: 'GET', path: 'projects/' });
      expect(res.body).toEqual(ROWS);
      expect(res.bytes).toBe(plain.length);
      expect(res.headers['x-result-count']).toBe('50');
      expect(res.headers['content-encoding']).toBeUndefined();
    }
    expect(server.hits.map((h) => h.headers['accept-encoding'])).toEqual(['gzip, br', 'gzip, br']);
    expect(calls.map((c) => c.bytes)).toEqual([brotliCompressSync(plain).length, gzipSync(plain).length]);
    expect(calls[0].bytes).toBeLessThan(plain.length / 3);
  });

  it('should decode a compressed 400 so its field errors reach the client', async () => {
    const { http } = await setup((_req, res) => send(res, 400, brotliCompressSync(JSON.stringify(FIELD_ERRORS)), { 'content-encoding': 'br' }));
    const error = await failure(http.request({ method: 'POST', path: 'projects/', json: { name: '' } }));
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(error.fieldErrors?.map((f) => f.field).sort()).toEqual(['customer', 'description', 'end_date', 'name']);
  });

  it('should decode a gzipped HTML 404 and tell a missing route (NOT_SUPPORTED) from a missing object', async () => {
    const page = '<!doctype html>\n<html lang="en">\n<head>\n  <title>Not Found</title>\n</head>\n<body>\n  <h1>Not Found</h1><p>The requested resource was not found on this server.</p>\n</body>\n</html>\n';
    const { http } = await setup((req, res) => (req.url?.includes('missing-route')
      ? send(res, 404, gzipSync(page), { 'content-encoding': 'gzip', 'content-type': 'text/html' })
      : send(res, 404, gzipSync(JSON.stringify({ detail: 'No Project matches the given query.' })), { 'content-encoding': 'gzip' })));
    expect((await failure(http.request({ method: 'GET', path: 'missing-route/' }))).code).toBe('NOT_SUPPORTED');
    expect((await failure(http.request({ method: 'GET', path: 'projects/abc/' }))).code).toBe('NOT_FOUND');
  });

  it('should take a HEAD or a 204 that names a Content-Encoding but has no body as empty', async () => {
    const { http } = await setup((req, res) => {
      if (req.method === 'HEAD') res.writeHead(200, { 'content-encoding': 'br', 'content-length': '117', 'x-result-count': '7' }).end();
      else res.writeHead(204, { 'content-encoding': 'gzip' }).end();
    });
    const head = await http.request({ method: 'HEAD', path: 'projects/' });
    expect(head.headers['x-result-count']).toBe('7');
    expect(head.body).toBeUndefined();
    expect((await http.request({ method: 'DELETE', path: 'projects/abc/' })).body).toBeUndefined();
  });

  it('should answer UPSTREAM_ERROR for a body that does not decode or a coding it did not ask for', async () => {
    const { http } = await setup((req, res) => (req.url?.includes('zstd')
      ? send(res, 200, Buffer.from('(\u00b5/\u00fd garbage'), { 'content-encoding': 'zstd' })
      : send(res, 200, Buffer.from('not gzip at all'), { 'content-encoding': 'gzip' })));
    for (const path of ['projects/', 'zstd/']) {
      const error = await failure(http.request({ method: 'GET', path }));
      expect(error).toMatchObject({ code: 'UPSTREAM_ERROR', message: 'Waldur answered with a malformed body' });
    }
  });
});
