import type { Context, Polled } from '../../context.ts';
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
  return ctx.pollers.watch<Row<T>>({
    key: `${collection}:${uuid}:${wanted.join(',')}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: (signal) => ctx.callersFor(signal).waldur.retrieve<Row<T>>(collection, uuid, wanted),
    fingerprint: (row) => JSON.stringify(row),
    isTerminal,
  });
}

/** What one poll of an order saw: the order, and its resource when the selection reads resource fields the order does not carry. */
export interface PolledOrder {
  order: Row<Order>;
  resource: Row<Resource> | null;
}

// The resource fields an order row carries itself (Order.resource's link): reading only these needs no resource poll.
const CARRIED_RESOURCE_FIELDS = new Set(['uuid', 'name']);

/**
 * An order now and after every change; completes after a terminal state (done, erred, canceled, rejected). When the
 * selection reads its resource (`resource { state }`), each poll fetches that resource too and a change of either
 * emits, so `orderUpdated` never shows a resource state older than `resourceUpdated` would.
 */
export function watchOrder(ctx: Context, uuid: string, fields: readonly string[], resourceFields: readonly string[]): AsyncIterableIterator<Polled<PolledOrder>> {
  const orderUuid = parseUuid(uuid);
  const withResource = resourceFields.some((field) => !CARRIED_RESOURCE_FIELDS.has(field));
  const wanted = [...new Set(['uuid', 'state', 'modified', ...fields, ...(withResource ? ['marketplace_resource_uuid'] : [])])].sort();
  const linked = [...new Set(['uuid', ...resourceFields])].sort();
  return ctx.pollers.watch<PolledOrder>({
    key: `marketplace-orders:${orderUuid}:${wanted.join(',')}:${withResource ? linked.join(',') : '-'}:${ctx.principal.key}`,
    scope: ctx.principal.key,
    fetch: async (signal) => {
      const { waldur } = ctx.callersFor(signal);
      const order = await waldur.retrieve<Row<Order>>('marketplace-orders', orderUuid, wanted);
      const resourceUuid = (order as { marketplace_resource_uuid?: string | null }).marketplace_resource_uuid;
      const resource = withResource && resourceUuid ? await waldur.retrieve<Row<Resource>>('marketplace-resources', resourceUuid, linked) : null;
      return { order, resource };
    },
    fingerprint: (polled) => JSON.stringify(polled),
    isTerminal: ({ order }) => TERMINAL_ORDER_STATES.has(order.state ?? ''),
  });
}

/** A resource now and after every change; completes once it is Terminated. */
export function watchResource(ctx: Context, uuid: string, fields: readonly string[]) {
  return watch<Resource>(ctx, 'marketplace-resources', parseUuid(uuid), fields, (r) => r.state === 'Terminated');
}
