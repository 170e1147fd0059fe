import { waldurFieldsFor } from '../../resolvers/field-plan.ts';
import { watchOrder, watchResource, type PolledOrder } from '../../subscriptions/watchers/marketplace.ts';
import { builder } from '../builder.ts';
import { Order } from './order.ts';
import { Resource } from './resource.ts';

builder.subscriptionFields((t) => ({
  orderUpdated: t.field({
    type: Order,
    nullable: false,
    description: 'The order at once, then again on every change (state, reviews, errors), completing after a terminal state '
      + '(DONE, ERRED, CANCELED, REJECTED). Pollers are shared: many subscribers to one order cost one upstream poll per interval.',
    args: { uuid: t.arg.string({ required: true, description: 'The Waldur uuid of the order.' }) },
    subscribe: (_root, args, ctx, info) => watchOrder(ctx, args.uuid, waldurFieldsFor(info, 'Order'), waldurFieldsFor(info, 'Resource')),
    resolve: (polled, _args, ctx) => {
      // Every event reads its nested selection afresh (the poll that emitted it also saw the resource change).
      ctx.renewLoaders();
      return (polled as PolledOrder).order;
    },
  }),
  resourceUpdated: t.field({
    type: Resource,
    nullable: false,
    description: 'The resource at once, then again on every change, completing once it is TERMINATED.',
    args: { uuid: t.arg.string({ required: true, description: 'The Waldur uuid of the resource.' }) },
    subscribe: (_root, args, ctx, info) => watchResource(ctx, args.uuid, waldurFieldsFor(info, 'Resource')),
    resolve: (resource, _args, ctx) => {
      ctx.renewLoaders();
      return resource;
    },
  }),
}));
