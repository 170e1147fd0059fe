/** The fault and hostile-input requests of the protection suite, as one list the load test cycles through. */
import { request } from 'undici';
import WebSocket from 'ws';

export interface Target { url: string; waldurUrl: string; staffToken: string }

/** What one hostile request produced: the parsed GraphQL answers (or close codes) to check. */
export type Outcome = { kind: 'graphql'; status: number; body: unknown } | { kind: 'close'; code: number; expected: number[] };

const deep = (levels: number) => `{ customers(first: 1) { nodes { ${'projects(first: 1) { nodes { customer { '.repeat(levels)}uuid${' } } }'.repeat(levels)} } } }`;

async function post(t: Target, body: string, headers: Record<string, string> = {}): Promise<Outcome> {
  const response = await request(t.url, { method: 'POST', body, headers: { 'content-type': 'application/json', authorization: `Token ${t.staffToken}`, ...headers } });
  const text = await response.body.text();
  return { kind: 'graphql', status: response.statusCode, body: JSON.parse(text) };
}
const gql = (t: Target, query: string, variables?: unknown, headers?: Record<string, string>) => post(t, JSON.stringify({ query, variables }), headers);

/** A raw graphql-transport-ws exchange: returns the close code, or the first error/next payload's answer. */
function ws(t: Target, init: unknown, subscribe?: unknown): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const socket = new WebSocket(t.url.replace(/^http/, 'ws'), 'graphql-transport-ws');
    const outcomes: Outcome[] = [];
    socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: init })));
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as { type: string; payload?: unknown };
      if (message.type === 'connection_ack' && subscribe) socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: subscribe }));
      if (message.type === 'connection_ack' && !subscribe) socket.close(1000);
      if (message.type === 'error') {
        outcomes.push({ kind: 'graphql', status: 200, body: { errors: message.payload } });
        socket.close(1000);
      }
      if (message.type === 'next') outcomes.push({ kind: 'graphql', status: 200, body: message.payload });
      if (message.type === 'complete') socket.close(1000);
    });
    socket.on('error', () => undefined);
    socket.on('close', (code) => resolve([...outcomes, { kind: 'close', code, expected: [1000, 1005, 1009, 4403] }]));
  });
}

const fakeIds = (n: number) => Array.from({ length: n }, (_, i) => Buffer.from(`Resource:${i.toString(16).padStart(32, '0')}`).toString('base64'));

export const HOSTILE: Array<(t: Target) => Promise<Outcome | Outcome[]>> = [
  (t) => gql(t, '{ customers(first: 5) { nodes { uuid name } } }'),
  (t) => gql(t, deep(8)),
  (t) => gql(t, `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: viewer { uuid }`).join(' ')} }`),
  (t) => gql(t, `{ ${Array.from({ length: 30 }, (_, i) => `s${i}: __schema { types { fields { type { fields { name } } } } }`).join(' ')} }`),
  (t) => gql(t, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: fakeIds(101) }),
  (t) => gql(t, 'query ($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: fakeIds(50) }, { authorization: '' }),
  (t) => post(t, '{"query": "{ __typename }", "variables": {"a": nope}}'),
  (t) => post(t, JSON.stringify({ query: `{ __typename } #${'x'.repeat(200_000)}` })),
  (t) => gql(t, '{ offerings(first: 1, filter: { state: [ACTIVEE] }) { totalCount } }'),
  (t) => post(t, `{"query":"mutation ($o: JSON!) { updateResourceOptions(input: { uuid: \\"${'0'.repeat(32)}\\", options: $o }) { __typename } }","variables":{"o":${'{"a":'.repeat(15_000)}1${'}'.repeat(15_000)}}}`),
  (t) => gql(t, '{ allocation(projectId: ".", id: "x") { allocationId } }'),
  (t) => gql(t, '{ viewer { username } }'),
  (t) => gql(t, '{ orders(first: 2) { nodes { uuid state } } }'),
  (t) => gql(t, '{ projects(first: 2) { nodes { uuid name } } }'),
  (t) => gql(t, '{ offerings(first: 2) { nodes { uuid name } } }'),
  (t) => ws(t, { authorization: `Token ${t.staffToken}` }, { query: deep(8) }),
  (t) => ws(t, { authorization: `Token ${t.staffToken}` }, { query: 'query A { __typename } query B { __typename }', operationName: 'C' }),
  (t) => ws(t, { authorization: `Token ${t.staffToken}` }, { query: '{ viewer { ' }),
  (t) => ws(t, { authorization: `Token ${t.staffToken}` }, { query: '{ __typename }', variables: { pad: 'x'.repeat(150_000) } }),
  (t) => ws(t, { authorization: 'Basic Zm9vOmJhcg==' }),
];

/** Upstream faults active during the run: errors, a trickled body, a hang and dropped connections. */
export const FAULTS = [
  { path: '^/api/users/me/$', status: 500 },
  { path: '^/api/marketplace-orders/$', trickleMs: 100 },
  { path: '^/api/projects/$', hang: true },
  { path: '^/api/marketplace-public-offerings/$', reset: true },
];
