import { describe, expect, it } from 'vitest';
import { PollerRegistry } from '../../src/subscriptions/registry.ts';
import { createRedisCoordinator } from '../../src/subscriptions/redis-coordinator.ts';
import type { PollSource } from '../../src/subscriptions/poll-source.ts';

// Needs a real Redis: set REDIS_URL_TEST (`.ci/run` does, so CI cannot skip these).
const redisUrl = process.env.REDIS_URL_TEST;
if (!redisUrl && process.env.CI) throw new Error('REDIS_URL_TEST must be set in CI: the Redis cluster-mode tests are mandatory there');

describe.skipIf(!redisUrl)('cluster mode over Redis (needs REDIS_URL_TEST)', () => {
  const key = () => `order:${Math.random().toString(36).slice(2)}:alice`;
  function source(k: string, replica: string, log: string[], states: () => string): PollSource<{ state: string }> {
    return {
      key: k,
      scope: 'alice',
      fetch: async () => {
        log.push(replica);
        return { state: states() };
      },
      fingerprint: (v) => v.state,
      isTerminal: (v) => v.state === 'done',
    };
  }

  it('should let exactly one replica poll a key and fan its events out to the others', async () => {
    const a = createRedisCoordinator(redisUrl!, { leaseMs: 300, prefix: 'junction-test' });
    const b = createRedisCoordinator(redisUrl!, { leaseMs: 300, prefix: 'junction-test' });
    try {
      const k = key();
      const log: string[] = [];
      let state = 'pending';
      const ra = new PollerRegistry({ intervalMs: 20, maxIntervalMs: 20 }, a);
      const rb = new PollerRegistry({ intervalMs: 20, maxIntervalMs: 20 }, b);
      const ia = ra.subscribe(source(k, 'a', log, () => state));
      const ib = rb.subscribe(source(k, 'b', log, () => state));
      const first = await Promise.all([ia.next(), ib.next()]);
      expect(first.map((r) => r.value?.state)).toEqual(['pending', 'pending']);
      state = 'done';
      const second = await Promise.all([ia.next(), ib.next()]);
      expect(second.map((r) => r.value?.state)).toEqual(['done', 'done']);
      expect(new Set(log).size).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it('should hand the lease to another replica when the polling one dies', async () => {
    const a = createRedisCoordinator(redisUrl!, { leaseMs: 300, prefix: 'junction-test' });
    const b = createRedisCoordinator(redisUrl!, { leaseMs: 300, prefix: 'junction-test' });
    try {
      const k = key();
      const log: string[] = [];
      let state = 'pending';
      const ra = new PollerRegistry({ intervalMs: 20, maxIntervalMs: 20 }, a);
      const ia = ra.subscribe(source(k, 'a', log, () => state));
      await ia.next();
      const rb = new PollerRegistry({ intervalMs: 20, maxIntervalMs: 20 }, b);
      const ib = rb.subscribe(source(k, 'b', log, () => state));
      expect((await ib.next()).value?.state).toBe('pending');
      await a.close(); // replica a loses Redis without releasing its lease, as a crashed process would
      ra.stopAll();
      state = 'executing';
      expect((await ib.next()).value?.state).toBe('executing');
      expect(log.at(-1)).toBe('b');
      await ib.return?.();
    } finally {
      await b.close();
    }
  });
});
