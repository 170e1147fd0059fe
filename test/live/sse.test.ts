import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { waitFor } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack[Symbol.asyncDispose]());

/** Opens a live query over SSE (graphql-sse "distinct connections"); collects the `next` events. */
async function overSse(query: string, variables: Record<string, unknown>) {
  const abort = new AbortController();
  const response = await request(stack.url, {
    method: 'POST',
    signal: abort.signal,
    headers: { accept: 'text/event-stream', 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const events: any[] = [];
  let buffer = '';
  void (async () => {
    try {
      for await (const chunk of response.body) {
        buffer += chunk.toString();
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data:')).map((l) => l.slice(5)).join('\n').trim();
          if (block.includes('event: next') && data) events.push(JSON.parse(data));
        }
      }
    } catch {
      // aborted by the test
    }
  })();
  return { status: response.statusCode, contentType: response.headers['content-type'], events, close: () => abort.abort() };
}

describe('live queries over SSE', () => {
  it('should stream the first result at once and a new one when a payload changes upstream', async () => {
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0]!;
    const allocationId = link.allocations[0]!.id;
    const stream = await overSse('query ($p: String!, $a: String!) @live { allocation(projectId: $p, id: $a) { payloads { payloadId state } } }',
      { p: link.orchestrationProjectId, a: allocationId });
    try {
      expect(stream.status).toBe(200);
      expect(stream.contentType).toContain('text/event-stream');
      await waitFor(() => stream.events.length === 1, 'the first result');
      const ready = stream.events[0].data.allocation.payloads.find((p: any) => p.state === 'READY');
      expect(ready).toBeDefined();
      await stack.control('orchestration', 'POST', `payloads/${link.orchestrationProjectId}/${allocationId}/${ready.payloadId}/exit`);
      await waitFor(() => stream.events.length === 2, 'the second result');
      const after = stream.events[1].data.allocation.payloads.find((p: any) => p.payloadId === ready.payloadId);
      expect(after.state).not.toBe('READY');
    } finally {
      stream.close();
    }
  });
});

describe('a live query over plain HTTP', () => {
  it('should be refused with a message that says how to open the stream, before any upstream call', async () => {
    await stack.resetLogs();
    const answer = await stack.query('query @live { viewer { username } }');
    expect(answer).toEqual({ errors: [expect.objectContaining({
      message: expect.stringContaining('open it over graphql-ws, or over HTTP with `Accept: text/event-stream` (SSE)'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }),
    })] });
    expect(await stack.requests('waldur')).toEqual([]);
  });
});
