/** A circuit breaker per upstream: closed → open after N consecutive failures → half-open (one trial) after a pause. */

export type BreakerState = 'closed' | 'open' | 'half-open';

export interface BreakerOptions {
  failureThreshold: number;
  resetMs: number;
  now?: () => number;
}

/** What one admitted attempt reports back; exactly one call settles it, later calls are ignored. */
export interface BreakerPermit {
  success(): void;
  failure(): void;
  /** The attempt ended without a verdict on the upstream (e.g. the caller aborted). */
  release(): void;
}

/** Creates a breaker; `admit()` returns a permit, or undefined when calls must fail fast. Never throws. */
export function createBreaker({ failureThreshold, resetMs, now = Date.now }: BreakerOptions) {
  let state: BreakerState = 'closed';
  let failures = 0;
  let openedAt = 0;
  let trialInFlight = false;

  const open = () => {
    state = 'open';
    openedAt = now();
    trialInFlight = false;
  };

  const permit = (trial: boolean): BreakerPermit => {
    let settled = false;
    const settle = (verdict: 'success' | 'failure' | 'none') => {
      if (settled) return;
      settled = true;
      if (trial) trialInFlight = false;
      if (verdict === 'success') {
        state = 'closed';
        failures = 0;
      } else if (verdict === 'failure') {
        failures += 1;
        if (trial || (state === 'closed' && failures >= failureThreshold)) open();
      }
    };
    return { success: () => settle('success'), failure: () => settle('failure'), release: () => settle('none') };
  };

  return {
    get state(): BreakerState {
      if (state === 'open' && now() - openedAt >= resetMs) state = 'half-open';
      return state;
    },
    admit(): BreakerPermit | undefined {
      const current = this.state;
      if (current === 'closed') return permit(false);
      if (current === 'half-open' && !trialInFlight) {
        trialInFlight = true;
        return permit(true);
      }
      return undefined;
    },
  };
}

export type Breaker = ReturnType<typeof createBreaker>;
