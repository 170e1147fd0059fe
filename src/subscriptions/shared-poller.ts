import type { SharedReads } from '../context.ts';
import { nextDelay, type PollEvent, type PollSource, type PollTiming } from './poll-source.ts';
import { EventReads } from './shared-reads.ts';

const UNCANCELLED = new AbortController().signal;

/** Receives each event with the reads its subscribers share while resolving it. */
type Listener<T> = (event: PollEvent<T>, reads: SharedReads) => void;

/** Errors that polling again cannot fix: the object is gone or the caller lost access. */
function isFatal(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  return code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' || code === 'BAD_USER_INPUT';
}

/**
 * One poll loop for one key, however many subscribers listen. It fetches once at start, emits only changes,
 * stops after a terminal value or a fatal error, and stops at once when `stop()` is called (the pending
 * timer is cleared and the in-flight fetch aborted).
 */
export class SharedPoller<T> {
  private readonly listeners = new Set<Listener<T>>();
  private readonly abort = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  private last: { fingerprint: string; event: PollEvent<T>; reads: SharedReads } | undefined;
  private unchanged = 0;
  private errors = 0;
  private stopped = false;
  private running = false;
  /** Bumped by start/pause, so a tick still in flight from before a pause cannot schedule a second loop. */
  private generation = 0;
  polls = 0;
  /** Cluster mode: relays each event this replica polled to the other replicas. */
  onPolled: ((event: PollEvent<T>, fingerprint: string) => void) | undefined;

  constructor(private readonly source: PollSource<T>, private readonly timing: PollTiming, private readonly onIdle: () => void) {}

  /** Adds a listener; it receives the latest value at once if there is one. Returns the unsubscribe function. */
  listen(listener: Listener<T>): () => void {
    this.listeners.add(listener);
    if (this.last) listener(this.last.event, this.last.reads);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** True while this replica polls (in cluster mode another replica may hold the lease). */
  get polling(): boolean {
    return this.running && !this.stopped;
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  /** Starts (or resumes) polling on this replica. */
  start(): void {
    if (this.running || this.stopped) return;
    this.running = true;
    void this.tick(++this.generation);
  }

  /** Stops polling here but keeps the subscribers (another replica took over the lease). */
  pause(): void {
    this.running = false;
    this.generation += 1;
    clearTimeout(this.timer);
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    const reads = this.last?.reads ?? this.readsOfNextEvent();
    for (const listener of [...this.listeners]) listener({ kind: 'end' }, reads);
    this.onIdle();
  }

  /** Feeds an event to every subscriber (also used for events another replica polled, in cluster mode). */
  deliver(event: PollEvent<T>, fingerprint: string): void {
    if (this.last?.fingerprint === fingerprint) return;
    const reads = this.readsOfNextEvent();
    this.last = { fingerprint, event, reads };
    for (const listener of [...this.listeners]) {
      try {
        listener(event, reads);
      } catch {
        // One subscriber's failure must not cost the others this event.
      }
    }
    if (event.kind === 'error' || (event.kind === 'value' && event.terminal)) queueMicrotask(() => this.stop());
  }

  /**
   * A new event starts new shared reads: every event's nested fields are read afresh, once for all its subscribers.
   * Not on the poller's signal: a terminal event is resolved after the poller stopped (the upstream timeout bounds them).
   */
  private readsOfNextEvent(): SharedReads {
    return new EventReads(this.source.scope, UNCANCELLED, this.timing.intervalMs);
  }

  private async tick(generation: number): Promise<void> {
    if (this.stopped || !this.running || generation !== this.generation) return;
    this.polls += 1;
    try {
      const value = await this.source.fetch(this.abort.signal);
      if (this.stopped) return;
      this.errors = 0;
      const fingerprint = this.source.fingerprint(value);
      const terminal = this.source.isTerminal(value);
      if (this.last?.fingerprint === fingerprint) this.unchanged += 1;
      else {
        this.unchanged = 0;
        this.deliver({ kind: 'value', value, terminal }, fingerprint);
        this.onPolled?.({ kind: 'value', value, terminal }, fingerprint);
      }
      if (terminal) return this.stop();
    } catch (error) {
      if (this.stopped) return;
      this.errors += 1;
      // Transient failures only slow the loop down; subscribers keep waiting for the next good value.
      if (isFatal(error)) {
        this.deliver({ kind: 'error', error, fatal: true }, 'error');
        this.onPolled?.({ kind: 'error', error, fatal: true }, 'error');
        return this.stop();
      }
    }
    if (this.running && generation === this.generation) {
      this.timer = setTimeout(() => void this.tick(generation), nextDelay(this.timing, this.unchanged, this.errors));
    }
  }
}
