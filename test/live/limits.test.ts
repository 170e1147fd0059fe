import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { collect, waitFor, wsClient } from './helpers.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '50', MAX_WATCHED_PER_CALLER: '3', MAX_COST: '1000' } });
});
afterAll(() => stack[Symbol.asyncDispose]());

describe('live query limits', () => {
  it('should count each upstream read a live query watches against the caller\'s watch cap, and end it with RATE_LIMITED', async () => {
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0]!;
    const client = wsClient(stack, 'staff');
    try {
      // The project, its resources, the allocation list and one payload list per allocation: more than 3 reads.
      const live = collect(client, `query ($uuid: String!) @live { project(uuid: $uuid) { resources(first: 20) { nodes { allocation { payloads { state } } } } } }`,
        { uuid: link.waldurProjectUuid });
      await waitFor(() => live.ended !== undefined, 'the end of the stream');
      expect(live.ended).toEqual({ complete: true });
      expect(live.events).toHaveLength(1);
      expect(live.events[0].errors).toContainEqual(expect.objectContaining({
        message: expect.stringContaining('a caller may watch at most 3 objects at once'), extensions: expect.objectContaining({ code: 'RATE_LIMITED' }),
      }));
    } finally {
      await client.dispose();
    }
  });

  it('should price a live query like any query and refuse one over the cost limit before any upstream call', async () => {
    const client = wsClient(stack, 'staff');
    try {
      await stack.resetLogs();
      const live = collect(client, 'query @live { projects(first: 100) { nodes { resources(first: 100) { nodes { name } } } } }');
      await waitFor(() => live.ended !== undefined, 'the refusal');
      expect(live.events).toEqual([{ errors: [expect.objectContaining({ message: expect.stringContaining('exceeds the limit of 1000'), extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) })] }]);
      expect(await stack.requests('waldur')).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
