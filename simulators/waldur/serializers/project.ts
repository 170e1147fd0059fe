import type { Call } from '../api/call.ts';
import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Project } from '../model.ts';
import { dateTime, priceEstimate } from './common.ts';

const OECD_LABELS: Record<string, string> = {
  '1.1': 'Mathematics', '1.2': 'Computer and information sciences', '1.3': 'Physical sciences',
};

const customerOf = (call: Call, project: Project) => call.store.customers.get(project.customerUuid)!;
const activeResources = (call: Call, project: Project) =>
  call.store.resourcesOf(project.uuid).filter((resource) => resource.state !== 'Terminated');

function resourceCountByCategory(call: Call, project: Project): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const resource of activeResources(call, project)) {
    const category = call.store.offerings.get(resource.offeringUuid)?.categoryUuid;
    if (category) counts[category] = (counts[category] ?? 0) + 1;
  }
  return counts;
}

/** `Project` of OAS 8.0.5, in its property order. */
export const projectFields: FieldSpec<Project> = [
  ['url', (p, call) => links.project(call.req.origin, p.uuid)],
  ['uuid', (p) => p.uuid],
  ['name', (p) => p.name],
  ['slug', (p) => p.slug],
  ['customer', (p, call) => links.customer(call.req.origin, p.customerUuid)],
  ['customer_uuid', (p) => p.customerUuid],
  ['customer_name', (p, call) => customerOf(call, p).name],
  ['customer_slug', (p, call) => customerOf(call, p).slug],
  ['customer_native_name', (p, call) => customerOf(call, p).nativeName],
  ['customer_abbreviation', (p, call) => customerOf(call, p).abbreviation],
  ['description', (p) => p.description],
  ['customer_display_billing_info_in_projects', () => false],
  ['created', (p) => dateTime(p.created)],
  ['type', () => null],
  ['type_name', () => null],
  ['type_uuid', () => null],
  ['backend_id', (p) => p.backendId],
  ['start_date', (p) => p.startDate],
  ['end_date', (p) => p.endDate],
  ['end_date_requested_by', () => null],
  ['oecd_fos_2007_code', (p) => p.oecdFos2007Code],
  ['oecd_fos_2007_label', (p) => (p.oecdFos2007Code ? OECD_LABELS[p.oecdFos2007Code] ?? '' : '')],
  ['is_industry', (p) => p.isIndustry],
  ['image', () => null],
  ['resources_count', (p, call) => activeResources(call, p).length],
  ['max_service_accounts', () => null],
  ['kind', (p) => p.kind],
  ['is_removed', (p) => p.isRemoved],
  ['termination_metadata', () => null],
  ['staff_notes', () => ''],
  ['grace_period_days', () => null],
  ['user_email_patterns', () => []],
  ['user_affiliations', () => []],
  ['user_identity_sources', () => []],
  ['project_credit', () => null],
  ['marketplace_resource_count', (p, call) => resourceCountByCategory(call, p)],
  ['billing_price_estimate', (p, call) => priceEstimate(call, call.store.resourcesOf(p.uuid))],
];
