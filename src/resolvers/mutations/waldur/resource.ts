/** Resource mutations: PATCH and the order-making actions of `/api/marketplace-resources/` (docs/contracts/waldur.md §8.5). */
import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../../context.ts';
import { normalizeUuid } from '../../global-id.ts';
import { JunctionError } from '../../../errors.ts';
import type { Row } from '../../../loaders/waldur/row.ts';
import type { OrderUuid, Resource } from '../../../upstream/waldur/types.ts';
import { forget, literal, upstream } from './common.ts';
import { checkedResourceInput, verifyResourceOrders } from './resource-input.ts';

/** The resource a mutation changed, and the order Waldur created for the change (terminate, limits, plan, some options). */
export interface ResourceOutcome {
  resourceUuid: string;
  orderUuid: string | null;
}

export interface UpdateResourceInput { uuid: string; name?: string | null; description?: string | null; endDate?: string | null }
export interface ResourceOptionsInput { uuid: string; options?: unknown }
export interface ResourceLimitsInput { uuid: string; limits?: unknown; requestComment?: string | null }
export interface SwitchPlanInput { uuid: string; planUuid: string }
export interface TerminateInput { uuid: string; attributes?: unknown }

const FIELDS = { end_date: 'endDate', request_comment: 'requestComment', plan: 'planUuid' };


/** One resource action that answers `{order_uuid}` (terminate, update_limits, switch_plan). */
async function orderAction(ctx: Context, uuid: string, action: string, body: Record<string, unknown>): Promise<ResourceOutcome> {
  const reply = await upstream(() => ctx.waldur.action<OrderUuid>('marketplace-resources', uuid, action, body), { verifyWith: verifyResourceOrders(uuid), fields: FIELDS });
  forget(ctx, 'Resource', uuid);
  return { resourceUuid: uuid, orderUuid: reply?.order_uuid ?? null };
}

/** PATCH name, description, end date (Waldur echoes only those; the success object re-reads the resource). */
export async function updateResource(ctx: Context, info: GraphQLResolveInfo, input: UpdateResourceInput): Promise<ResourceOutcome> {
  const { uuid, body } = checkedResourceInput(input.uuid, (check) => {
    check.someOf({ name: input.name, description: input.description, endDate: input.endDate });
    const fields = {
      name: check.text('name', input.name, { nonBlank: true, max: 150 }),
      description: check.text('description', input.description, { max: 4096 }),
      end_date: check.date('endDate', input.endDate),
    };
    return { body: Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) };
  });
  const verifyWith = `resource(uuid: ${literal(uuid)}) { name description endDate }`;
  await upstream(() => ctx.waldur.update('marketplace-resources', uuid, body, 'PATCH'), { verifyWith, fields: FIELDS });
  forget(ctx, 'Resource', uuid);
  return { resourceUuid: uuid, orderUuid: null };
}

/** `update_options/`: 200 `{status}`, or 201 `{order_uuid}` when the offering routes option changes through an order. */
export async function updateResourceOptions(ctx: Context, info: GraphQLResolveInfo, input: ResourceOptionsInput): Promise<ResourceOutcome> {
  const { uuid, options } = checkedResourceInput(input.uuid, (check) => ({ options: check.object('options', input.options, true) }));
  const verifyWith = `resource(uuid: ${literal(uuid)}) { options orderInProgress { uuid type state } }`;
  const reply = await upstream(() => ctx.waldur.action<Partial<OrderUuid> | undefined>('marketplace-resources', uuid, 'update_options', { options }), { verifyWith });
  forget(ctx, 'Resource', uuid);
  return { resourceUuid: uuid, orderUuid: reply?.order_uuid ?? null };
}

/** `update_limits/`: only in state OK; identical limits are a 400 (bare list). */
export async function updateResourceLimits(ctx: Context, info: GraphQLResolveInfo, input: ResourceLimitsInput): Promise<ResourceOutcome> {
  const { uuid, limits, requestComment } = checkedResourceInput(input.uuid, (check) => ({
    limits: check.limits('limits', input.limits, true),
    requestComment: check.text('requestComment', input.requestComment, { nullable: true, max: 255 }),
  }));
  return orderAction(ctx, uuid, 'update_limits', { limits, ...(requestComment !== undefined && { request_comment: requestComment }) });
}

/** `switch_plan/` takes the public plan URL, which names the offering: read from the resource first (a GET). */
export async function switchResourcePlan(ctx: Context, info: GraphQLResolveInfo, input: SwitchPlanInput): Promise<ResourceOutcome> {
  const { uuid, planUuid } = checkedResourceInput(input.uuid, (check) => ({ planUuid: check.uuid('planUuid', input.planUuid) }));
  const resource = await upstream(() => ctx.waldur.retrieve<Row<Resource>>('marketplace-resources', uuid, ['offering_uuid']));
  // The document's `format: uuid` allows the dashed form too.
  const offeringUuid = normalizeUuid(resource.offering_uuid);
  if (offeringUuid === undefined) {
    throw new JunctionError('UPSTREAM_ERROR', `Waldur sent resource ${uuid} without a valid offering_uuid`, { service: 'waldur' });
  }
  const plan = ctx.waldur.urlFor(`marketplace-public-offerings/${offeringUuid}/plans`, planUuid);
  return orderAction(ctx, uuid, 'switch_plan', { plan });
}

/** `terminate/`: in state OK or Erred; creates a Terminate order. */
export async function terminateResource(ctx: Context, info: GraphQLResolveInfo, input: TerminateInput): Promise<ResourceOutcome> {
  const { uuid, attributes } = checkedResourceInput(input.uuid, (check) => ({ attributes: check.object('attributes', input.attributes) }));
  return orderAction(ctx, uuid, 'terminate', attributes ? { attributes } : {});
}
