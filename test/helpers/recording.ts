/**
 * Records every upstream request a gateway under test sends, for the contract-conformance run
 * (test/conformance/, checked by test/contracts/conformance.ts).
 *
 * Two views of the same traffic are joined here:
 * - the simulators' own request logs (`GET /__sim/requests`): what the upstream received — path, raw query, the
 *   credential headers, the parsed body. This is the record of each request.
 * - undici's `undici:request:create` diagnostics channel, in this process: every header name the sender set (the
 *   simulator logs keep only an allow-list, so a forwarded stray header would be invisible there), and who sent it.
 *   A request created with test code on its synchronous call stack (a test asking a simulator directly, e.g.
 *   test/orchestration/helpers.ts) is tagged `source: "test"` and is not Junction's; everything else is the gateway's
 *   (its upstream pools, its readiness probes).
 *
 * Lines are appended as JSON to `<recordings dir>/<test file>.<pid>.jsonl`; vitest's globalSetup
 * (test/helpers/recording-setup.ts) empties the run's directory at the start of a run.
 */
import { appendFileSync, mkdirSync } from 'node:fs';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const TEST_DIR = join(PROJECT_ROOT, 'test') + sep;

/** Parent of every recordings directory (gitignored). */
export const RECORDINGS_ROOT = join(PROJECT_ROOT, '.recordings');

/**
 * Where this run's recordings go: `JUNCTION_RECORDINGS_DIR` (relative to the project root), else `.recordings/default`.
 * `npm test` gives each run its own `.recordings/run-<pid>`, so a concurrent `vitest run some.test.ts` in the same tree
 * (which empties `default`) cannot clear the recordings the conformance run is about to read.
 */
export function recordingsDir(): string {
  return resolve(PROJECT_ROOT, process.env.JUNCTION_RECORDINGS_DIR || join(RECORDINGS_ROOT, 'default'));
}

export type Service = 'waldur' | 'orchestration';

/** The upstream base paths of the stack a request was recorded in; the checker needs them to strip prefixes. */
export interface RecordedBases {
  /** Path of WALDUR_URL, e.g. `/api/`. */
  waldur: string;
  /** Path of ORCHESTRATION_URL (the API prefix), e.g. `/api/v0`. */
  orchestration: string;
  /** Path of ORCHESTRATION_TOKEN_URL, e.g. `/auth/v1/token`. */
  orchestrationToken: string;
}

/** One line of a recording file. */
export interface RecordedRequest {
  kind: 'request';
  service: Service;
  /** Test file (relative to the project root) whose stack saw the request. */
  file: string;
  /** `gateway` (Junction sent it) or `test` (test code asked the simulator directly; not checked). */
  source: 'gateway' | 'test';
  seq: number;
  method: string;
  path: string;
  /** Raw query string without `?`, exactly as received. */
  query: string;
  status: number;
  /** The headers the simulator logged (an allow-list of credential and content headers). */
  headers: Record<string, string>;
  /** Every header name the sender set (lower case), from the diagnostics channel; null when it was not observed. */
  sentHeaderNames: string[] | null;
  body: unknown;
  bases: RecordedBases;
}

/** A recording that could not be completed (a simulator log unreadable at flush); the conformance run fails on it. */
export interface RecordingError {
  kind: 'recording-error';
  file: string;
  message: string;
}

export type RecordingLine = RecordedRequest | RecordingError;

interface LogEntry {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Sent {
  service: Service;
  key: string;
  source: 'gateway' | 'test';
  headerNames: string[];
}

/** undici keeps request headers as a flat `[name, value, …]` array (older copies, e.g. Node's bundled fetch: a raw string). */
function headerPairs(headers: unknown): Array<[string, string]> {
  if (Array.isArray(headers)) {
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i + 1 < headers.length; i += 2) pairs.push([String(headers[i]).toLowerCase(), String(headers[i + 1])]);
    return pairs;
  }
  if (typeof headers === 'string') {
    return headers.split('\r\n').filter(Boolean).map((line) => {
      const colon = line.indexOf(':');
      return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()] as [string, string];
    });
  }
  return [];
}

/** True when test code (not this recorder, not the stack helper) is on the synchronous call stack. */
function sentByTestCode(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 200;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  return stack.split('\n').slice(1).some((frame) => {
    const path = frame.replace(/file:\/\//, '');
    const at = path.indexOf(TEST_DIR);
    return at >= 0 && !path.includes(`${TEST_DIR}helpers${sep}recording.ts`) && !path.includes(`${TEST_DIR}helpers${sep}stack.ts`);
  });
}

/** The match key shared by both views: everything both the simulator log and the sender know. */
function joinKey(service: Service, method: string, pathAndQuery: string, authorization: string | undefined, requestId: string | undefined): string {
  return [service, method.toUpperCase(), pathAndQuery, authorization ?? '', requestId ?? ''].join('\u0000');
}

/** The name of the running test file, relative to the project root (vitest's expect state), or `unknown`. */
export function currentTestFile(testPath: string | undefined): string {
  return testPath ? relative(PROJECT_ROOT, testPath) : (process.env.JUNCTION_TEST_FILE ?? 'unknown');
}

export interface UpstreamRecorder {
  /** Appends the given simulator log entries (those not recorded yet) to the recording. */
  record(logs: Record<Service, LogEntry[]>): void;
  /** Appends a recording error line. */
  fail(message: string): void;
  /** Stops observing the diagnostics channel. */
  close(): void;
}

/** Starts observing the requests this process sends to the two simulator origins of one stack. */
export function createUpstreamRecorder(options: { origins: Record<Service, string>; bases: RecordedBases; file: string }): UpstreamRecorder {
  const { origins, bases, file } = options;
  const dir = recordingsDir();
  const target = join(dir, `${file.replace(/[^A-Za-z0-9._-]+/g, '_')}.${process.pid}.jsonl`);
  const pending: Sent[] = [];
  const recorded: Record<Service, Set<number>> = { waldur: new Set(), orchestration: new Set() };
  const serviceOf = (origin: string): Service | undefined =>
    origin === origins.waldur ? 'waldur' : origin === origins.orchestration ? 'orchestration' : undefined;

  const onCreate = (message: unknown) => {
    const request = (message as { request?: { origin?: unknown; method?: string; path?: string; headers?: unknown } }).request;
    if (!request || typeof request.path !== 'string' || request.path.startsWith('/__sim/')) return;
    const service = serviceOf(String(request.origin ?? '').replace(/\/$/, ''));
    if (!service) return;
    const pairs = headerPairs(request.headers);
    const header = (name: string) => pairs.find(([n]) => n === name)?.[1];
    pending.push({
      service,
      key: joinKey(service, request.method ?? 'GET', request.path, header('authorization'), header('x-request-id')),
      source: sentByTestCode() ? 'test' : 'gateway',
      headerNames: [...new Set(pairs.map(([name]) => name))].sort(),
    });
  };
  subscribe('undici:request:create', onCreate);

  const append = (lines: RecordingLine[]) => {
    if (lines.length === 0) return;
    mkdirSync(dir, { recursive: true });
    appendFileSync(target, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  };

  return {
    record(logs) {
      const lines: RecordingLine[] = [];
      for (const service of ['waldur', 'orchestration'] as const) {
        for (const entry of logs[service] ?? []) {
          if (recorded[service].has(entry.seq)) continue;
          recorded[service].add(entry.seq);
          const key = joinKey(service, entry.method, entry.query ? `${entry.path}?${entry.query}` : entry.path, entry.headers?.authorization, entry.headers?.['x-request-id']);
          const at = pending.findIndex((sent) => sent.key === key);
          const sent = at >= 0 ? pending.splice(at, 1)[0] : undefined;
          lines.push({
            kind: 'request', service, file, source: sent?.source ?? 'gateway', seq: entry.seq,
            method: entry.method, path: entry.path, query: entry.query ?? '', status: entry.status,
            headers: entry.headers ?? {}, sentHeaderNames: sent?.headerNames ?? null, body: entry.body ?? null, bases,
          });
        }
      }
      append(lines);
    },
    fail(message) {
      append([{ kind: 'recording-error', file, message }]);
    },
    close() {
      unsubscribe('undici:request:create', onCreate);
    },
  };
}
