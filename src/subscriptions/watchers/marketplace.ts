import type { Context } from '../../context.ts';
import { parseUuid } from '../../resolvers/global-id.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Order, Resource } from '../../upstream/waldur/types.ts';

const TERMINAL_ORDER_STATES = new Set(['done', 'erred', 'canceled', 'rejected']);

/**
 * Watches one Waldur object with the subscriber's own credentials. The poller is shared by every subscriber
 * with the same principal and the same field set (so each receives exactly the fields its selection needs),
 * and it polls through the client, because a request-scoped loader would freeze the state it first saw.
 */
function watch<T extends { state?: string }>(ctx: Context, collection: string, uuid: string, fields: readonly string[], isTerminal: (row: Row<T>) => boolean) {
  const wanted = [...new Set(['uuid', 'state', 'modified', ...fields])].sort();
  return ctx.pollers.subscribe<Row<T>>({
    key: `${collection}:${uuid}:${wanted.join(',')}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: (signal) => ctx.callersFor(signal).waldur.retrieve<Row<T>>(collection, uuid, wanted),
    fingerprint: (row) => JSON.stringify(row),
    isTerminal,
  });
}

/** An order now and after every change; completes after a terminal state (done, erred, canceled, rejected). */
export function watchOrder(ctx: Context, uuid: string, fields: readonly string[]) {
  return watch<Order>(ctx, 'marketplace-orders', parseUuid(uuid), fields, (o) => TERMINAL_ORDER_STATES.has(o.state ?? ''));
}

/** A resource now and after every change; completes once it is Terminated. */
export function watchResource(ctx: Context, uuid: string, fields: readonly string[]) {
  return watch<Resource>(ctx, 'marketplace-resources', parseUuid(uuid), fields, (r) => r.state === 'Terminated');
}
