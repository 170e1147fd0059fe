import type { SharedReads } from '../context.ts';

/**
 * The upstream reads made while resolving one event of a shared poller, shared by all its subscribers: they are one
 * caller (the poller's key carries the principal key, and `scope` is that key, checked by `renewLoaders`), so they
 * would each make the same read with the same credentials. Identical reads (same operation and arguments) are made
 * once per event, on a signal of no single subscriber (one leaving does not cancel the others' read). A failed read is
 * shared too: during an outage a thousand subscribers must not each retry it.
 *
 * A subscriber that joins later resolves the poller's latest event from the same reads, but never from reads older
 * than `maxAgeMs` (the poll interval): its nested fields are then at most as stale as the watched object itself.
 */
export class EventReads implements SharedReads {
  private reads = new Map<string, Promise<unknown>>();
  private built = new Map<string, unknown>();
  private startedAt: number;

  constructor(
    readonly scope: string,
    private readonly signal: AbortSignal,
    private readonly maxAgeMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.startedAt = now();
  }

  read<T>(key: string, fetch: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.expireWhenOld();
    let read = this.reads.get(key) as Promise<T> | undefined;
    if (!read) {
      read = fetch(this.signal);
      // Each reader handles the failure itself; the cached promise alone must not be an unhandled rejection.
      read.catch(() => {});
      this.reads.set(key, read);
    }
    return read;
  }

  once<V>(name: string, build: () => V): V {
    this.expireWhenOld();
    if (!this.built.has(name)) this.built.set(name, build());
    return this.built.get(name) as V;
  }

  /** Number of distinct reads held now (for tests). */
  get size(): number {
    return this.reads.size;
  }

  private expireWhenOld(): void {
    if (this.now() - this.startedAt <= this.maxAgeMs) return;
    this.reads = new Map();
    this.built = new Map();
    this.startedAt = this.now();
  }
}
