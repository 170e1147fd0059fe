import type { Config } from './config.ts';
import { createOrchestrationAccess, type OrchestrationAccess } from './auth/orchestration-access.ts';
import { principalFrom, type Principal } from './auth/principal.ts';
import { createLinkLoaders } from './loaders/links.ts';
import { createLoaders, type Loaders } from './loaders/index.ts';
import type { BatchObserver } from './loaders/batch-size.ts';
import type { Logger } from './logger.ts';
import type { OrchestrationCaller, OrchestrationClient } from './upstream/orchestration/client.ts';
import { trackOrchestrationReads, trackWaldurReads, type ReadTracker } from './upstream/read-tracking.ts';
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
  signal: AbortSignal;
  logger: Logger;
  /** Whether the caller is Waldur staff: one `users/me/` call per request, however many fields ask. */
  isStaff(): Promise<boolean>;
  /** Shared, ref-counted pollers behind subscriptions (one per watched object and access scope). */
  pollers: Pollers;
  /**
   * Callers bound to this principal but not to this request: for pollers that outlive it. Each call builds
   * new request-free loaders, so orchestration access is checked afresh rather than remembered.
   */
  callersFor(signal: AbortSignal): { waldur: WaldurCaller; orchestration: OrchestrationCaller };
  /**
   * Replaces the loaders (and the access evidence behind the orchestration caller) with fresh ones. A subscription
   * keeps one context for all its events; each event calls this so nested fields are read anew, not from the cache.
   * With the event's shared reads (of this same caller: `reads.scope` must be the principal key, else they are not
   * used), the fresh loaders read through them, so the poller's subscribers make each nested read once per event.
   */
  renewLoaders(this: Context, reads?: SharedReads): void;
}

/** Reads shared by one caller's subscribers of one poller while they resolve one event (subscriptions/shared-reads.ts). */
export interface SharedReads extends ReadTracker {
  /** The principal key of the caller they were read for. */
  readonly scope: string;
  /** Builds `name` once for this event (and caller): its subscribers share one set of loaders. */
  once<V>(name: string, build: () => V): V;
}

/** One event of a shared poller: the polled value and the reads its resolution may share. */
export interface Polled<T> {
  value: T;
  reads: SharedReads;
}

/** What a shared poller polls (subscriptions/poll-source.ts). */
export interface PolledSource<T> {
  key: string;
  scope: string;
  fetch(signal: AbortSignal): Promise<T>;
  fingerprint(value: T): string;
  isTerminal(value: T): boolean;
}

/** What subscriptions need of the poller registry (declared here so the context does not depend on it). */
export interface Pollers {
  subscribe<T>(source: PolledSource<T>): AsyncIterableIterator<T>;
  /** Like `subscribe`, with each event's shared reads: what subscription resolvers pass to `renewLoaders`. */
  watch<T>(source: PolledSource<T>): AsyncIterableIterator<Polled<T>>;
}

export interface ContextInput {
  headers: { get(name: string): string | null | undefined };
  signal: AbortSignal;
  /** The id the HTTP layer already gave this request (echoed in the response); else read from the headers. */
  requestId?: string;
  /** Live queries: every upstream read goes through this tracker (which answers from, and starts, shared pollers). */
  track?: ReadTracker;
  /** Already known (a live query re-executing for its callers): `headers` are then not read again. */
  principal?: Principal;
}

/** Binds the upstream clients to the caller's own credentials and gives the request its own loaders. */
export function createContextFactory(config: Readonly<Config>, upstreams: Upstreams, pollers: Pollers, logger: Logger, observeBatch?: BatchObserver) {
  return ({ headers, signal, requestId, track, principal = principalFrom(headers, requestId) }: ContextInput): Context => {
    let staff: Promise<boolean> | undefined;
    // Not `context.waldur`: a closure over `context` would keep its first loaders alive for a subscription's lifetime.
    const isStaff = () => (staff ??= staffCaller.get<{ is_staff?: boolean }>('users/me', [['field', 'is_staff']]).then((me) => me.is_staff === true));
    const { waldur, links, access, orchestration } = bindCallers(config, upstreams, principal, signal, isStaff, track);
    let staffCaller = waldur;
    const context: Context = {
      config, principal, waldur, orchestration, access, signal, pollers, isStaff,
      loaders: createLoaders({ waldur, orchestration, config, links, observeBatch }),
      logger: logger.child({ requestId: principal.requestId }),
      callersFor: (pollSignal) => bindCallers(config, upstreams, principal, pollSignal, isStaff, track),
      // `this`, not `context`: Yoga spreads the context it is given into its own object, and the resolvers see that copy.
      renewLoaders(this: Context, reads?: SharedReads) {
        staff = undefined;
        const shared = reads?.scope === principal.key ? reads : undefined;
        const renewed = () => {
          const fresh = bindCallers(config, upstreams, principal, signal, isStaff, track ?? shared);
          const loaders = createLoaders({ waldur: fresh.waldur, orchestration: fresh.orchestration, config, links: fresh.links, observeBatch });
          return { waldur: fresh.waldur, orchestration: fresh.orchestration, access: fresh.access, loaders };
        };
        // The same caller would build the same loaders: its subscribers to one event share one set (and its memory).
        const set = shared ? shared.once('loaders', renewed) : renewed();
        staffCaller = set.waldur;
        Object.assign(this, set);
      },
    };
    return context;
  };
}

function bindCallers(config: Readonly<Config>, upstreams: Upstreams, principal: Principal, signal: AbortSignal, isStaff: () => Promise<boolean>, track?: ReadTracker) {
  const waldurAs = (on: AbortSignal) => upstreams.waldur.as({
    authorization: principal.waldurAuthorization,
    requestId: principal.requestId,
    impersonateUserUuid: principal.impersonateUserUuid,
    signal: on,
  });
  const orchestrationAs = (on: AbortSignal) => upstreams.orchestration.as({ bearer: principal.orchestrationAuthorization, requestId: principal.requestId, signal: on });
  const waldur = track ? trackWaldurReads(waldurAs(signal), waldurAs, track) : waldurAs(signal);
  const links = createLinkLoaders(waldur, config.links);
  const access = createOrchestrationAccess(principal, {
    linkedProjects: links.linkedProjects,
    managedProjects: links.managedProjects,
    sawLinkTo: links.sawLinkTo,
    isStaff,
  });
  const orchestration = access.guard(track ? trackOrchestrationReads(orchestrationAs(signal), orchestrationAs, track) : orchestrationAs(signal));
  return { waldur, links, access, orchestration };
}
