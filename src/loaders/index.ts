import type { Config } from '../config.ts';
import type { OrchestrationCaller } from '../upstream/orchestration/client.ts';
import type { WaldurCaller } from '../upstream/waldur/client.ts';
import { createLinkLoaders, type LinkLoaders } from './links.ts';
import { createOrchestrationLoaders } from './orchestration.ts';
import { createWaldurLoaders } from './waldur/index.ts';
import type { BatchObserver } from './batch-size.ts';

export interface LoaderDeps {
  waldur: WaldurCaller;
  orchestration: OrchestrationCaller;
  config: Readonly<Config>;
  /** The link loaders, when the context built them first (the orchestration access guard reads them). */
  links?: LinkLoaders;
  /** Told each batch's size (metrics); absent in tests that build loaders alone. */
  observeBatch?: BatchObserver;
}

/** A fresh set of DataLoaders for one request: nothing cached here outlives it. */
export function createLoaders(deps: LoaderDeps) {
  return {
    deps,
    waldur: createWaldurLoaders(deps.waldur, deps.observeBatch),
    orchestration: createOrchestrationLoaders(deps.orchestration),
    links: deps.links ?? createLinkLoaders(deps.waldur, deps.config.links),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
