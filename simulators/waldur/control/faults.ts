import { runtimeRandom } from '../random.ts';

/** A fault to inject on matching API requests (POST /__sim/faults). */
export interface FaultSpec {
  method?: string;
  /** A regular expression tested against the request's pathname. */
  path: string;
  status?: number;
  /** The response body: an object or array is sent as JSON, a string as it is. */
  body?: unknown;
  retryAfter?: number;
  /** Never answer; the connection stays open until the client gives up or the simulator closes. */
  hang?: boolean;
  /** Destroy the socket without an answer. */
  reset?: boolean;
  /** Answer 200 at once, then send the body one byte per this many ms, for ever (a stalled but living upstream). */
  trickleMs?: number;
  /** Answer 200 with a body that is not valid JSON. */
  malformed?: boolean;
  /** Wait this long first; without any other effect the request is then answered normally. */
  delayMs?: number;
  /** How many requests to affect; unlimited when absent. */
  times?: number;
}

export interface Fault extends FaultSpec {
  id: string;
  pattern: RegExp;
  remaining: number;
}

export class Faults {
  private faults: Fault[] = [];

  /** Throws a SyntaxError for an invalid `path` pattern. */
  add(spec: FaultSpec): Fault {
    const fault: Fault = {
      ...spec, id: runtimeRandom.hex(12), pattern: new RegExp(spec.path),
      method: spec.method?.toUpperCase(), remaining: spec.times ?? Number.POSITIVE_INFINITY,
    };
    this.faults.push(fault);
    return fault;
  }

  /** The first fault matching the request, counted as used. */
  take(method: string, path: string): Fault | undefined {
    const fault = this.faults.find((candidate) =>
      (!candidate.method || candidate.method === method) && candidate.pattern.test(path));
    if (!fault) return undefined;
    fault.remaining -= 1;
    if (fault.remaining <= 0) this.faults = this.faults.filter((candidate) => candidate !== fault);
    return fault;
  }

  list(): Fault[] {
    return [...this.faults];
  }

  clear(): void {
    this.faults = [];
  }
}
