/**
 * The client side of the live-query and subscription benches, in its own process so the gateway's heap holds only
 * the gateway: opens CLIENTS graphql-ws connections, client i holding operation i mod the number of variable sets,
 * prints `ready <errors>` once every client has its first result, then `seen <k> <errors>` each time every client
 * has had k results (the subscription bench waits for an event this way), and stays until killed.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const { LIVE_URL = '', LIVE_TOKEN = '', LIVE_QUERY = '', LIVE_VARIABLES = '[]', CLIENTS = '1000' } = process.env;
const variableSets = JSON.parse(LIVE_VARIABLES) as Array<Record<string, unknown>>;
let errors = 0;
const count = Number(CLIENTS);
/** reached[k]: how many clients have had at least k results. */
const reached: number[] = [];
for (let i = 0; i < count; i++) {
  const client = createClient({ url: LIVE_URL, webSocketImpl: WebSocket, connectionParams: { authorization: `Token ${LIVE_TOKEN}` }, retryAttempts: 0 });
  let results = 0;
  client.subscribe({ query: LIVE_QUERY, variables: variableSets[i % variableSets.length] }, {
    next: (result) => {
      if (result.errors) errors += 1;
      results += 1;
      reached[results] = (reached[results] ?? 0) + 1;
      if (reached[results] === count) process.stdout.write(results === 1 ? `ready ${errors}\n` : `seen ${results} ${errors}\n`);
    },
    error: () => void (errors += 1),
    complete: () => {},
  });
}
