import { ApolloClient, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { Client as UrqlClient, fetchExchange } from '@urql/core';
import { createClient as createSseClient } from 'graphql-sse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';

// The settings the README's "Clients" section gives, run with the real client packages against the gateway.
const CSRF = { 'x-graphql-yoga-csrf': '1' };
const VIEWER = '{ viewer { username } }';

let stack: Stack;
let authorization: string;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '50' } });
  authorization = `Token ${stack.principal('member').waldurToken}`;
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

describe('urql (GET for queries by default)', () => {
  const urql = (headers: Record<string, string>) => new UrqlClient({ url: stack.url, exchanges: [fetchExchange], preferGetMethod: 'force', fetchOptions: { headers } });

  it('should be refused without the header, and answered with it', async () => {
    const refused = await urql({ authorization }).query(VIEWER, {}).toPromise();
    expect(refused.error?.response?.status).toBe(403);
    const answered = await urql({ authorization, ...CSRF }).query(VIEWER, {}).toPromise();
    expect(answered.error).toBeUndefined();
    expect(answered.data).toEqual({ viewer: { username: 'mia.member' } });
  });
});

describe('Apollo Client (HttpLink with useGETForQueries)', () => {
  it('should be answered over GET without the header: it sends content-type: application/json, which forces a preflight', async () => {
    const apollo = new ApolloClient({ link: new HttpLink({ uri: stack.url, useGETForQueries: true, headers: { authorization } }), cache: new InMemoryCache() });
    const answered = await apollo.query({ query: gql(VIEWER) });
    expect(answered.data).toEqual({ viewer: { __typename: 'User', username: 'mia.member' } });
  });
});

describe('SSE subscriptions', () => {
  const subscription = async () => {
    const orders = await stack.query('{ orders(first: 1, filter: { state: [DONE] }) { nodes { uuid } } }', {}, 'staff');
    const uuid = orders.data.orders.nodes[0].uuid as string;
    return { uuid, query: `subscription { orderUpdated(uuid: "${uuid}") { uuid state } }` };
  };

  it('should stream through graphql-sse (distinct connections: a JSON POST, no CSRF header needed)', async () => {
    const { uuid, query } = await subscription();
    const client = createSseClient({ url: stack.url, retryAttempts: 0, headers: { authorization: `Token ${stack.principal('staff').waldurToken}` } });
    try {
      const events: unknown[] = [];
      await new Promise<void>((resolve, reject) => {
        client.subscribe({ query }, { next: (value) => events.push(value), error: reject, complete: resolve });
      });
      expect(events).toEqual([{ data: { orderUpdated: { uuid, state: 'DONE' } } }]);
    } finally {
      client.dispose();
    }
  });

  it('should refuse an EventSource-style GET without the header, and stream it with the header', async () => {
    const { uuid, query } = await subscription();
    const url = `${stack.url}?query=${encodeURIComponent(query)}`;
    const staff = `Token ${stack.principal('staff').waldurToken}`;
    const refused = await fetch(url, { headers: { accept: 'text/event-stream', authorization: staff } });
    expect(refused.status).toBe(403);
    await refused.body?.cancel();
    const streamed = await fetch(url, { headers: { accept: 'text/event-stream', authorization: staff, ...CSRF } });
    expect(streamed.status).toBe(200);
    const text = await streamed.text();
    expect(text).toContain(`data: {"data":{"orderUpdated":{"uuid":"${uuid}","state":"DONE"}}}`);
    expect(text).toContain('event: complete');
  });
});
