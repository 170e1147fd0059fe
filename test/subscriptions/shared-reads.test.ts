import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createContextFactory, type Pollers, type SharedReads, type Upstreams } from '../../src/context.ts';
import { createLogger } from '../../src/logger.ts';
import { PollerRegistry } from '../../src/subscriptions/registry.ts';
import { EventReads } from '../../src/subscriptions/shared-reads.ts';

const signal = new AbortController().signal;

describe('EventReads: the reads one event of a poller shares among its subscribers', () => {
  it('should make each distinct read once, and share its failure too', async () => {
    const reads = new EventReads('alice', signal, 1000);
    let calls = 0;
    const fetch = async () => ({ call: ++calls });
    const [a, b] = await Promise.all([reads.read('k1', fetch), reads.read('k1', fetch)]);
    expect(a).toBe(b);
    expect(await reads.read('k2', fetch)).toEqual({ call: 2 });
    let failures = 0;
    const failing = async () => {
      failures += 1;
      throw new Error('upstream down');
    };
    await expect(reads.read('k3', failing)).rejects.toThrow('upstream down');
    await expect(reads.read('k3', failing)).rejects.toThrow('upstream down');
    expect(failures).toBe(1);
  });

  it('should read again once older than its maximum age (a subscriber joining long after the event)', async () => {
    let now = 0;
    const reads = new EventReads('alice', signal, 1000, () => now);
    let calls = 0;
    const fetch = async () => ++calls;
    expect(await reads.read('k', fetch)).toBe(1);
    now = 1000;
    expect(await reads.read('k', fetch)).toBe(1);
    now = 1001;
    expect(await reads.read('k', fetch)).toBe(2);
    expect(await reads.read('k', fetch)).toBe(2);
  });

  it('should build a shared value once per generation', () => {
    let now = 0;
    const reads = new EventReads('alice', signal, 1000, () => now);
    let builds = 0;
    const build = () => ({ build: ++builds });
    expect(reads.once('loaders', build)).toBe(reads.once('loaders', build));
    now = 1001;
    expect(reads.once('loaders', build)).toEqual({ build: 2 });
  });
});

describe('PollerRegistry.watch', () => {
  it('should give the subscribers of one event the same reads, a later event new ones, and another caller its own', async () => {
    const registry = new PollerRegistry({ intervalMs: 5, maxIntervalMs: 5 });
    let polls = 0;
    const source = (scope: string) => ({
      key: `order:1:${scope}`, scope, fetch: async () => ({ state: ++polls < 3 ? 'pending' : 'done' }),
      fingerprint: (v: { state: string }) => v.state, isTerminal: (v: { state: string }) => v.state === 'done',
    });
    const collect = async (scope: string) => {
      const seen: Array<{ state: string; reads: SharedReads }> = [];
      for await (const { value, reads } of registry.watch(source(scope))) seen.push({ state: value.state, reads });
      return seen;
    };
    const [a, b] = await Promise.all([collect('alice'), collect('alice')]);
    expect(a.map((e) => e.state)).toEqual(['pending', 'done']);
    expect(a[0].reads).toBe(b[0].reads);
    expect(a[1].reads).toBe(b[1].reads);
    expect(a[1].reads).not.toBe(a[0].reads);
    expect(a[0].reads.scope).toBe('alice');
    polls = 0;
    const [bob] = await Promise.all([collect('bob')]);
    expect(bob[0].reads.scope).toBe('bob');
  });
});

describe('renewLoaders with shared reads', () => {
  function contextOf(authorization: string) {
    const config = loadConfig({ WALDUR_URL: 'http://127.0.0.1:9/api/', LOG_LEVEL: 'silent' });
    const upstreamCalls: string[] = [];
    const caller = new Proxy({}, { get: (_t, name) => async (...args: unknown[]) => upstreamCalls.push(`${String(name)}(${JSON.stringify(args)})`) });
    const upstreams = { waldur: { as: () => caller }, orchestration: { as: () => caller } } as unknown as Upstreams;
    const create = createContextFactory(config, upstreams, {} as Pollers, createLogger('silent'));
    const ctx = create({ headers: new Headers({ authorization }), signal });
    return { ctx, upstreamCalls };
  }
  const tracker = (scope: string) => {
    const keys: string[] = [];
    const reads: SharedReads = { scope, read: (key, fetch) => (keys.push(key), fetch(signal)), once: (_name, build) => build() };
    return { reads, keys };
  };

  it('should read through the event\'s shared reads when they are the same caller\'s', async () => {
    const { ctx, upstreamCalls } = contextOf('Token alice');
    const { reads, keys } = tracker(ctx.principal.key);
    ctx.renewLoaders(reads);
    await ctx.waldur.retrieve('marketplace-resources', 'r1', ['state']);
    expect(keys).toEqual(['waldur.retrieve(["marketplace-resources","r1",["state"]])']);
    expect(upstreamCalls).toHaveLength(1);
  });

  it('should give one caller\'s subscribers of one event one set of loaders, and another caller its own', () => {
    const first = contextOf('Token alice');
    const second = contextOf('Token alice');
    const other = contextOf('Token bob');
    const reads = new EventReads(first.ctx.principal.key, signal, 1000);
    first.ctx.renewLoaders(reads);
    second.ctx.renewLoaders(reads);
    other.ctx.renewLoaders(reads);
    expect(second.ctx.loaders).toBe(first.ctx.loaders);
    expect(other.ctx.loaders).not.toBe(first.ctx.loaders);
    first.ctx.renewLoaders(new EventReads(first.ctx.principal.key, signal, 1000));
    expect(first.ctx.loaders).not.toBe(second.ctx.loaders);
  });

  it('should never read through another caller\'s shared reads', async () => {
    const alice = contextOf('Token alice');
    const bob = contextOf('Token bob');
    const { reads, keys } = tracker(alice.ctx.principal.key);
    bob.ctx.renewLoaders(reads);
    await bob.ctx.waldur.retrieve('marketplace-resources', 'r1', ['state']);
    expect(keys).toEqual([]);
    expect(bob.upstreamCalls).toEqual(['retrieve(["marketplace-resources","r1",["state"]])']);
  });
});
