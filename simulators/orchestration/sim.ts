import type { TokenStore } from './auth.ts';
import type { SimClock } from './clock.ts';
import type { ErrorMode } from './errors.ts';
import type { FaultSet } from './faults.ts';
import type { Rng } from './random.ts';
import type { RequestLog } from './request-log.ts';
import type { Route } from './router.ts';
import type { SeedProject } from './seed.ts';
import type { World } from './world.ts';

export interface ResolvedOptions {
  pathPrefix: string;
  latencyMs: number;
  seed: number;
  stepMs: number;
  autoReady: boolean;
  shutdownMs: number;
  deletedGraceMs: number;
  projects: SeedProject[];
}

/** Everything one running simulator shares between the API, the token endpoint and the control API. */
export interface Sim {
  /** Replaced wholesale by `POST /__sim/reset?data=true`. */
  world: World;
  clock: SimClock;
  tokens: TokenStore;
  log: RequestLog;
  faults: FaultSet;
  errorMode: ErrorMode;
  options: ResolvedOptions;
  origin: string;
  routes: Route[];
  requestIds: Rng;
}
