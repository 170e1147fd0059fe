/** createOrder, approveOrder, rejectOrder, cancelOrder. */
import * as mutate from '../../../resolvers/mutations/waldur/order.ts';
import type { OrderOutcome } from '../../../resolvers/mutations/waldur/order.ts';
import { loadOrder } from '../../../resolvers/marketplace/order.ts';
import { loadResource } from '../../../resolvers/marketplace/resource.ts';
import { builder } from '../../builder.ts';
import { Order } from '../../marketplace/order.ts';
import { Resource } from '../../marketplace/resource.ts';
import { ApproveOrderInput, CancelOrderInput, CreateOrderInput, RejectOrderInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

/** The order after the change: Waldur's own answer when it sent the order, else read now through the request's loader. */
function orderSuccess(name: string, description: string, orderText: string) {
  return builder.objectRef<OrderOutcome>(name).implement({
    description,
    fields: (t) => ({
      orderUuid: t.exposeString('orderUuid', { nullable: false, description: 'The order\'s uuid (32 lowercase hex digits).' }),
      order: t.field({ type: Order, description: orderText, resolve: (o, _a, ctx, info) => o.order ?? loadOrder(ctx, info, o.orderUuid) }),
    }),
  });
}

const CreateOrderSuccess = builder.objectRef<OrderOutcome>('CreateOrderSuccess').implement({
  description: 'The order was placed; Waldur created its resource (state Creating) in the same step.',
  fields: (t) => ({
    order: t.field({
      type: Order, nullable: false, description: 'The new order as Waldur answered it (no extra request); its `state` shows whether it was auto-approved.',
      resolve: (o) => o.order!,
    }),
    resource: t.field({
      type: Resource, description: 'The resource the order creates (from `marketplace_resource_uuid`), read only when selected.',
      resolve: (o, _a, ctx, info) => (o.resourceUuid ? loadResource(ctx, info, o.resourceUuid) : null),
    }),
  }),
});

const after = 'The order, read after the transition (its new state); null if the caller can no longer see it.';
const ApproveOrderSuccess = orderSuccess('ApproveOrderSuccess', 'The order was approved and moved on.', after);
const RejectOrderSuccess = orderSuccess('RejectOrderSuccess', 'The order was rejected.', after);
const CancelOrderSuccess = orderSuccess('CancelOrderSuccess', 'The order was canceled.', after);

builder.mutationFields((t) => ({
  createOrder: t.field({
    type: CreateOrderSuccess,
    description: 'Orders an offering for a project (`POST /api/marketplace-orders/`). Orders by project members wait for consumer approval; '
      + 'owners\' and managers\' orders skip it, and Basic and site-agent offerings then wait for the provider.',
    args: { input: t.arg({ type: CreateOrderInput, required: true, description: 'The project, the offering and plan, and the order details.' }) },
    errors: waldurErrors('CreateOrder'),
    resolve: (_root, { input }, ctx) => mutate.createOrder(ctx, input),
  }),
  approveOrder: t.field({
    type: ApproveOrderSuccess,
    description: 'Approves an order as consumer (`approve_by_consumer/`, from pending-consumer) or provider (`approve_by_provider/`, from pending-provider).',
    args: { input: t.arg({ type: ApproveOrderInput, required: true, description: 'The order and the reviewing side.' }) },
    errors: waldurErrors('ApproveOrder'),
    resolve: (_root, { input }, ctx, info) => mutate.approveOrder(ctx, info, input),
  }),
  rejectOrder: t.field({
    type: RejectOrderSuccess,
    description: 'Rejects an order as consumer (`reject_by_consumer/`) or provider (`reject_by_provider/`); its new resource is terminated.',
    args: { input: t.arg({ type: RejectOrderInput, required: true, description: 'The order, the reviewing side and a comment.' }) },
    errors: waldurErrors('RejectOrder'),
    resolve: (_root, { input }, ctx, info) => mutate.rejectOrder(ctx, info, input),
  }),
  cancelOrder: t.field({
    type: CancelOrderSuccess,
    description: 'Cancels a pending or executing order (`cancel/`); only Basic and Support offerings support it (else ConflictError).',
    args: { input: t.arg({ type: CancelOrderInput, required: true, description: 'The order to cancel.' }) },
    errors: waldurErrors('CancelOrder'),
    resolve: (_root, { input }, ctx, info) => mutate.cancelOrder(ctx, info, input),
  }),
}));
