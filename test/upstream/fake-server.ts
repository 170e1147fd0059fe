import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { UpstreamSettings } from '../../src/config.ts';

export interface Hit {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
  at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, hit: Hit, index: number) => void | Promise<void>;

/** A real loopback HTTP server on port 0 that records every request; its handler decides how flaky it is. */
export async function startFakeServer(handler: Handler) {
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const hit: Hit = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: performance.now() };
      hits.push(hit);
      void handler(req, res, hit, hits.length - 1);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    hits,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Writes a JSON (or raw string) answer. */
export function reply(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(text);
}

/** Fast settings for tests: short timeout, a few retries, a breaker that will not trip unless a test wants it to. */
export function settings(overrides: Partial<UpstreamSettings> = {}): UpstreamSettings {
  return { timeoutMs: 2_000, retries: 3, connections: 4, breakerFailurePercent: 99, breakerWindowMs: 10_000, breakerMinCalls: 100_000, breakerResetMs: 200, compression: false, ...overrides };
}

/** Retry tuning that keeps tests fast. */
export const FAST = { backoffBaseMs: 2, backoffMaxMs: 10 } as const;
