import type { ExecutionResult } from 'graphql';
import fastJsonPatch from 'fast-json-patch';

/** The @n1ru4l/graphql-live-query-patch wire shape: `{ data, revision: 1 }`, then `{ patch, revision: n }`. */
export interface LivePatchResult extends ExecutionResult {
  revision: number;
  patch?: fastJsonPatch.Operation[];
}

/**
 * Turns a stream of whole results into patches against the previous one (RFC 6902, via fast-json-patch). Results
 * are shared objects, so the diff between two of them is computed once for every client that saw both. A plain
 * iterator, not an async generator: `return()` must reach the source at once, even while it waits for a result.
 */
export function patchStream(results: AsyncIterableIterator<ExecutionResult>): AsyncIterableIterator<LivePatchResult> {
  let previous: Record<string, unknown> | undefined;
  let revision = 0;
  const toPatch = (result: ExecutionResult): LivePatchResult => {
    revision += 1;
    const data = (result.data ?? {}) as Record<string, unknown>;
    const next: LivePatchResult = previous === undefined ? { revision, data } : { revision, patch: diff(previous, data) };
    if (result.errors) next.errors = result.errors;
    if (result.extensions) next.extensions = result.extensions;
    previous = data;
    return next;
  };
  const iterator: AsyncIterableIterator<LivePatchResult> = {
    next: async () => {
      const step = await results.next();
      return step.done ? { done: true, value: undefined } : { done: false, value: toPatch(step.value) };
    },
    return: async () => {
      await results.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const diffs = new WeakMap<object, WeakMap<object, fastJsonPatch.Operation[]>>();

function diff(from: Record<string, unknown>, to: Record<string, unknown>): fastJsonPatch.Operation[] {
  let byTarget = diffs.get(from);
  if (!byTarget) diffs.set(from, (byTarget = new WeakMap()));
  let patch = byTarget.get(to);
  if (!patch) byTarget.set(to, (patch = fastJsonPatch.compare(from, to)));
  return patch;
}
