import type { Client } from 'graphql-ws';
import fastJsonPatch from 'fast-json-patch';
import type { GraphQLResult } from './api.ts';

const FINAL = new Set(['FORBIDDEN', 'UNAUTHENTICATED', 'RATE_LIMITED', 'BAD_USER_INPUT']);

/**
 * Holds one `@live(patches: true)` query: applies each JSON patch to the last data and hands on the whole.
 * When the gateway ends the stream (a restart), it subscribes again once the socket is back; it stops for good
 * after an error that asking again cannot fix (lost access, a refused query).
 */
export function holdLive<T>(client: Client, query: string, variables: Record<string, unknown>, onData: (data: T, errors?: GraphQLResult['errors']) => void): () => void {
  let stopped = false;
  let unsubscribe = () => {};
  const start = () => {
    let data: any;
    let final = false;
    unsubscribe = client.subscribe<any>({ query, variables }, {
      next: (message: any) => {
        if (message.revision === 1 || message.revision === undefined) data = message.data;
        else if (message.patch && data !== undefined) data = fastJsonPatch.applyPatch(structuredClone(data), message.patch, false, false).newDocument;
        final = (message.errors ?? []).some((e: any) => FINAL.has(e.extensions?.code));
        onData(data as T, message.errors);
      },
      error: () => again(),
      complete: () => (final ? undefined : again()),
    });
  };
  const again = () => {
    if (!stopped) setTimeout(() => !stopped && start(), 300);
  };
  start();
  return () => {
    stopped = true;
    unsubscribe();
  };
}
