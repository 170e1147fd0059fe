import type { Call } from '../api/call.ts';
import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Offering, Plan } from '../model.ts';
import { categoryIcon, offeringThumbnail } from './common.ts';

interface HasOfferingAndPlan {
  offeringUuid: string;
  planUuid: string | null;
  attributes: Record<string, unknown>;
  limits: Record<string, number>;
}

const offeringOf = (call: Call, item: HasOfferingAndPlan): Offering => call.store.offerings.get(item.offeringUuid)!;
const planOf = (call: Call, item: HasOfferingAndPlan): Plan | undefined =>
  item.planUuid ? call.store.plans.get(item.planUuid) : undefined;
const providerOf = (call: Call, item: HasOfferingAndPlan) => call.store.customers.get(offeringOf(call, item).customerUuid)!;

/**
 * The leading fields OrderDetails and Resource share (Waldur's ConnectedOfferingDetailsMixin plus the
 * plan, attributes and limits), in their declaration order.
 */
export function offeringDetailsFields<T extends HasOfferingAndPlan>(): FieldSpec<T> {
  return [
    ['offering', (item, call) => links.offering(call.req.origin, item.offeringUuid)],
    ['offering_name', (item, call) => offeringOf(call, item).name],
    ['offering_uuid', (item) => item.offeringUuid],
    ['offering_description', (item, call) => offeringOf(call, item).description],
    ['offering_image', (item, call) => offeringThumbnail(call, offeringOf(call, item))],
    ['offering_thumbnail', (item, call) => offeringThumbnail(call, offeringOf(call, item))],
    ['offering_type', (item, call) => offeringOf(call, item).type],
    ['offering_shared', (item, call) => offeringOf(call, item).shared],
    ['offering_billable', (item, call) => offeringOf(call, item).billable],
    ['offering_plugin_options', () => ({})],
    ['provider_name', (item, call) => providerOf(call, item).name],
    ['provider_uuid', (item, call) => providerOf(call, item).uuid],
    ['provider_slug', (item, call) => providerOf(call, item).slug],
    ['category_title', (item, call) => offeringOf(call, item).categoryTitle],
    ['category_uuid', (item, call) => offeringOf(call, item).categoryUuid],
    ['category_icon', (item, call) => categoryIcon(call, offeringOf(call, item))],
    ['plan', (item, call) => (item.planUuid ? links.plan(call.req.origin, item.offeringUuid, item.planUuid) : null)],
    ['plan_unit', (item, call) => planOf(call, item)?.unit ?? null],
    ['plan_name', (item, call) => planOf(call, item)?.name ?? null],
    ['plan_uuid', (item) => item.planUuid],
    ['plan_description', (item, call) => planOf(call, item)?.description ?? null],
    ['attributes', (item) => item.attributes],
    ['limits', (item) => item.limits],
  ];
}
