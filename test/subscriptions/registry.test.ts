import { describe, expect, it } from 'vitest';
import { PollerRegistry } from '../../src/subscriptions/registry.ts';
import type { PollSource } from '../../src/subscriptions/poll-source.ts';

function countingSource(states: string[], key = 'order:1:alice') {
  let calls = 0;
  const source: PollSource<{ state: string }> & { calls: () => number } = {
    key,
    scope: key.split(':').at(-1)!,
    calls: () => calls,
    fetch: async () => ({ state: states[Math.min(calls++, states.length - 1)] }),
    fingerprint: (v) => v.state,
    isTerminal: (v) => v.state === 'done',
  };
  return source;
}

describe('PollerRegistry', () => {
  it('should share one poll loop among subscribers of one key and emit only changes', async () => {
    const registry = new PollerRegistry({ intervalMs: 5, maxIntervalMs: 10 });
    const source = countingSource(['pending', 'pending', 'executing', 'executing', 'done']);
    const collect = async () => {
      const seen: string[] = [];
      for await (const value of registry.subscribe(source)) seen.push(value.state);
      return seen;
    };
    const results = await Promise.all([collect(), collect(), collect()]);
    expect(results).toEqual([['pending', 'executing', 'done'], ['pending', 'executing', 'done'], ['pending', 'executing', 'done']]);
    expect(source.calls()).toBe(5);
    expect(registry.size).toBe(0);
  });

  it('should keep separate pollers per access scope', async () => {
    const registry = new PollerRegistry({ intervalMs: 5, maxIntervalMs: 10 });
    const a = registry.subscribe(countingSource(['done'], 'order:1:alice'));
    const b = registry.subscribe(countingSource(['done'], 'order:1:bob'));
    const first = await Promise.all([a.next(), b.next()]);
    expect(first.map((r) => r.value?.state)).toEqual(['done', 'done']);
  });

  it('should stop polling at once when the last subscriber leaves', async () => {
    const registry = new PollerRegistry({ intervalMs: 1000, maxIntervalMs: 1000 });
    const source = countingSource(['pending']);
    const iterator = registry.subscribe(source);
    await iterator.next();
    const started = performance.now();
    await iterator.return?.();
    expect(performance.now() - started).toBeLessThan(50);
    expect(registry.size).toBe(0);
    expect(source.calls()).toBe(1);
  });

  it('should cap how many objects one caller may watch at once', async () => {
    const registry = new PollerRegistry({ intervalMs: 1000, maxIntervalMs: 1000 }, undefined, 2);
    const a = registry.subscribe(countingSource(['pending'], 'order:1:alice'));
    const b = registry.subscribe(countingSource(['pending'], 'order:2:alice'));
    await Promise.all([a.next(), b.next()]);
    await expect(registry.subscribe(countingSource(['pending'], 'order:3:alice')).next()).rejects.toMatchObject({ code: 'RATE_LIMITED' });
    expect((await registry.subscribe(countingSource(['pending'], 'order:3:bob')).next()).value).toEqual({ state: 'pending' });
    await a.return?.();
    expect((await registry.subscribe(countingSource(['pending'], 'order:3:alice')).next()).value).toEqual({ state: 'pending' });
    registry.stopAll();
  });

  it('should end subscribers with the error when the object disappears', async () => {
    const registry = new PollerRegistry({ intervalMs: 5, maxIntervalMs: 10 });
    const gone = Object.assign(new Error('gone'), { code: 'NOT_FOUND' });
    const source: PollSource<string> = { key: 'k', scope: 'alice', fetch: async () => { throw gone; }, fingerprint: String, isTerminal: () => false };
    await expect(registry.subscribe(source).next()).rejects.toBe(gone);
  });
});
