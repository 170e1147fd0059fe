/**
 * The client side of the live-query bench, in its own process so the gateway's heap holds only the gateway:
 * opens CLIENTS graphql-ws connections, client i holding live query i mod the number of variable sets,
 * prints `ready` once every client has its first result, and stays until killed.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { LIVE_URL = '', LIVE_TOKEN = '', LIVE_QUERY = '', LIVE_VARIABLES = '[]', CLIENTS = '1000' } = process.env;
const variableSets = JSON.parse(LIVE_VARIABLES) as Array<Record<string, unknown>>;
let firsts = 0;
let errors = 0;
const count = Number(CLIENTS);
for (let i = 0; i < count; i++) {
  const client = createClient({ url: LIVE_URL, webSocketImpl: WebSocket, connectionParams: { authorization: `Token ${LIVE_TOKEN}` }, retryAttempts: 0 });
  let first = true;
  client.subscribe({ query: LIVE_QUERY, variables: variableSets[i % variableSets.length] }, {
    next: (result) => {
      if (result.errors) errors += 1;
      if (first) {
        first = false;
        firsts += 1;
        if (firsts === count) process.stdout.write(`ready ${errors}\n`);
      }
    },
    error: () => void (errors += 1),
    complete: () => {},
  });
}
