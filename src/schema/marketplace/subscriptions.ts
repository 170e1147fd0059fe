import { waldurFieldsFor } from '../../resolvers/field-plan.ts';
import { watchOrder, watchResource, type PolledOrder } from '../../subscriptions/watchers/marketplace.ts';
import { resolveEvent } from '../../subscriptions/resolve-event.ts';
import { builder } from '../builder.ts';
import { Order } from './order.ts';
import { Resource } from './resource.ts';

builder.subscriptionFields((t) => ({
  orderUpdated: t.field({
    type: Order,
    nullable: false,
    description: 'The order at once, then again on every change (state, reviews, errors), completing after a terminal state '
      + '(DONE, ERRED, CANCELED, REJECTED). Pollers are shared: many subscribers to one order with the same credentials cost one upstream poll per interval, '
      + 'and each event reads the nested objects their selection shows once for all of them.',
    args: { uuid: t.arg.string({ required: true, description: 'The Waldur uuid of the order.' }) },
    subscribe: (_root, args, ctx, info) => watchOrder(ctx, args.uuid, waldurFieldsFor(info, 'Order'), waldurFieldsFor(info, 'Resource')),
    resolve: (event, _args, ctx) => resolveEvent<PolledOrder>(ctx, event).order,
  }),
  resourceUpdated: t.field({
    type: Resource,
    nullable: false,
    description: 'The resource at once, then again on every change, completing once it is TERMINATED.',
    args: { uuid: t.arg.string({ required: true, description: 'The Waldur uuid of the resource.' }) },
    subscribe: (_root, args, ctx, info) => watchResource(ctx, args.uuid, waldurFieldsFor(info, 'Resource')),
    resolve: (event, _args, ctx) => resolveEvent(ctx, event),
  }),
}));
