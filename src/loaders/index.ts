import type { Config } from '../config.ts';
import type { OrchestrationCaller } from '../upstream/orchestration/client.ts';
import type { WaldurCaller } from '../upstream/waldur/client.ts';

export interface LoaderDeps {
  waldur: WaldurCaller;
  orchestration: OrchestrationCaller;
  config: Readonly<Config>;
}

/** A fresh set of DataLoaders for one request: nothing cached here outlives it. */
export function createLoaders(deps: LoaderDeps) {
  return { deps };
}

export type Loaders = ReturnType<typeof createLoaders>;
