import type { Config } from './config.ts';
import { createOrchestrationAccess, type OrchestrationAccess } from './auth/orchestration-access.ts';
import { principalFrom, type Principal } from './auth/principal.ts';
import { createLinkLoaders } from './loaders/links.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import type { Logger } from './logger.ts';
import type { OrchestrationCaller, OrchestrationClient } from './upstream/orchestration/client.ts';
import type { WaldurCaller, WaldurClient } from './upstream/waldur/client.ts';

export interface Upstreams {
  waldur: WaldurClient;
  orchestration: OrchestrationClient;
}

/** Everything one GraphQL operation may use; built fresh per HTTP request or per subscription. */
export interface Context {
  config: Readonly<Config>;
  principal: Principal;
  waldur: WaldurCaller;
  /** Access-guarded: in service-account mode every operation first checks the caller may reach its project. */
  orchestration: OrchestrationCaller;
  /** How orchestration access is decided for this caller (pass-through or the Waldur link check). */
  access: OrchestrationAccess;
  loaders: Loaders;
  upstreams: Upstreams;
  signal: AbortSignal;
  logger: Logger;
}

export interface ContextInput {
  headers: { get(name: string): string | null | undefined };
  signal: AbortSignal;
}

/** Binds the upstream clients to the caller's own credentials and gives the request its own loaders. */
export function createContextFactory(config: Readonly<Config>, upstreams: Upstreams, logger: Logger) {
  return ({ headers, signal }: ContextInput): Context => {
    const principal = principalFrom(headers);
    const waldur = upstreams.waldur.as({
      authorization: principal.waldurAuthorization,
      requestId: principal.requestId,
      impersonateUserUuid: principal.impersonateUserUuid,
      signal,
    });
    const links = createLinkLoaders(waldur, config.links);
    const access = createOrchestrationAccess(principal, links.linkedProjects);
    const orchestration = access.guard(upstreams.orchestration.as({
      bearer: principal.orchestrationAuthorization,
      requestId: principal.requestId,
      signal,
    }));
    return {
      config, principal, waldur, orchestration, access, upstreams, signal,
      loaders: createLoaders({ waldur, orchestration, config, links }),
      logger: logger.child({ requestId: principal.requestId }),
    };
  };
}
