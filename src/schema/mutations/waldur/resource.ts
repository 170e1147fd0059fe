/** updateResource, updateResourceOptions, updateResourceLimits, switchResourcePlan, terminateResource. */
import * as mutate from '../../../resolvers/mutations/waldur/resource.ts';
import type { ResourceOutcome } from '../../../resolvers/mutations/waldur/resource.ts';
import { loadOrder } from '../../../resolvers/marketplace/order.ts';
import { loadResource } from '../../../resolvers/marketplace/resource.ts';
import { builder } from '../../builder.ts';
import { Order } from '../../marketplace/order.ts';
import { Resource } from '../../marketplace/resource.ts';
import { uuidInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

const UpdateResourceInput = uuidInput('UpdateResourceInput', 'Changes to a resource: only the fields given change (PATCH); at least one.', 'resource', (t) => ({
  name: t.string({ description: 'A new name: 1–150 characters, not only whitespace (sent trimmed).' }),
  description: t.string({ description: 'A new description (at most 4096 characters).' }),
  endDate: t.string({ description: 'When to terminate it, `YYYY-MM-DD`; null clears it.' }),
}));
const UpdateResourceOptionsInput = uuidInput('UpdateResourceOptionsInput', 'New option values for a resource.', 'resource', (t) => ({
  options: t.field({ type: 'JSON', required: true, description: 'A JSON object of option name → value, as the offering\'s `options` define them.' }),
}));
const UpdateResourceLimitsInput = uuidInput('UpdateResourceLimitsInput', 'New limits for a resource in state OK.', 'resource', (t) => ({
  limits: t.field({ type: 'JSON', required: true, description: 'A JSON object of component → non-negative integer, e.g. `{"cpu": 8}`; at least one, not all as they are.' }),
  requestComment: t.string({ description: 'A comment for the reviewers (at most 255 characters).' }),
}));
const SwitchResourcePlanInput = uuidInput('SwitchResourcePlanInput', 'Another plan of the same offering for a resource in state OK.', 'resource', (t) => ({
  planUuid: t.string({ required: true, description: 'The new plan\'s Waldur UUID (sent as its public plan URL, under the resource\'s offering).' }),
}));
const TerminateResourceInput = uuidInput('TerminateResourceInput', 'A resource to terminate (state OK or Erred).', 'resource', (t) => ({
  attributes: t.field({ type: 'JSON', description: 'A JSON object of termination attributes the offering may define.' }),
}));

/** The resource after the change and, for changes that go through an order, that order; both read only when selected. */
function resourceSuccess(name: string, description: string, orderText?: string) {
  return builder.objectRef<ResourceOutcome>(name).implement({
    description,
    fields: (t) => ({
      resource: t.field({ type: Resource, description: 'The resource, read after the change.', resolve: (o, _a, ctx, info) => loadResource(ctx, info, o.resourceUuid) }),
      ...(orderText ? {
        orderUuid: t.exposeString('orderUuid', { description: `The uuid of ${orderText.replace(/^The /, 'the ')}` }),
        order: t.field({ type: Order, description: orderText, resolve: (o, _a, ctx, info) => (o.orderUuid ? loadOrder(ctx, info, o.orderUuid) : null) }),
      } : {}),
    }),
  });
}

const ordered = (type: string) => `The ${type} order Waldur created (from its \`{order_uuid}\` answer); it may wait for approval.`;
const UpdateResourceSuccess = resourceSuccess('UpdateResourceSuccess', 'The resource was changed.');
const UpdateResourceOptionsSuccess = resourceSuccess('UpdateResourceOptionsSuccess', 'The options were submitted.', 'The Update order, when the offering routes option changes through one; else null.');
const UpdateResourceLimitsSuccess = resourceSuccess('UpdateResourceLimitsSuccess', 'An Update order for the new limits was created.', ordered('Update'));
const SwitchResourcePlanSuccess = resourceSuccess('SwitchResourcePlanSuccess', 'An Update order for the new plan was created.', ordered('Update'));
const TerminateResourceSuccess = resourceSuccess('TerminateResourceSuccess', 'A Terminate order was created.', ordered('Terminate'));

const field = (name: string) => waldurErrors(name[0].toUpperCase() + name.slice(1));

builder.mutationFields((t) => ({
  updateResource: t.field({
    type: UpdateResourceSuccess, description: 'Renames a resource or changes its description or end date (`PATCH /api/marketplace-resources/<uuid>/`).',
    args: { input: t.arg({ type: UpdateResourceInput, required: true, description: 'The resource and the fields to change.' }) },
    errors: field('updateResource'), resolve: (_root, { input }, ctx, info) => mutate.updateResource(ctx, info, input),
  }),
  updateResourceOptions: t.field({
    type: UpdateResourceOptionsSuccess, description: 'Submits new option values (`update_options/`).',
    args: { input: t.arg({ type: UpdateResourceOptionsInput, required: true, description: 'The resource and its options.' }) },
    errors: field('updateResourceOptions'), resolve: (_root, { input }, ctx, info) => mutate.updateResourceOptions(ctx, info, input),
  }),
  updateResourceLimits: t.field({
    type: UpdateResourceLimitsSuccess, description: 'Orders new limits (`update_limits/`, state OK only; the same limits as now are a ValidationError).',
    args: { input: t.arg({ type: UpdateResourceLimitsInput, required: true, description: 'The resource and its new limits.' }) },
    errors: field('updateResourceLimits'), resolve: (_root, { input }, ctx, info) => mutate.updateResourceLimits(ctx, info, input),
  }),
  switchResourcePlan: t.field({
    type: SwitchResourcePlanSuccess, description: 'Orders a switch to another plan of the resource\'s offering (`switch_plan/`, state OK only).',
    args: { input: t.arg({ type: SwitchResourcePlanInput, required: true, description: 'The resource and the new plan.' }) },
    errors: field('switchResourcePlan'), resolve: (_root, { input }, ctx, info) => mutate.switchResourcePlan(ctx, info, input),
  }),
  terminateResource: t.field({
    type: TerminateResourceSuccess, description: 'Orders the termination of a resource (`terminate/`, state OK or Erred).',
    args: { input: t.arg({ type: TerminateResourceInput, required: true, description: 'The resource to terminate.' }) },
    errors: field('terminateResource'), resolve: (_root, { input }, ctx, info) => mutate.terminateResource(ctx, info, input),
  }),
}));
