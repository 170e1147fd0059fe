import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAULTS, HOSTILE, type Outcome, type Target } from './load/hostile.ts';

/**
 * The fault and hostile-input requests, all at once, against a production gateway in a second process on loopback:
 * it must not crash, every answer must be GraphQL JSON with a coded error (or an expected close code), and its heap
 * after a full GC must not grow from the end of the warm-up to the end of the run.
 */
const WORKERS = 6;
const WARMUP_MS = 5_000;
const RUN_MS = 20_000;

let child: ChildProcess;
let target: Target & { heapUrl: string };
let exited: number | null | undefined;

beforeAll(async () => {
  child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', 'test/protection/load/target.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.on('exit', (code) => (exited = code));
  const [line] = await Promise.race([
    new Promise<string[]>((resolve) => createInterface({ input: child.stdout! }).once('line', (l) => resolve([l]))),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the target did not start in 20 s')), 20_000)),
  ]);
  target = JSON.parse(line);
  const origin = new URL(target.waldurUrl).origin;
  for (const fault of FAULTS) await request(`${origin}/__sim/faults`, { method: 'POST', body: JSON.stringify(fault), headers: { 'content-type': 'application/json' } }).then((r) => r.body.dump());
}, 30_000);

afterAll(async () => {
  if (exited !== undefined) return;
  const gone = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000))]);
  if (exited === undefined) child.kill('SIGKILL');
});

const heapUsed = async () => ((await (await request(target.heapUrl)).body.json()) as { heapUsed: number }).heapUsed;

/** Why an outcome is not what a client may be given, or undefined. */
function problem(outcome: Outcome): string | undefined {
  if (outcome.kind === 'close') return outcome.expected.includes(outcome.code) ? undefined : `WebSocket closed with ${outcome.code}`;
  const body = outcome.body as { data?: unknown; errors?: Array<{ message?: unknown; extensions?: { code?: unknown } }> };
  if (!body || typeof body !== 'object' || (!('data' in body) && !Array.isArray(body.errors))) return `not a GraphQL answer: ${JSON.stringify(body).slice(0, 200)}`;
  for (const error of body.errors ?? []) {
    if (typeof error.message !== 'string' || typeof error.extensions?.code !== 'string') return `an error without a message or code: ${JSON.stringify(error).slice(0, 200)}`;
    if (error.extensions.code === 'INTERNAL') return `INTERNAL: ${error.message}`;
  }
  return undefined;
}

async function hammer(untilMs: number, problems: string[]): Promise<number> {
  let sent = 0;
  await Promise.all(Array.from({ length: WORKERS }, async (_, worker) => {
    for (let i = worker; Date.now() < untilMs; i++) {
      const outcomes = [await HOSTILE[i % HOSTILE.length](target).catch((error: Error) => ({ kind: 'close', code: -1, expected: [], error: error.message } as Outcome))].flat();
      sent += 1;
      for (const outcome of outcomes) {
        const found = problem(outcome);
        if (found && problems.length < 20) problems.push(`request ${i % HOSTILE.length}: ${found}`);
      }
    }
  }));
  return sent;
}

describe('the protection suite under load', () => {
  it('should survive every hostile request at once: no crash, only coded GraphQL answers, a flat heap', async () => {
    const problems: string[] = [];
    await hammer(Date.now() + WARMUP_MS, problems);
    const warm = await heapUsed();
    const sent = await hammer(Date.now() + RUN_MS, problems);
    const end = await heapUsed();
    expect(exited).toBeUndefined();
    expect(problems).toEqual([]);
    expect(sent).toBeGreaterThan(HOSTILE.length);
    // Flat: what a full GC leaves may wobble (pools, caches of bounded size), but must not climb with the load.
    expect(end - warm, `heap ${Math.round(warm / 1e6)} MB after warm-up, ${Math.round(end / 1e6)} MB after ${sent} requests`).toBeLessThan(Math.max(25e6, warm * 0.5));
  }, 60_000);
});
