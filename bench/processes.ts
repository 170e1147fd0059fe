/** Child processes of the bench: the served systems (bench/serve.ts) and the load generator (bench/load.ts). */
import { fork, type ChildProcess } from 'node:child_process';

export interface BenchProcess {
  info: Record<string, any>;
  /** The process's own CPU time so far (user + system) and memory. */
  usage(): Promise<{ cpuMs: number; rssBytes: number; heapBytes: number }>;
  stop(): Promise<void>;
  /** Sends a message and waits for the answer of the given type (bench/profile.ts). */
  ask<T>(message: { type: string }, answer: string): Promise<T>;
}

const here = (file: string) => new URL(file, import.meta.url);

function nextMessage<T>(child: ChildProcess, type?: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: any) => {
      if (type && message?.type !== type) return;
      child.off('message', onMessage);
      child.off('exit', onExit);
      resolve(message as T);
    };
    const onExit = (code: number | null) => reject(new Error(`bench process exited with ${code} before answering`));
    child.on('message', onMessage);
    child.once('exit', onExit);
  });
}

/** Forks `serve.ts <kind>` and waits until it listens. */
export async function forkBench(kind: string, settings: unknown, env: Record<string, string> = {}, nodeFlags: string[] = [], serve = here('./serve.ts')): Promise<BenchProcess> {
  const child = fork(serve, [kind], {
    execArgv: ['--import', 'tsx', ...nodeFlags],
    env: { ...process.env, ...env, BENCH_SETTINGS: JSON.stringify(settings) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = await nextMessage<Record<string, any>>(child, 'ready');
  let queue = Promise.resolve() as Promise<unknown>;
  return {
    info: ready,
    usage() {
      const answer = queue.then(() => {
        const reply = nextMessage<{ cpuMs: number; rssBytes: number; heapBytes: number }>(child, 'usage');
        child.send({ type: 'usage' });
        return reply;
      });
      queue = answer.catch(() => undefined);
      return answer;
    },
    ask<T>(message: { type: string }, answer: string) {
      const reply = nextMessage<T>(child, answer);
      child.send(message);
      return reply;
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send({ type: 'stop' });
      await exited;
    },
  };
}

export interface LoadResult { requests: number; ok: number; errors: number; seconds: number }

/** Runs autocannon in a fresh process against one target. */
export async function runLoad(options: { url: string; method: string; body?: string; headers: Record<string, string>; connections: number; seconds: number }): Promise<LoadResult> {
  const child = fork(here('./load.ts'), [], {
    execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_LOAD: JSON.stringify(options) }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return nextMessage<LoadResult>(child);
}
