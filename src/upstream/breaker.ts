/**
 * A circuit breaker per upstream, on cockatiel: it opens when more than a share of the calls in a sliding time
 * window failed, once the window holds a minimum number of calls, so a short burst within a low fault rate does
 * not cut everyone off. After a pause one trial call goes through; calls arriving meanwhile wait for its verdict
 * instead of failing, then run (or fail fast if the trial failed).
 */
import { BrokenCircuitError, CircuitState, SamplingBreaker, circuitBreaker, handleWhen } from 'cockatiel';

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions<T> {
  /** Share of failed calls (0–1, exclusive) in the window that opens the breaker. */
  failureRatio: number;
  windowMs: number;
  /** Calls the window must hold before the ratio counts. */
  minCalls: number;
  /** Time open before a trial call. */
  resetMs: number;
  /** Which thrown errors and which results count against the upstream; anything else is a success. */
  failedError: (error: Error) => boolean;
  failedResult: (result: T) => boolean;
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed', [CircuitState.Open]: 'open', [CircuitState.HalfOpen]: 'half-open', [CircuitState.Isolated]: 'open',
};

/** Creates a breaker; `run` rejects with `whenOpen()` while the circuit is open. Never throws synchronously. */
export function createBreaker<T>({ failureRatio, windowMs, minCalls, resetMs, failedError, failedResult }: BreakerOptions<T>) {
  const policy = circuitBreaker(handleWhen(failedError).orWhenResult((result) => failedResult(result as T)), {
    halfOpenAfter: resetMs,
    breaker: new SamplingBreaker({ threshold: failureRatio, duration: windowMs, minimumRps: (minCalls * 1000) / windowMs }),
  });
  return {
    get state(): BreakerState {
      // cockatiel moves Open → HalfOpen only when a call arrives; report what the next call would meet.
      return STATES[policy.state];
    },
    /** Runs one attempt through the breaker; results counted as failures are still returned to the caller. */
    async run(fn: () => Promise<T>, whenOpen: () => Error): Promise<T> {
      try {
        return await policy.execute(fn);
      } catch (error) {
        throw error instanceof BrokenCircuitError ? whenOpen() : error;
      }
    },
  };
}

export type Breaker<T> = ReturnType<typeof createBreaker<T>>;
