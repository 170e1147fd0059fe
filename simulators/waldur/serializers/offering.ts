import type { Call } from '../api/call.ts';
import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Offering, OfferingComponent, Plan } from '../model.ts';
import { dateTime, offeringThumbnail } from './common.ts';
import { offeringEndpoints, offeringPartitions, offeringRoles, offeringSoftwareCatalogs, pluginOptions } from './offering-extras.ts';

export function componentJson(component: OfferingComponent) {
  return {
    uuid: component.uuid, billing_type: component.billingType, type: component.type, name: component.name,
    description: '', measured_unit: component.measuredUnit, unit_factor: 1, limit_period: null, limit_amount: null,
    article_code: '', max_value: component.maxValue, min_value: component.minValue, max_available_limit: null,
    is_boolean: false, default_limit: component.defaultLimit, factor: null, is_builtin: false, is_prepaid: component.isPrepaid === true,
    overage_component: null, min_prepaid_duration: component.isPrepaid ? 12 : null, max_prepaid_duration: component.isPrepaid ? 36 : null,
  };
}

/** How many resources use each plan, computed once per request. */
function planResourceCounts(call: Call): Map<string, number> {
  return call.memo('plan-resource-counts', () => {
    const counts = new Map<string, number>();
    for (const resource of call.store.resources.values()) {
      if (resource.planUuid && resource.state !== 'Terminated') counts.set(resource.planUuid, (counts.get(resource.planUuid) ?? 0) + 1);
    }
    return counts;
  });
}

/** `BasePublicPlan`, in its property order. */
export function planJson(call: Call, offering: Offering, plan: Plan) {
  const prices = Object.fromEntries(Object.entries(plan.prices).map(([type, price]) => [type, Number(price)]));
  return {
    url: links.plan(call.req.origin, offering.uuid, plan.uuid), uuid: plan.uuid, name: plan.name, description: plan.description,
    article_code: '', max_amount: null, archived: plan.archived, is_active: !plan.archived, unit_price: plan.unitPrice,
    unit: plan.unit, init_price: 0, switch_price: 0, backend_id: '', organization_groups: [],
    components: offering.components.map((component) => ({
      type: component.type, name: component.name, measured_unit: component.measuredUnit, amount: plan.quotas[component.type] ?? 0,
      price: plan.prices[component.type] ?? '0.0000000000', future_price: null, discount_threshold: null, discount_rate: null,
    })),
    prices, future_prices: {}, quotas: { ...plan.quotas },
    resources_count: planResourceCounts(call).get(plan.uuid) ?? 0,
    plan_type: offering.components.some((component) => component.billingType === 'usage') ? 'usage-based' : 'fixed-price',
    minimal_price: Number(plan.unitPrice),
  };
}

export function billingClassification(offering: Offering): string {
  const types = new Set(offering.components.map((component) => component.billingType));
  if (types.size === 1 && types.has('usage')) return 'usage-only';
  if (types.size === 1 && types.has('limit')) return 'limit-only';
  if (types.size === 1 && types.has('fixed')) return 'fixed-only';
  return 'mixed';
}

/** Per-offering totals over its resources: distinct customers and the sum of plan prices. */
export function offeringTotals(call: Call): Map<string, { customers: number; cost: number; orders: number }> {
  return call.memo('offering-totals', () => {
    const totals = new Map<string, { customers: Set<string>; cost: number; orders: number }>();
    const entry = (uuid: string) => totals.get(uuid) ?? totals.set(uuid, { customers: new Set(), cost: 0, orders: 0 }).get(uuid)!;
    for (const resource of call.store.resources.values()) {
      const item = entry(resource.offeringUuid);
      const project = call.store.projects.get(resource.projectUuid);
      if (project) item.customers.add(project.customerUuid);
      if (resource.planUuid && resource.state !== 'Terminated') item.cost += Number(call.store.plans.get(resource.planUuid)?.unitPrice ?? 0);
    }
    for (const order of call.store.orders.values()) entry(order.offeringUuid).orders += 1;
    return new Map([...totals].map(([uuid, item]) => [uuid, { customers: item.customers.size, cost: Math.round(item.cost), orders: item.orders }]));
  });
}

const provider = (call: Call, offering: Offering) => call.store.customers.get(offering.customerUuid)!;
const totalsOf = (call: Call, offering: Offering) => offeringTotals(call).get(offering.uuid) ?? { customers: 0, cost: 0, orders: 0 };

/** `PublicOfferingDetails` of OAS 8.0.5, in its property order. */
export const offeringFields: FieldSpec<Offering> = [
  ['url', (o, call) => links.offering(call.req.origin, o.uuid)],
  ['uuid', (o) => o.uuid],
  ['created', (o) => dateTime(o.created)],
  ['name', (o) => o.name],
  ['slug', (o) => o.slug],
  ['description', (o) => o.description],
  ['full_description', (o) => `<p>${o.description}</p>`],
  ['privacy_policy_link', () => ''],
  ['access_url', () => ''],
  ['endpoints', (o, call) => offeringEndpoints(call, o)],
  ['software_catalogs', (o) => offeringSoftwareCatalogs(o)],
  ['partitions', (o) => offeringPartitions(o)],
  ['roles', (o, call) => offeringRoles(call, o)],
  ['customer', (o, call) => links.customer(call.req.origin, o.customerUuid)],
  ['customer_uuid', (o) => o.customerUuid],
  ['customer_name', (o, call) => provider(call, o).name],
  ['project', () => null],
  ['project_uuid', () => null],
  ['project_name', () => null],
  ['category', (o, call) => links.category(call.req.origin, o.categoryUuid)],
  ['category_uuid', (o) => o.categoryUuid],
  ['category_title', (o) => o.categoryTitle],
  ['attributes', (o) => o.attributes],
  ['options', (o) => o.options],
  ['resource_options', () => ({ order: [], options: {} })],
  ['components', (o) => o.components.map(componentJson)],
  ['plugin_options', (o) => pluginOptions(o)],
  ['state', (o) => o.state],
  ['vendor_details', () => ''],
  ['getting_started', () => ''],
  ['integration_guide', () => ''],
  ['thumbnail', (o, call) => offeringThumbnail(call, o)],
  ['order_count', (o, call) => totalsOf(call, o).orders],
  ['plans', (o, call) => o.plans.map((plan) => planJson(call, o, plan))],
  ['screenshots', () => []],
  ['type', (o) => o.type],
  ['shared', (o) => o.shared],
  ['billable', (o) => o.billable],
  ['scope', () => null],
  ['scope_uuid', () => null],
  ['scope_name', () => null],
  ['scope_state', () => null],
  ['scope_error_message', () => null],
  ['files', () => []],
  ['quotas', () => []],
  ['paused_reason', (o) => (o.state === 'Paused' ? 'Capacity is being migrated.' : '')],
  ['datacite_doi', () => ''],
  ['citation_count', () => 0],
  ['latitude', () => null],
  ['longitude', () => null],
  ['country', () => ''],
  ['backend_id', () => ''],
  ['organization_groups', () => []],
  ['tags', () => []],
  ['image', (o, call) => offeringThumbnail(call, o)],
  ['total_customers', (o, call) => totalsOf(call, o).customers],
  ['total_cost', (o, call) => totalsOf(call, o).cost],
  ['total_cost_estimated', (o, call) => totalsOf(call, o).cost],
  ['parent_description', () => null],
  ['parent_uuid', () => null],
  ['parent_name', () => null],
  ['backend_metadata', () => ({})],
  ['has_compliance_requirements', () => false],
  ['billing_type_classification', (o) => billingClassification(o)],
  ['compliance_checklist', () => null],
  ['user_has_consent', () => true],
  ['is_accessible', () => true],
  ['google_calendar_is_public', () => null],
  ['google_calendar_link', () => null],
  ['promotion_campaigns', () => []],
];

/** Write-only names that `?field=` accepts although they never appear in the output. */
export const OFFERING_EXTRA_FIELD_NAMES = ['secret_options', 'service_attributes'] as const;
