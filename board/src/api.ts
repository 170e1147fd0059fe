import { createClient, type Client } from 'graphql-ws';

export interface GraphQLResult<T = any> {
  data?: T;
  errors?: Array<{ message: string; extensions?: { code?: string } }>;
}

export type ConnectionState = 'connecting' | 'live' | 'offline';

const endpoint = () => new URL('/graphql', location.href);

/** One query or mutation over HTTP POST with the signed-in token. */
export async function post<T = any>(token: string, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLResult<T>> {
  const response = await fetch(endpoint(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization: `Token ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/**
 * The one WebSocket (graphql-ws) every live query of the board shares. It reconnects for ever with a capped
 * backoff, so the board recovers by itself after a gateway restart; `onState` drives the visible connection badge.
 */
export function connect(token: string, onState: (state: ConnectionState) => void): Client {
  const url = endpoint();
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return createClient({
    url: url.href,
    connectionParams: { authorization: `Token ${token}` },
    lazy: false,
    keepAlive: 10_000,
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
    retryWait: (retries) => new Promise((resolve) => setTimeout(resolve, Math.min(250 * 2 ** retries, 3_000))),
    on: {
      connecting: () => onState('connecting'),
      connected: () => onState('live'),
      closed: () => onState('offline'),
    },
  });
}
