/** Retry policy for idempotent upstream calls: which failures retry, how long to wait, and how many retries overall. */

export interface RetryTuning {
  /** First backoff step; doubles per attempt (default 50 ms). */
  backoffBaseMs?: number;
  /** Ceiling of one exponential backoff step (default 2 s). */
  backoffMaxMs?: number;
  /** Longest `Retry-After` waited for; a longer one is surfaced instead (default 5 s). */
  maxRetryAfterMs?: number;
  /** Retries may add this fraction on top of the requests in the window (default 0.2). */
  budgetRatio?: number;
  /** Retries always allowed per window, however quiet the traffic (default 10). */
  budgetMinRetries?: number;
  /** Length of the budget's sliding window (default 10 s). */
  budgetWindowMs?: number;
}

/** Statuses that say "try again later" without the request having been processed. */
export const RETRYABLE_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Pure. Exponential backoff with "equal jitter": half fixed so a retry never fires at once, half random to spread a herd. */
export function backoffMs(retry: number, baseMs: number, maxMs: number, random: () => number = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return step / 2 + random() * (step / 2);
}

/** Parses `Retry-After` (delta-seconds or HTTP-date) into milliseconds; undefined (never throws) when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Resolves after `ms`, or rejects with the signal's reason as soon as it aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal?.reason);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Token-bucket-like retry budget over a sliding window: a retry is allowed while the retries in the window stay
 * below max(minRetries, ratio × requests). Keeps a struggling upstream from being hammered by retry storms. Never throws.
 */
export function createRetryBudget(tuning: RetryTuning = {}, now: () => number = Date.now) {
  const ratio = tuning.budgetRatio ?? 0.2;
  const minRetries = tuning.budgetMinRetries ?? 10;
  const windowMs = tuning.budgetWindowMs ?? 10_000;
  const slotMs = windowMs / 10;
  // Ten slots of (requests, retries); old slots are zeroed lazily as time moves on.
  const slots = Array.from({ length: 10 }, () => ({ epoch: -1, requests: 0, retries: 0 }));

  const current = () => {
    const epoch = Math.floor(now() / slotMs);
    const slot = slots[epoch % slots.length];
    if (slot.epoch !== epoch) Object.assign(slot, { epoch, requests: 0, retries: 0 });
    return slot;
  };
  const totals = () => {
    const oldest = Math.floor(now() / slotMs) - slots.length + 1;
    return slots.reduce((sum, s) => (s.epoch >= oldest ? { requests: sum.requests + s.requests, retries: sum.retries + s.retries } : sum),
      { requests: 0, retries: 0 });
  };

  return {
    /** Counts one first attempt. */
    recordRequest(): void {
      current().requests += 1;
    },
    /** Takes one retry from the budget; false (nothing taken) when it is spent. */
    tryRetry(): boolean {
      const { requests, retries } = totals();
      if (retries + 1 > Math.max(minRetries, ratio * requests)) return false;
      current().retries += 1;
      return true;
    },
  };
}

export type RetryBudget = ReturnType<typeof createRetryBudget>;
