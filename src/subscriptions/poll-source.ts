/** What a shared poller needs to know about one watched object, in one access scope. */
export interface PollSource<T> {
  /** Object and access scope, e.g. `order:<uuid>:<principal key>`; pollers are shared per key only. */
  key: string;
  /** Whose pollers these are (the principal key): the registry caps how many one caller keeps alive. */
  scope: string;
  /** Fetches the current value through the caller's own client (never a request-scoped loader cache). */
  fetch(signal: AbortSignal): Promise<T>;
  /** Values with equal fingerprints are not re-emitted. */
  fingerprint(value: T): string;
  /** After a terminal value is emitted, subscribers complete and the poller stops. */
  isTerminal(value: T): boolean;
}

export type PollEvent<T> =
  | { kind: 'value'; value: T; terminal: boolean }
  | { kind: 'error'; error: unknown; fatal: true }
  /** The poller was stopped (gateway shutdown): subscribers complete. */
  | { kind: 'end' };

export interface PollTiming {
  intervalMs: number;
  /** Unchanged values stretch the interval up to this; a change snaps back to `intervalMs`. */
  maxIntervalMs: number;
}

/** Next delay: stretch while nothing changes, back off with jitter on errors (never in lockstep with peers). */
export function nextDelay(timing: PollTiming, unchangedPolls: number, consecutiveErrors: number, random = Math.random): number {
  const jitter = 0.8 + random() * 0.4;
  if (consecutiveErrors > 0) {
    return Math.min(timing.intervalMs * 2 ** Math.min(consecutiveErrors, 6), timing.maxIntervalMs * 4) * jitter;
  }
  const stretched = timing.intervalMs * (1 + Math.floor(unchangedPolls / 5) * 0.5);
  return Math.min(stretched, timing.maxIntervalMs) * jitter;
}
