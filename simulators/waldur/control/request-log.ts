import { routeTemplate } from '../http/ids.ts';

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  /** The raw query string, without `?`. */
  query: string;
  /** 0 when no response was sent (a hung or reset connection). */
  status: number;
  /** Response body bytes. */
  bytes: number;
  /** Response body bytes as sent (compressed when the client asked). */
  wireBytes: number;
  durationMs: number;
  headers: Record<string, string>;
  body: unknown;
}

const LOGGED_HEADERS = ['authorization', 'accept-language', 'x-request-id', 'x-impersonated-user-uuid', 'content-type', 'traceparent'] as const;
/** Benchmarks send many requests; the log keeps the newest ones while counters keep counting. */
const MAX_ENTRIES = 100_000;

export function loggedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const picked: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) picked[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return picked;
}

/** The API requests the simulator answered, for tests that assert what the gateway sent upstream. */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private seq = 0;
  private total = 0;
  private bytes = 0;
  private wireBytes = 0;
  private socketBytes = 0;
  private byRoute = new Map<string, number>();

  record(entry: Omit<LoggedRequest, 'seq'>): void {
    this.seq += 1;
    this.entries.push({ seq: this.seq, ...entry });
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    this.total += 1;
    this.bytes += entry.bytes;
    this.wireBytes += entry.wireBytes;
    const route = `${entry.method} ${routeTemplate(entry.path)}`;
    this.byRoute.set(route, (this.byRoute.get(route) ?? 0) + 1);
  }

  /** Whole exchanges on the connection, HTTP headers included (simulators/socket-bytes.ts). */
  addSocketBytes(bytes: number): void {
    this.socketBytes += bytes;
  }

  list(sinceSeq = 0): LoggedRequest[] {
    return this.entries.filter((entry) => entry.seq > sinceSeq);
  }

  counters() {
    return { total: this.total, bytes: this.bytes, wireBytes: this.wireBytes, socketBytes: this.socketBytes, byRoute: Object.fromEntries(this.byRoute) };
  }

  clear(): void {
    this.entries = [];
    this.total = 0;
    this.bytes = 0;
    this.wireBytes = 0;
    this.socketBytes = 0;
    this.byRoute = new Map();
  }
}
