import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type PrincipalName, type Stack } from '../helpers/stack.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

const token = (as: PrincipalName) => `Token ${stack.principal(as).waldurToken}`;

/** A graphql-ws client; `upgradeAuthorization` is sent on the HTTP upgrade request (what a proxy could add). */
function client({ connectionParams, upgradeAuthorization }: { connectionParams?: Record<string, unknown>; upgradeAuthorization?: string } = {}): Client {
  class UpgradeHeaders extends WebSocket {
    constructor(url: string, protocols: string | string[]) {
      super(url, protocols, { headers: upgradeAuthorization ? { authorization: upgradeAuthorization } : {} });
    }
  }
  return createClient({ url: stack.wsUrl, webSocketImpl: UpgradeHeaders, connectionParams, retryAttempts: 0 });
}

/**
 * Runs one operation the way GraphiQL does: the headers pane goes into `payload.extensions.headers` of the
 * `subscribe` message (see @graphql-tools/url-loader, which Yoga's GraphiQL uses), not into connectionParams.
 */
function run(ws: Client, query: string, extensions?: Record<string, unknown>): Promise<{ data?: any; errors?: any[] }> {
  return new Promise((resolve) => {
    let last: any;
    ws.subscribe({ query, extensions }, {
      next: (value) => (last = value),
      error: (errors) => resolve({ errors: Array.isArray(errors) ? errors : [errors] }),
      complete: () => resolve(last),
    });
  });
}

const VIEWER = '{ viewer { username } }';

describe('credentials of a WebSocket operation', () => {
  it('should take the headers GraphiQL sends in extensions.headers of each subscribe message', async () => {
    const ws = client();
    try {
      expect(await run(ws, VIEWER, { headers: { Authorization: token('owner') } })).toEqual({ data: { viewer: { username: 'olivia.owner' } } });
      // One socket, two operations with different headers panes: each runs as its own caller.
      expect(await run(ws, VIEWER, { headers: { authorization: token('member') } })).toEqual({ data: { viewer: { username: 'mia.member' } } });
      const anonymous = await run(ws, VIEWER);
      expect(anonymous.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    } finally {
      await ws.dispose();
    }
  });

  it('should let a subscription started from GraphiQL emit with those credentials', async () => {
    const ws = client();
    try {
      const orders = await stack.query('{ orders(first: 1, filter: { state: [DONE] }) { nodes { uuid } } }');
      const uuid = orders.data.orders.nodes[0].uuid;
      const result = await run(ws, `subscription { orderUpdated(uuid: "${uuid}") { uuid state } }`, { headers: { Authorization: token('staff') } });
      expect(result).toEqual({ data: { orderUpdated: { uuid, state: 'DONE' } } });
    } finally {
      await ws.dispose();
    }
  });

  it('should prefer the operation\'s headers, then connectionParams, then the upgrade request', async () => {
    const all = client({ upgradeAuthorization: token('owner'), connectionParams: { Authorization: token('member') } });
    const upgradeOnly = client({ upgradeAuthorization: token('owner') });
    try {
      expect(await run(all, VIEWER, { headers: { Authorization: token('manager') } })).toEqual({ data: { viewer: { username: 'max.manager' } } });
      expect(await run(all, VIEWER)).toEqual({ data: { viewer: { username: 'mia.member' } } });
      expect(await run(upgradeOnly, VIEWER)).toEqual({ data: { viewer: { username: 'olivia.owner' } } });
    } finally {
      await Promise.all([all.dispose(), upgradeOnly.dispose()]);
    }
  });

  it('should take credentials whole from one source, never combining a connection\'s token with an operation\'s', async () => {
    const ws = client({ connectionParams: { authorization: token('staff') } });
    try {
      const orchestrationOnly = { headers: { 'X-Orchestration-Authorization': `Bearer ${stack.principal('member').orchestrationToken}` } };
      const result = await run(ws, VIEWER, orchestrationOnly);
      expect(result.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
      expect(result.data?.viewer).toBeFalsy();
    } finally {
      await ws.dispose();
    }
  });

  it('should reject malformed or ambiguous headers with BAD_USER_INPUT and keep the socket for other operations', async () => {
    const ws = client({ connectionParams: { authorization: token('member') } });
    try {
      const cases: Array<[unknown, RegExp]> = [
        ['Token abc', /^extensions\.headers: expected an object of header name → string value, received string$/],
        [[token('staff')], /received an array$/],
        [{ Authorization: 42 }, /^extensions\.headers\.Authorization: expected a string, received number$/],
        [{ authorization: token('member'), Authorization: token('staff') }, /"authorization" is given twice, in different letter case$/],
        [{ Authorization: 'let me in' }, /^extensions\.headers: Authorization: expected "Token <key>" or "Bearer <token>"$/],
      ];
      for (const [headers, message] of cases) {
        const result = await run(ws, VIEWER, { headers });
        expect(result.data).toBeUndefined();
        expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
        expect(result.errors?.[0].message).toMatch(message);
      }
      expect(await run(ws, VIEWER)).toEqual({ data: { viewer: { username: 'mia.member' } } });
    } finally {
      await ws.dispose();
    }
  });
});
