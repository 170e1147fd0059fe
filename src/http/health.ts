import { request } from 'undici';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface ReadinessProbe {
  name: string;
  /** Resolves when the dependency answers; rejects with a short reason otherwise. */
  check(signal: AbortSignal): Promise<void>;
}

/**
 * A probe that is satisfied by any HTTP answer below 500 (the service is up, whatever it thinks of us) while the
 * gateway's circuit breaker for it is closed. Reasons name no address: /readyz is often reachable from outside.
 */
export function httpProbe(name: string, url: string, breakerState: () => string = () => 'closed'): ReadinessProbe {
  return {
    name,
    async check(signal) {
      const breaker = breakerState();
      if (breaker === 'open') throw new Error('circuit breaker open: calls fail fast until a trial call succeeds');
      let status: number;
      try {
        const response = await request(url, { method: 'GET', signal, headersTimeout: 2000, bodyTimeout: 2000 });
        await response.body.dump();
        status = response.statusCode;
      } catch (error) {
        throw new Error(signal.aborted || /TIMEOUT/.test(String((error as { code?: unknown }).code)) ? 'no answer in time' : 'unreachable');
      }
      if (status >= 500) throw new Error(`HTTP ${status}`);
    },
  };
}

/** Serves /healthz (process is alive) and /readyz (every probe passes within 3 s). */
export async function serveHealth(req: IncomingMessage, res: ServerResponse, probes: ReadinessProbe[], draining: () => boolean) {
  if (req.url?.startsWith('/healthz')) return send(res, 200, { status: 'ok' });
  const signal = AbortSignal.timeout(3000);
  const results = await Promise.all(probes.map(async (probe) => {
    try {
      await probe.check(signal);
      return [probe.name, { status: 'ok' }] as const;
    } catch (error) {
      return [probe.name, { status: 'unavailable', reason: error instanceof Error ? error.message : String(error) }] as const;
    }
  }));
  const ready = !draining() && results.every(([, r]) => r.status === 'ok');
  send(res, ready ? 200 : 503, { status: ready ? 'ready' : draining() ? 'draining' : 'unavailable', checks: Object.fromEntries(results) });
}

function send(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}
