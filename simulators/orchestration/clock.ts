/**
 * The simulator's clock: real time plus an offset that only grows. Tests move it forward through the
 * control API instead of sleeping, and every timestamp, token expiry and artefact retention reads it.
 */
export class SimClock {
  private offsetMs = 0;

  now(): number {
    return Date.now() + this.offsetMs;
  }

  advance(ms: number): void {
    if (Number.isFinite(ms) && ms > 0) this.offsetMs += ms;
  }
}

/** RFC 3339 in UTC with milliseconds, the way protobuf JSON prints a Timestamp. */
export function rfc3339(ms: number): string {
  return new Date(ms).toISOString();
}
