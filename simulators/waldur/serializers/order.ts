import type { Call } from '../api/call.ts';
import { OMIT, type FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Order } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { userOf, dateTime } from './common.ts';
import { offeringDetailsFields } from './offering-details.ts';

const projectOf = (call: Call, order: Order) => call.store.projects.get(order.projectUuid)!;
const customerOf = (call: Call, order: Order) => call.store.customers.get(projectOf(call, order).customerUuid)!;
const resourceOf = (call: Call, order: Order) => call.store.resources.get(order.resourceUuid);
const planName = (call: Call, uuid: string | null) => (uuid ? call.store.plans.get(uuid)?.name ?? null : null);
const offeringType = (call: Call, order: Order) => call.store.offerings.get(order.offeringUuid)!.type;
const cancelable = (call: Call, order: Order) =>
  ['pending-consumer', 'pending-provider', 'executing'].includes(order.state)
  && [OFFERING_TYPES.basic, OFFERING_TYPES.support].includes(offeringType(call, order) as never);

/** `OrderDetails` of OAS 8.0.5, in its property order. */
export const orderFields: FieldSpec<Order> = [
  ...offeringDetailsFields<Order>(),
  ['uuid', (o) => o.uuid],
  ['created', (o) => dateTime(o.created)],
  ['modified', (o) => dateTime(o.modified)],
  ['resource_uuid', () => null],
  ['resource_type', () => null],
  ['resource_name', (o, call) => resourceOf(call, o)?.name ?? String(o.attributes.name ?? '')],
  ['cost', (o) => o.cost],
  ['state', (o) => o.state],
  ['output', (o) => o.output],
  ['marketplace_resource_uuid', (o) => o.resourceUuid],
  ['error_message', (o) => o.errorMessage],
  ['error_traceback', (o, call) => (call.scope.seesAll ? o.errorTraceback : OMIT)],
  ['callback_url', (o) => o.callbackUrl],
  ['completed_at', (o) => dateTime(o.completedAt)],
  ['request_comment', (o) => o.requestComment],
  ['attachment', () => null],
  ['type', (o) => o.type],
  ['start_date', (o) => o.startDate],
  ['slug', (o, call) => resourceOf(call, o)?.slug ?? o.uuid],
  ['url', (o, call) => links.order(call.req.origin, o.uuid)],
  ['consumer_reviewed_by', (o, call) => userOf(call, o.consumerReviewedByUuid)?.username ?? null],
  ['consumer_reviewed_by_full_name', (o, call) => userOf(call, o.consumerReviewedByUuid)?.fullName ?? null],
  ['consumer_reviewed_by_username', (o, call) => userOf(call, o.consumerReviewedByUuid)?.username ?? null],
  ['consumer_reviewed_at', (o) => dateTime(o.consumerReviewedAt)],
  ['provider_reviewed_by', (o, call) => userOf(call, o.providerReviewedByUuid)?.username ?? null],
  ['provider_reviewed_by_full_name', (o, call) => userOf(call, o.providerReviewedByUuid)?.fullName ?? null],
  ['provider_reviewed_by_username', (o, call) => userOf(call, o.providerReviewedByUuid)?.username ?? null],
  ['provider_reviewed_at', (o) => dateTime(o.providerReviewedAt)],
  ['created_by_username', (o, call) => userOf(call, o.createdByUuid)?.username ?? ''],
  ['created_by_full_name', (o, call) => userOf(call, o.createdByUuid)?.fullName ?? ''],
  ['created_by_civil_number', () => null],
  ['created_by_email', (o, call) => userOf(call, o.createdByUuid)?.email ?? null],
  ['created_by_organization', () => ''],
  ['created_by_organization_registry_code', () => ''],
  ['customer_name', (o, call) => customerOf(call, o).name],
  ['customer_uuid', (o, call) => customerOf(call, o).uuid],
  ['customer_slug', (o, call) => customerOf(call, o).slug],
  ['project_name', (o, call) => projectOf(call, o).name],
  ['project_uuid', (o) => o.projectUuid],
  ['project_description', (o, call) => projectOf(call, o).description],
  ['project_slug', (o, call) => projectOf(call, o).slug],
  ['old_plan_name', (o, call) => planName(call, o.oldPlanUuid)],
  ['new_plan_name', (o, call) => (o.oldPlanUuid ? planName(call, o.planUuid) : null)],
  ['old_plan_uuid', (o) => o.oldPlanUuid],
  ['new_plan_uuid', (o) => (o.oldPlanUuid ? o.planUuid : null)],
  ['old_cost_estimate', (o, call) => Number(call.store.plans.get(o.oldPlanUuid ?? o.planUuid ?? '')?.unitPrice ?? 0)],
  ['new_cost_estimate', (o) => o.cost],
  ['can_terminate', (o, call) => cancelable(call, o)],
  ['fixed_price', (o, call) => Number(call.store.plans.get(o.planUuid ?? '')?.unitPrice ?? 0)],
  ['activation_price', () => 0],
  ['termination_comment', () => null],
  ['backend_id', () => ''],
  ['order_subtype', () => null],
  ['provider_message', () => ''],
  ['provider_message_url', () => ''],
  ['provider_message_attachment', () => null],
  ['consumer_message', () => ''],
  ['consumer_message_attachment', () => null],
  ['consumer_rejection_comment', (o) => o.consumerRejectionComment],
  ['provider_rejection_comment', (o) => o.providerRejectionComment],
  ['issue', () => null],
];

export const ORDER_EXTRA_FIELD_NAMES = ['accepting_terms_of_service'] as const;
