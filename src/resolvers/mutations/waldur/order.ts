/** createOrder, approveOrder, rejectOrder, cancelOrder: `/api/marketplace-orders/` (docs/contracts/waldur.md §8.4). */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../context.ts';
import type { Row } from '../../../loaders/waldur/row.ts';
import type { Order } from '../../../upstream/waldur/types.ts';
import { forget, justBefore, literal, upstream } from './common.ts';
import { Checks } from './validate.ts';

export interface CreateOrderInput {
  projectUuid: string;
  offeringUuid: string;
  planUuid?: string | null;
  attributes?: unknown;
  limits?: unknown;
  requestComment?: string | null;
  startDate?: string | null;
  acceptingTermsOfService?: boolean | null;
}

/** Which side reviews: the consumer (project/customer managers) or the provider (the offering's customer). */
export type ReviewSide = 'consumer' | 'provider';

/**
 * An order a mutation made or moved, and its resource. `order` is set when Waldur answered with the whole order;
 * otherwise the success object reads it (and the resource) through the request's loaders, after the change.
 */
export interface OrderOutcome {
  orderUuid: string;
  order?: Row<Order>;
  resourceUuid?: string | null;
}

const FIELDS = { project: 'projectUuid', offering: 'offeringUuid', plan: 'planUuid', request_comment: 'requestComment', start_date: 'startDate', accepting_terms_of_service: 'acceptingTermsOfService' };

/** POST marketplace-orders/ with the hyperlinks Waldur wants; the 201 body is the order, with its new resource's uuid. */
export async function createOrder(ctx: Context, input: CreateOrderInput): Promise<OrderOutcome> {
  const check = new Checks();
  const projectUuid = check.uuid('projectUuid', input.projectUuid);
  const offeringUuid = check.uuid('offeringUuid', input.offeringUuid);
  const planUuid = input.planUuid === undefined || input.planUuid === null ? undefined : check.uuid('planUuid', input.planUuid);
  const attributes = check.object('attributes', input.attributes);
  const limits = check.limits('limits', input.limits);
  const requestComment = check.text('requestComment', input.requestComment, { nullable: true, max: 255 });
  const startDate = check.date('startDate', input.startDate);
  if (input.acceptingTermsOfService === null) check.problem('acceptingTermsOfService', 'expected true or false, received null');
  check.done();

  const offering = `marketplace-public-offerings/${offeringUuid}`;
  const body: Record<string, unknown> = {
    project: ctx.waldur.urlFor('projects', projectUuid),
    offering: ctx.waldur.urlFor('marketplace-public-offerings', offeringUuid),
    ...(planUuid && { plan: ctx.waldur.urlFor(`${offering}/plans`, planUuid) }),
    ...(attributes && { attributes }),
    ...(limits && { limits }),
    ...(requestComment !== undefined && { request_comment: requestComment }),
    ...(startDate !== undefined && { start_date: startDate }),
    ...(typeof input.acceptingTermsOfService === 'boolean' && { accepting_terms_of_service: input.acceptingTermsOfService }),
  };
  const verifyWith = `orders(filter: { project: ${literal(projectUuid)}, createdAfter: ${literal(justBefore())} }) { nodes { uuid state resource { uuid } } }`;
  const order = await upstream(() => ctx.waldur.create<Row<Order>>('marketplace-orders', body), { verifyWith, fields: FIELDS });
  return { orderUuid: order.uuid, order, resourceUuid: order.marketplace_resource_uuid ?? null };
}

/** Runs an order action (no re-read here: the success object reads the order, fresh, if it is selected). */
async function orderAction(
  ctx: Context, info: GraphQLResolveInfo, uuidInput: string, action: string, body?: (check: Checks) => Record<string, unknown> | undefined,
): Promise<OrderOutcome> {
  const check = new Checks();
  const uuid = check.uuid('orderUuid', uuidInput);
  const payload = body?.(check);
  check.done();
  await upstream(() => ctx.waldur.action('marketplace-orders', uuid, action, payload), { verifyWith: `order(uuid: ${literal(uuid)}) { state }` });
  forget(ctx, 'Order', uuid);
  return { orderUuid: uuid };
}

/** `approve_by_consumer/` (pending-consumer) or `approve_by_provider/` (pending-provider). */
export function approveOrder(ctx: Context, info: GraphQLResolveInfo, input: { orderUuid: string; as: ReviewSide }) {
  return orderAction(ctx, info, input.orderUuid, `approve_by_${input.as}`);
}

/** `reject_by_consumer/` or `reject_by_provider/`, with the side's rejection comment when one is given. */
export function rejectOrder(ctx: Context, info: GraphQLResolveInfo, input: { orderUuid: string; as: ReviewSide; comment?: string | null }) {
  return orderAction(ctx, info, input.orderUuid, `reject_by_${input.as}`, (check) => {
    const comment = check.text('comment', input.comment);
    return typeof comment === 'string' ? { [`${input.as}_rejection_comment`]: comment } : undefined;
  });
}

/** `cancel/`: pending-consumer, pending-provider or executing orders of Basic and Support offerings (else 409 / 405). */
export function cancelOrder(ctx: Context, info: GraphQLResolveInfo, input: { orderUuid: string }) {
  return orderAction(ctx, info, input.orderUuid, 'cancel');
}
