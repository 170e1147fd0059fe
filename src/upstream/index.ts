import type { Config } from '../config.ts';
import type { Tracing } from '../tracing.ts';
import { createUpstreamHttp, type UpstreamCallInfo } from './http.ts';
import { createOrchestrationClient } from './orchestration/client.ts';
import { resolveOrchestrationPaths } from './orchestration/paths.ts';
import { createTokenManager } from './orchestration/token-manager.ts';
import { createWaldurClient } from './waldur/client.ts';

/** Both upstream clients on their own keep-alive pools, plus the service-account token manager. */
export function createUpstreams(config: Readonly<Config>, onCall?: (call: UpstreamCallInfo) => void, tracing?: Tracing) {
  const { waldurUrl, orchestrationUrl, orchestration } = config;
  if (!waldurUrl || !orchestrationUrl) throw new Error('createUpstreams needs both upstream URLs');
  const waldurHttp = createUpstreamHttp({ service: 'waldur', baseUrl: waldurUrl, settings: config.upstream.waldur, onCall, tracing });
  const orchestrationHttp = createUpstreamHttp({ service: 'orchestration', baseUrl: orchestrationUrl, settings: config.upstream.orchestration, onCall, tracing });
  const tokens = orchestration.tokenUrl && orchestration.clientId && orchestration.clientSecret && orchestration.refreshToken
    ? createTokenManager({
      tokenUrl: orchestration.tokenUrl,
      clientId: orchestration.clientId,
      clientSecret: orchestration.clientSecret,
      refreshToken: orchestration.refreshToken,
    })
    : undefined;
  return {
    waldur: createWaldurClient(waldurHttp),
    orchestration: createOrchestrationClient({ http: orchestrationHttp, tokens, paths: resolveOrchestrationPaths(orchestration.paths) }),
    tokens,
    /** Circuit breaker states, for readiness. */
    breakers: {
      get waldur() {
        return waldurHttp.breakerState;
      },
      get orchestration() {
        return orchestrationHttp.breakerState;
      },
    },
    async close() {
      await Promise.all([waldurHttp.close(), orchestrationHttp.close(), tokens?.close()]);
    },
  };
}
