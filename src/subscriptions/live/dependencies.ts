import type { Pollers } from '../../context.ts';
import { JunctionError, type ErrorCode, type Service } from '../../errors.ts';

/** What one poll of a read gave: failures are values too, so a read that starts or stops failing is a change. */
type Outcome = { ok: true; value: unknown } | { ok: false; error: { code: ErrorCode; message: string; service?: Service; status?: number; retryable: boolean } };

/** One upstream read a live query depends on, watched by a shared poller (keyed by the read and the caller). */
interface Dependency {
  latest: Outcome | undefined;
  first: Promise<void>;
  iterator: AsyncIterableIterator<Outcome>;
  /** The run that last read it; reads no run needs any more are released after each run. */
  run: number;
  /** Its poller ended (gateway shutdown, or the caller's watch cap refused it): asking again starts a new one. */
  dead: boolean;
}

/**
 * The upstream reads behind one live execution. A read is answered from its shared poller's latest value, so a
 * re-execution costs no upstream call for what is already watched; a new read starts (or joins) a poller, whose
 * first poll is that read. Every later change of any watched read calls `onChange`.
 */
export class Dependencies {
  private readonly watched = new Map<string, Dependency>();
  private run = 0;
  private disposed = false;

  constructor(private readonly pollers: Pollers, private readonly scope: string, private readonly onChange: () => void) {}

  get size(): number {
    return this.watched.size;
  }

  beginRun(): void {
    this.run += 1;
  }

  /** Stops watching what the last run did not read. */
  endRun(): void {
    for (const [key, dependency] of this.watched) {
      if (dependency.run !== this.run) this.release(key, dependency);
    }
  }

  async read<T>(key: string, fetch: (signal: AbortSignal) => Promise<T>): Promise<T> {
    // A run still in flight when the last client left must not start pollers nobody will release.
    if (this.disposed) throw new JunctionError('UPSTREAM_UNAVAILABLE', 'The live query ended', { retryable: true });
    let dependency = this.watched.get(key);
    if (dependency?.dead) {
      this.release(key, dependency);
      dependency = undefined;
    }
    dependency ??= this.watch(key, fetch as (signal: AbortSignal) => Promise<unknown>);
    dependency.run = this.run;
    await dependency.first;
    const latest = dependency.latest!;
    if (latest.ok) return latest.value as T;
    const { code, message, ...options } = latest.error;
    throw new JunctionError(code, message, options);
  }

  dispose(): void {
    this.disposed = true;
    for (const [key, dependency] of this.watched) this.release(key, dependency);
  }

  private watch(key: string, fetch: (signal: AbortSignal) => Promise<unknown>): Dependency {
    const iterator = this.pollers.subscribe<Outcome>({
      key: `read:${key}:${this.scope}`,
      scope: this.scope,
      fetch: (signal) => fetch(signal).then((value): Outcome => ({ ok: true, value }), (error: unknown) => {
        if (signal.aborted) throw error;
        return { ok: false, error: outcomeOf(error) };
      }),
      fingerprint: (outcome) => JSON.stringify(outcome) ?? 'undefined',
      isTerminal: () => false,
    });
    let settle = () => {};
    const dependency: Dependency = { latest: undefined, first: new Promise<void>((resolve) => (settle = resolve)), iterator, run: this.run, dead: false };
    this.watched.set(key, dependency);
    const update = (outcome: Outcome) => {
      const seen = dependency.latest !== undefined;
      dependency.latest = outcome;
      settle();
      if (seen) this.onChange();
    };
    void (async () => {
      try {
        for await (const outcome of iterator) update(outcome);
      } catch (error) {
        update({ ok: false, error: outcomeOf(error) });
      } finally {
        dependency.dead = true;
        if (dependency.latest === undefined) update({ ok: false, error: outcomeOf(new JunctionError('UPSTREAM_UNAVAILABLE', 'The gateway is shutting down', { retryable: true })) });
      }
    })();
    return dependency;
  }

  private release(key: string, dependency: Dependency): void {
    this.watched.delete(key);
    void dependency.iterator.return?.();
  }
}

/** A failure as plain data (it may travel between replicas); anything but a JunctionError is INTERNAL. */
function outcomeOf(error: unknown): Extract<Outcome, { ok: false }>['error'] {
  if (error instanceof JunctionError) {
    return { code: error.code, message: error.message, service: error.service, status: error.status, retryable: error.retryable };
  }
  return { code: 'INTERNAL', message: error instanceof Error ? error.message : String(error), retryable: false };
}
