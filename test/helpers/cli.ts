import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
export const JUNCTION_BIN = resolve(ROOT, 'bin/junction.js');

/** The environment a user's shell would give: no test-runner or Junction variables leak into the child. */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(JUNCTION_|SIM_|WALDUR_|ORCHESTRATION_|UPSTREAM_|LINK_|MAX_|VITEST|npm_)/.test(name) || ['PORT', 'HOST', 'NODE_ENV', 'REDIS_URL', 'TEST'].includes(name)) continue;
    env[name] = value;
  }
  return { ...env, LOG_LEVEL: 'warn', ...extra };
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** A running command whose output is collected; `waitForOutput` polls it with a deadline. */
export function launch(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child: ChildProcess = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk) => (stdout += chunk));
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<Finished>((done) => child.on('close', (code, signal) => done({ code, signal, stdout, stderr })));
  return {
    child,
    exited,
    get stdout() { return stdout; },
    get stderr() { return stderr; },
    async waitForOutput(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
      const deadline = Date.now() + timeoutMs;
      let finished = false;
      void exited.then(() => (finished = true));
      for (;;) {
        const match = stdout.match(pattern);
        if (match) return match;
        if (finished || Date.now() > deadline) throw new Error(`no ${pattern} in the output (${finished ? 'exited' : 'timed out'}):\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    /** Ends the process (if still running) and waits for it. */
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}

/** Runs `junction ARGS` (bin/junction.js, as `npx junction` would) to completion. */
export function junction(args: string[], env: Record<string, string> = {}): Promise<Finished> {
  return launch(process.execPath, [JUNCTION_BIN, ...args], cleanEnv(env)).exited;
}

/** A port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

/** Whether something accepts connections on 127.0.0.1:port. */
export async function isListening(port: number): Promise<boolean> {
  const { connect } = await import('node:net');
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), done(true)));
    socket.once('error', () => done(false));
  });
}
