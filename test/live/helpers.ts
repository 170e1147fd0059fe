import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { PrincipalName, Stack } from '../helpers/stack.ts';

export function wsClient(stack: Stack, as: PrincipalName): Client {
  return createClient({
    url: stack.wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Token ${stack.principal(as).waldurToken}` },
    lazy: true,
    retryAttempts: 0,
  });
}

/** Every message of one operation, and how it ended (`complete`, or the error). */
export function collect(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const events: any[] = [];
  let ended: { complete: true } | { error: unknown } | undefined;
  const unsubscribe = client.subscribe({ query, variables }, {
    next: (value) => void events.push(value),
    error: (error) => void (ended = { error }),
    complete: () => void (ended = { complete: true }),
  });
  return { events, get ended() { return ended; }, unsubscribe };
}

/** Waits on a condition (never a fixed sleep): polls every 10 ms up to the deadline. */
export async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** How many times the simulator saw a GET whose path matches, since its log was last reset. */
export async function gets(stack: Stack, service: 'waldur' | 'orchestration', path: RegExp): Promise<number> {
  return (await stack.requests(service)).filter((r) => r.method === 'GET' && path.test(r.path)).length;
}
