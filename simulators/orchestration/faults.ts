import { badRequest } from './errors.ts';

/** An injected failure for requests whose method and pathname match; `times` limits how often it fires. */
export interface Fault {
  id: string;
  method?: string;
  path: RegExp;
  status?: number;
  body?: unknown;
  retryAfter?: number | string;
  hang?: boolean;
  reset?: boolean;
  malformed?: boolean;
  delayMs?: number;
  remaining?: number;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export class FaultSet {
  private faults: Fault[] = [];
  private nextId = 1;

  add(raw: unknown): string {
    if (!isObject(raw) || typeof raw.path !== 'string') throw badRequest('a fault needs "path", a regular expression on the pathname');
    let path: RegExp;
    try {
      path = new RegExp(raw.path);
    } catch {
      throw badRequest(`invalid path regex ${JSON.stringify(raw.path)}`);
    }
    const num = (v: unknown, name: string) => {
      if (v !== undefined && (typeof v !== 'number' || !Number.isFinite(v) || v < 0)) throw badRequest(`${name} must be a non-negative number`);
      return v as number | undefined;
    };
    const status = num(raw.status, 'status');
    if (status !== undefined && (status < 100 || status > 599)) throw badRequest('status must be an HTTP status code');
    const fault: Fault = {
      id: `fault-${this.nextId++}`,
      method: typeof raw.method === 'string' ? raw.method.toUpperCase() : undefined,
      path, status, body: raw.body,
      retryAfter: typeof raw.retryAfter === 'string' ? raw.retryAfter : num(raw.retryAfter, 'retryAfter'),
      hang: raw.hang === true, reset: raw.reset === true, malformed: raw.malformed === true,
      delayMs: num(raw.delayMs, 'delayMs'),
      remaining: num(raw.times, 'times'),
    };
    this.faults.push(fault);
    return fault.id;
  }

  clear(): void {
    this.faults = [];
  }

  /** The first live fault for this request, consuming one of its `times`. */
  take(method: string, pathname: string): Fault | undefined {
    const fault = this.faults.find((f) => (!f.method || f.method === method) && f.path.test(pathname));
    if (!fault) return undefined;
    if (fault.remaining !== undefined && --fault.remaining <= 0) this.faults = this.faults.filter((f) => f !== fault);
    return fault;
  }
}
