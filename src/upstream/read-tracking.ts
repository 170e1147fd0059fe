/** Routes every upstream read of a caller through a tracker: how live queries learn (and watch) what a result depends on. */
import type { OrchestrationCaller } from './orchestration/client.ts';
import type { WaldurCaller } from './waldur/client.ts';

export interface ReadTracker {
  /**
   * One upstream read, named by `key` (service, operation and arguments; the tracker adds the caller's identity).
   * `fetch` repeats the read with a fresh caller on the given signal, so the tracker may answer now and poll later.
   */
  read<T>(key: string, fetch: (signal: AbortSignal) => Promise<T>): Promise<T>;
}

/** The reads: every other method changes data and goes straight through (live queries never call them). */
const WALDUR_READS = ['list', 'listPath', 'count', 'retrieve', 'get', 'getText', 'me'] as const satisfies ReadonlyArray<keyof WaldurCaller>;
const ORCHESTRATION_READS = ['listAllocations', 'getAllocation', 'listPayloads', 'getPayload', 'listArtefacts', 'getArtefact'] as const satisfies ReadonlyArray<keyof OrchestrationCaller>;

function tracked<C extends object>(service: string, reads: readonly string[], caller: C, fresh: (signal: AbortSignal) => C, tracker: ReadTracker): C {
  const wrapped = { ...caller } as Record<string, unknown>;
  for (const name of reads) {
    wrapped[name] = (...args: unknown[]) => tracker.read(`${service}.${name}(${JSON.stringify(args)})`, (signal) => {
      const method = (fresh(signal) as Record<string, (...a: unknown[]) => Promise<unknown>>)[name]!;
      return method(...args);
    });
  }
  return wrapped as C;
}

export function trackWaldurReads(caller: WaldurCaller, fresh: (signal: AbortSignal) => WaldurCaller, tracker: ReadTracker): WaldurCaller {
  return tracked('waldur', WALDUR_READS, caller, fresh, tracker);
}

/** Wrap the raw caller, inside the access guard: the guard then checks access again on every re-execution. */
export function trackOrchestrationReads(caller: OrchestrationCaller, fresh: (signal: AbortSignal) => OrchestrationCaller, tracker: ReadTracker): OrchestrationCaller {
  return tracked('orchestration', ORCHESTRATION_READS, caller, fresh, tracker);
}
