import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { matching, seededTargets } from './helpers.ts';

const LIST = `query ($p: String!) { allocations(projectId: $p) { allocationId status } }`;

describe('the gateway\'s service-account token', () => {
  it('should fetch one token for 20 concurrent first requests', async () => {
    await using stack = await startStack();
    const projectId = stack.sims.waldur.links[0].orchestrationProjectId;

    const answers = await Promise.all(Array.from({ length: 20 }, () => stack.query(LIST, { p: projectId }, 'staff')));

    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const counters = await stack.control('orchestration', 'GET', 'counters');
    expect(counters.tokenCalls).toBe(1);
    const lists = matching(await stack.requests('orchestration'), 'GET', /\/allocations$/);
    expect(lists.map((r) => r.status)).toEqual(Array(20).fill(200));
  });

  it('should refresh an expired token once under 20 concurrent requests, retrying each 401 once', async () => {
    await using stack = await startStack();
    const [target] = await seededTargets(stack);
    await stack.resetLogs();
    const expired = await stack.control('orchestration', 'POST', 'tokens/expire');
    expect(expired.expired).toBe(1);
    // Hold the first 20 answers back so all 20 requests are in flight with the expired token at once (each first
    // proves access with a Waldur call; a second is ample room for that on a loaded machine).
    await stack.control('orchestration', 'POST', 'faults', { method: 'GET', path: '/allocations$', delayMs: 1000, times: 20 });

    const answers = await Promise.all(Array.from({ length: 20 }, () => stack.query(LIST, { p: target.projectId }, 'staff')));

    for (const answer of answers) {
      expect(answer.errors).toBeUndefined();
      expect(answer.data.allocations.length).toBeGreaterThan(0);
    }
    const counters = await stack.control('orchestration', 'GET', 'counters');
    expect(counters.tokenCalls).toBe(1);
    const lists = matching(await stack.requests('orchestration'), 'GET', /\/allocations$/);
    const rejected = lists.filter((r) => r.status === 401);
    expect(rejected).toHaveLength(20);
    expect(lists.filter((r) => r.status === 200)).toHaveLength(20);
    expect(lists).toHaveLength(20 + rejected.length);
    // The retry carried the new token, never the expired one.
    const [stale] = new Set(rejected.map((r) => r.headers.authorization));
    expect(lists.filter((r) => r.status === 200).every((r) => r.headers.authorization !== stale)).toBe(true);
  });

  it('should answer UPSTREAM_ERROR (the gateway\'s account, not the caller), not loop, when the refreshed token is refused too', async () => {
    await using stack = await startStack();
    const [target] = await seededTargets(stack);
    await stack.resetLogs();
    await stack.control('orchestration', 'POST', 'faults', { method: 'GET', path: '/allocations$', status: 401, times: 2 });

    const answer = await stack.query(LIST, { p: target.projectId }, 'staff');

    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_ERROR']);
    expect(matching(await stack.requests('orchestration'), 'GET', /\/allocations$/)).toHaveLength(2);
    expect((await stack.control('orchestration', 'GET', 'counters')).tokenCalls).toBe(1);
  });
});
