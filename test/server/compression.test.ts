/**
 * Compression: the gateway asks both upstreams for gzip/br (the simulators compress when asked, as a real web server
 * does) and gzips JSON answers for clients that accept it. Measured on the simulators' counters and the client's bytes.
 */
import { gunzipSync } from 'node:zlib';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';

const QUERY = '{ resources(first: 50) { nodes { name state offering { name } project { name } } } }';

async function counters(stack: Awaited<ReturnType<typeof startStack>>) {
  return stack.control('waldur', 'GET', 'counters') as Promise<{ total: number; bytes: number; wireBytes: number }>;
}

describe('compression', () => {
  it('should fetch upstream bodies compressed and decode them with UPSTREAM_COMPRESSION=true', async () => {
    await using stack = await startStack({ env: { UPSTREAM_COMPRESSION: 'true' } });
    await stack.resetLogs();
    const { data, errors } = await stack.query(QUERY);
    expect(errors).toBeUndefined();
    expect(data.resources.nodes).toHaveLength(50);
    const { total, bytes, wireBytes } = await counters(stack);
    expect(total).toBe(1);
    expect(wireBytes).toBeLessThan(bytes / 2);
  });

  it('should fetch them plain by default from loopback upstreams', async () => {
    await using stack = await startStack();
    await stack.resetLogs();
    expect((await stack.query(QUERY)).errors).toBeUndefined();
    const { bytes, wireBytes } = await counters(stack);
    expect(wireBytes).toBe(bytes);
  });

  it('should gzip a JSON answer for a client that accepts it, and only then', async () => {
    await using stack = await startStack();
    const ask = (headers: Record<string, string>) => request(stack.url, {
      method: 'POST', body: JSON.stringify({ query: QUERY }),
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}`, ...headers },
    });
    const zipped = await ask({ 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    const raw = Buffer.from(await zipped.body.arrayBuffer());
    const text = gunzipSync(raw).toString();
    expect(JSON.parse(text).data.resources.nodes).toHaveLength(50);
    expect(raw.length).toBeLessThan(text.length / 2);

    const plain = await ask({});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(((await plain.body.json()) as any).data.resources.nodes).toHaveLength(50);
  });
});
