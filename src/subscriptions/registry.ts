import { Repeater, SlidingBuffer } from 'graphql-yoga';
import type { Polled, SharedReads } from '../context.ts';
import { JunctionError } from '../errors.ts';
import type { PollSource, PollTiming } from './poll-source.ts';
import { SharedPoller } from './shared-poller.ts';

export interface PollCoordinator {
  /** Cluster mode: decides whether this replica polls `key`, and relays events polled elsewhere. */
  join<T>(key: string, poller: SharedPoller<T>): () => void;
}

/** Polls locally: the single-replica (in-memory) coordinator. */
export const localCoordinator: PollCoordinator = {
  join: (_key, poller) => {
    poller.start();
    return () => {};
  },
};

/**
 * Shared, ref-counted pollers: one per watched object and access scope. Subscribers get a Repeater that
 * yields the current value at once, then each change, and returns after a terminal value.
 */
export class PollerRegistry {
  private readonly pollers = new Map<string, SharedPoller<unknown>>();
  private readonly perScope = new Map<string, number>();

  constructor(
    private readonly timing: PollTiming,
    private readonly coordinator: PollCoordinator = localCoordinator,
    /** Live pollers one caller may keep: each polls upstream on its own, so an unbounded number is a DoS. */
    private readonly maxPerScope = 200,
  ) {}

  /** The polled values; `return()` detaches at once, without waiting for a poll. */
  subscribe<T>(source: PollSource<T>): AsyncIterableIterator<T> {
    return this.stream(source, (value) => value);
  }

  /** What a subscription resolver returns: each value with the reads its subscribers share while resolving it. */
  watch<T>(source: PollSource<T>): AsyncIterableIterator<Polled<T>> {
    return this.stream(source, (value, reads) => ({ value, reads }));
  }

  private stream<T, R>(source: PollSource<T>, withReads: (value: T, reads: SharedReads) => R): AsyncIterableIterator<R> {
    // A subscriber that reads slowly only ever misses intermediate states, never the latest one.
    return new Repeater<R>(async (push, stop) => {
      const poller = this.pollerFor(source);
      const unlisten = poller.listen((event, reads) => {
        if (event.kind === 'error') return stop(event.error);
        if (event.kind === 'end') return stop();
        void push(withReads(event.value, reads));
        if (event.terminal) stop();
      });
      await stop;
      unlisten();
    }, new SlidingBuffer(8));
  }

  /** Number of live pollers (one per key), for tests, metrics and shutdown. */
  get size(): number {
    return this.pollers.size;
  }

  /** Live pollers, how many poll on this replica, and their subscribers: read by the metrics gauges. */
  stats(): { pollers: number; polling: number; subscribers: number } {
    let polling = 0;
    let subscribers = 0;
    for (const poller of this.pollers.values()) {
      if (poller.polling) polling += 1;
      subscribers += poller.subscriberCount;
    }
    return { pollers: this.pollers.size, polling, subscribers };
  }

  stopAll(): void {
    for (const poller of [...this.pollers.values()]) poller.stop();
  }

  private pollerFor<T>(source: PollSource<T>): SharedPoller<T> {
    const existing = this.pollers.get(source.key) as SharedPoller<T> | undefined;
    if (existing) return existing;
    const live = this.perScope.get(source.scope) ?? 0;
    if (live >= this.maxPerScope) {
      throw new JunctionError('RATE_LIMITED', `Too many live subscriptions: a caller may watch at most ${this.maxPerScope} objects at once`, { retryable: true });
    }
    this.perScope.set(source.scope, live + 1);
    let leave = () => {};
    const poller = new SharedPoller<T>(source, this.timing, () => {
      this.pollers.delete(source.key);
      const left = (this.perScope.get(source.scope) ?? 1) - 1;
      if (left > 0) this.perScope.set(source.scope, left); else this.perScope.delete(source.scope);
      leave();
    });
    this.pollers.set(source.key, poller as SharedPoller<unknown>);
    leave = this.coordinator.join(source.key, poller);
    return poller;
  }
}
