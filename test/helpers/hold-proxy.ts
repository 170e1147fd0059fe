/**
 * A loopback proxy in front of an upstream that HOLDS every answer until the test releases it. It shows which
 * calls a gateway starts before it has seen any answer: a call that depends on an answer (a needless round trip)
 * cannot arrive while that answer is held. Nothing is timed: tests wait for calls to arrive (poll with a
 * deadline) and release them level by level.
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';

export interface HeldCall {
  method: string;
  path: string;
  query: string;
  /** Order of arrival, from 1. */
  seq: number;
}

export interface HoldProxy {
  /** The proxy's origin (`http://127.0.0.1:<port>`); paths are passed through unchanged. */
  origin: string;
  /** Calls that arrived and are still held. */
  held(): HeldCall[];
  /** Every call that arrived, released or not. */
  arrived(): HeldCall[];
  /** Releases held calls (all, or those matching); they are answered with what the upstream said. */
  release(match?: (call: HeldCall) => boolean): number;
  /** Stops holding: held calls and every later one go straight through. */
  passThrough(): void;
  /** Holds again, from the next call on. */
  hold(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return chunks.length ? Buffer.concat(chunks) : undefined;
}

export async function startHoldProxy(upstreamOrigin: string): Promise<HoldProxy> {
  const waiting = new Map<HeldCall, () => void>();
  const all: HeldCall[] = [];
  let holding = true;
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    const call: HeldCall = { method: req.method ?? 'GET', path: url.pathname, query: url.search.replace(/^\?/, ''), seq: all.length + 1 };
    all.push(call);
    const gate = holding ? new Promise<void>((resolve) => waiting.set(call, resolve)) : undefined;
    const body = await readBody(req);
    const headers = Object.fromEntries(Object.entries(req.headers).filter(([name]) => !['host', 'connection', 'content-length'].includes(name))) as Record<string, string>;
    const answer = await request(`${upstreamOrigin}${req.url}`, { method: call.method as 'GET', headers, body });
    const payload = Buffer.from(await answer.body.arrayBuffer());
    await gate;
    const out = Object.fromEntries(Object.entries(answer.headers).filter(([name]) => !['connection', 'transfer-encoding', 'keep-alive', 'content-length'].includes(name)));
    res.writeHead(answer.statusCode, out).end(payload);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const releaseWhere = (match: (call: HeldCall) => boolean) => {
    let n = 0;
    for (const [call, resolve] of [...waiting]) {
      if (!match(call)) continue;
      waiting.delete(call);
      resolve();
      n += 1;
    }
    return n;
  };
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    held: () => [...waiting.keys()].sort((a, b) => a.seq - b.seq),
    arrived: () => [...all],
    release: (match = () => true) => releaseWhere(match),
    passThrough() {
      holding = false;
      releaseWhere(() => true);
    },
    hold() {
      holding = true;
    },
    async close() {
      holding = false;
      releaseWhere(() => true);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
