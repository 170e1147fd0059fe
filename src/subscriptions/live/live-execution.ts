import type { ExecutionResult } from 'graphql';
import type { Pollers } from '../../context.ts';
import type { ReadTracker } from '../../upstream/read-tracking.ts';
import { Dependencies } from './dependencies.ts';

/** Runs the query once, its upstream reads going through `track`. */
export type RunQuery = (track: ReadTracker, signal: AbortSignal) => Promise<ExecutionResult>;

export type LiveEvent = { kind: 'result'; result: ExecutionResult; final: boolean } | { kind: 'end' };

/** Codes after which a live query cannot go on: the caller lost access (or never had it), or is over its watch cap. */
const FINAL_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'WATCH_CAP']);

/**
 * One execution of a live query, shared by every client holding the same document, variables and caller identity.
 * It runs at once, then again when a watched upstream read changes — at most once per interval — and publishes a
 * result only when it differs from the last one.
 */
export class LiveExecution {
  private readonly listeners = new Set<(event: LiveEvent) => void>();
  private readonly abort = new AbortController();
  private readonly dependencies: Dependencies;
  private latest: { json: string; event: LiveEvent } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running = false;
  private dirty = false;
  private lastRunAt = 0;
  private ended = false;
  /** Executions so far (the first included), for tests and the bench. */
  runs = 0;

  constructor(pollers: Pollers, scope: string, private readonly runQuery: RunQuery, private readonly intervalMs: number, private readonly onIdle: () => void) {
    this.dependencies = new Dependencies(pollers, scope, () => this.schedule());
  }

  get watchedReads(): number {
    return this.dependencies.size;
  }

  start(): void {
    void this.execute();
  }

  /** Adds a listener; it receives the latest result at once if there is one. Returns the unsubscribe function. */
  listen(listener: (event: LiveEvent) => void): () => void {
    this.listeners.add(listener);
    if (this.latest) listener(this.latest.event);
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    if (this.ended) return;
    this.ended = true;
    clearTimeout(this.timer);
    this.abort.abort();
    this.dependencies.dispose();
    for (const listener of [...this.listeners]) listener({ kind: 'end' });
    this.onIdle();
  }

  private schedule(): void {
    if (this.ended) return;
    if (this.running) {
      this.dirty = true;
      return;
    }
    if (this.timer) return;
    const wait = Math.max(0, this.lastRunAt + this.intervalMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.execute();
    }, wait);
  }

  private async execute(): Promise<void> {
    if (this.ended) return;
    this.running = true;
    this.dirty = false;
    this.lastRunAt = Date.now();
    this.runs += 1;
    this.dependencies.beginRun();
    let result: ExecutionResult;
    try {
      result = await this.runQuery({ read: (key, fetch) => this.dependencies.read(key, fetch) }, this.abort.signal);
    } catch (error) {
      result = { errors: [error as never] };
    }
    this.running = false;
    if (this.ended) return;
    this.dependencies.endRun();
    const final = (result.errors ?? []).some((e) => FINAL_CODES.has(codeOf(e)));
    this.publish(result, final);
    if (final) return this.stop();
    if (this.dirty) this.schedule();
  }

  private publish(result: ExecutionResult, final: boolean): void {
    const json = JSON.stringify(result);
    if (this.latest?.json === json) return;
    const event: LiveEvent = { kind: 'result', result, final };
    this.latest = { json, event };
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch {
        // One client's failure must not cost the others this result.
      }
    }
  }
}

/** The code an error will carry once masked (the JunctionError's own, or one already set), WATCH_CAP for the gateway's own cap. */
function codeOf(error: unknown): string {
  const { originalError, extensions } = error as { originalError?: { code?: unknown; service?: unknown }; extensions?: { code?: unknown } };
  const code = String(originalError?.code ?? extensions?.code ?? '');
  // The gateway's own watch cap, not an upstream's 429 (which has a service, and passes).
  return code === 'RATE_LIMITED' && originalError?.service === undefined ? 'WATCH_CAP' : code;
}
