/**
 * The load generator, in its own process so its CPU is not the served system's: autocannon with N connections
 * for D seconds against one URL; sends `{ requests, ok, errors, seconds }` to the parent and exits.
 * Options arrive in BENCH_LOAD (JSON).
 */
import autocannon from 'autocannon';

interface LoadOptions { url: string; method: 'GET' | 'POST'; body?: string; headers: Record<string, string>; connections: number; seconds: number }

const options = JSON.parse(process.env.BENCH_LOAD ?? '{}') as LoadOptions;
const result = await autocannon({
  url: options.url, method: options.method, body: options.body, headers: options.headers,
  connections: options.connections, duration: options.seconds,
});
const ok = result['2xx'];
process.send?.({ requests: result.requests.total, ok, errors: result.errors + result.timeouts + result.non2xx, seconds: result.duration });
process.exit(0);
