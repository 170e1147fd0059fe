import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { sameUuid } from '../../loaders/waldur/same-uuid.ts';
import type { Plan, PublicOffering } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { parseUuid } from '../global-id.ts';
import type { ConnectionArgs } from '../pagination.ts';
import { uuidOf } from './row-uuid.ts';
import { listQuery, type Filtered } from './filters.ts';
import { resolveLink } from './links.ts';
import { childrenConnection, listConnection } from './lists.ts';

/** A plan knows its offering: plans are reached through the offering (plans are not fetchable on their own). */
export type PlanRow = Row<Plan> & { offering_uuid?: string };

/** Offerings by uuid: batched into `uuid_list=` calls of ≤100 (the one many-by-uuid filter Waldur has). */
export function loadOffering(ctx: Context, info: GraphQLResolveInfo, uuid: string): Promise<Row<PublicOffering> | null> {
  return ctx.loaders.waldur.offering(waldurFieldsFor(info, 'Offering')).load(uuid);
}

/** A plan through its offering's embedded `plans` (the planner adds `plans` to the offering field set). */
export async function loadPlan(ctx: Context, info: GraphQLResolveInfo, offeringUuid: string, planUuid: string): Promise<PlanRow | null> {
  const fields = [...new Set([...waldurFieldsFor(info, 'Offering'), 'plans'])];
  const offering = await ctx.loaders.waldur.offering(fields).load(offeringUuid);
  const plan = offering?.plans?.find((p) => sameUuid(p.uuid) === sameUuid(planUuid));
  return plan ? { ...plan, offering_uuid: offeringUuid } : null;
}

export function offerings(_root: unknown, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return listConnection<PublicOffering>(ctx, info, args, {
    path: 'marketplace-public-offerings', type: 'Offering', query: listQuery('offerings', args),
  });
}

export function offering(_root: unknown, args: { uuid: string }, ctx: Context, info: GraphQLResolveInfo) {
  return loadOffering(ctx, info, parseUuid(args.uuid));
}

export function offeringPlans(parent: Row<PublicOffering>): PlanRow[] {
  return (parent.plans ?? []).map((plan) => ({ ...plan, offering_uuid: parent.uuid }));
}

export const offeringCustomer = (parent: Row<PublicOffering>, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => ctx.loaders.waldur.customer(waldurFieldsFor(info, 'Customer')).load(uuid));

export const planOffering = (parent: PlanRow, _args: unknown, ctx: Context, info: GraphQLResolveInfo) =>
  resolveLink(parent, info, (uuid) => loadOffering(ctx, info, uuid));

/** Resources of many offerings come from ONE `marketplace-resources/?offering_uuid=a,b` call (CSV); see children.ts. */
export function offeringResources(parent: Row<PublicOffering>, args: Filtered, ctx: Context, info: GraphQLResolveInfo) {
  return childrenConnection(ctx, info, args, {
    collection: 'marketplace-resources', type: 'Resource', parentParam: 'offering_uuid', parentField: 'offering_uuid',
    parentUuid: uuidOf(parent, 'Offering'), query: listQuery('resources', args, [['offering_uuid', uuidOf(parent, 'Offering')]]).filter(([key]) => key !== 'offering_uuid'),
  });
}

/** The global id of a plan carries its offering: `Plan:<offering uuid>.<plan uuid>`. */
export function planKey(plan: PlanRow): string {
  return `${uuidOf({ uuid: plan.offering_uuid }, 'Offering')}.${uuidOf(plan, 'Plan')}`;
}

export function parsePlanKey(key: string): { offeringUuid: string; planUuid: string } {
  const [offering = '', plan = ''] = key.split('.');
  return { offeringUuid: parseUuid(offering, 'id (Plan: offering uuid)'), planUuid: parseUuid(plan, 'id (Plan: plan uuid)') };
}
