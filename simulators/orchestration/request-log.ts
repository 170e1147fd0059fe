/** What the control API reports about the requests the simulator served (control calls excluded). */
export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  bytes: number;
  /** As sent (compressed when the client asked). */
  wireBytes: number;
  durationMs: number;
  headers: Record<string, string>;
  body: unknown;
}

const LOGGED_HEADERS = ['authorization', 'x-request-id', 'content-type', 'traceparent'];

export function loggedHeaders(headers: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of LOGGED_HEADERS) {
    const value = headers[name];
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

export class RequestLog {
  private entries: LoggedRequest[] = [];
  private byRoute: Record<string, number> = {};
  private bytes = 0;
  private wireBytes = 0;
  private socketBytes = 0;
  private tokenCalls = 0;
  private seq = 0;

  nextSeq(): number {
    return ++this.seq;
  }

  /** `route` is the counter key, e.g. `GET /api/v0/projects/{project}/allocations`. */
  record(entry: LoggedRequest, route: string, isTokenCall: boolean): void {
    this.entries.push(entry);
    this.bytes += entry.bytes;
    this.wireBytes += entry.wireBytes;
    this.byRoute[route] = (this.byRoute[route] ?? 0) + 1;
    if (isTokenCall) this.tokenCalls++;
  }

  /** Whole exchanges on the connection, HTTP headers included (simulators/socket-bytes.ts). */
  addSocketBytes(bytes: number): void {
    this.socketBytes += bytes;
  }

  requests(): LoggedRequest[] {
    return [...this.entries].sort((a, b) => a.seq - b.seq);
  }

  counters(): { total: number; bytes: number; wireBytes: number; socketBytes: number; byRoute: Record<string, number>; tokenCalls: number } {
    return { total: this.entries.length, bytes: this.bytes, wireBytes: this.wireBytes, socketBytes: this.socketBytes, byRoute: { ...this.byRoute }, tokenCalls: this.tokenCalls };
  }

  reset(): void {
    this.entries = [];
    this.byRoute = {};
    this.bytes = 0;
    this.wireBytes = 0;
    this.socketBytes = 0;
    this.tokenCalls = 0;
  }
}
