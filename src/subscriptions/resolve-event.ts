import type { Context, Polled } from '../context.ts';

/**
 * The start of resolving one event of a subscription: fresh loaders (nested fields are read afresh for every event)
 * that read through the event's shared reads (one read per event for all of this caller's subscribers to the poller).
 * Returns the polled value, the subscription field's own value.
 */
export function resolveEvent<T>(ctx: Context, event: unknown): T {
  const { value, reads } = event as Polled<T>;
  ctx.renewLoaders(reads);
  return value;
}
