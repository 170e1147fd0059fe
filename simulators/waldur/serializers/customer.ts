import type { Call } from '../api/call.ts';
import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { Customer } from '../model.ts';
import { COUNTRY_NAMES, dateTime, priceEstimate } from './common.ts';

function usersCount(call: Call, customer: Customer): number {
  const users = new Set(customer.ownerUuids);
  for (const project of call.store.projectsOf(customer.uuid)) {
    for (const role of call.store.rolesInProject(project.uuid)) users.add(role.userUuid);
  }
  return users.size;
}

/** `Customer` of OAS 8.0.5, in its property order. */
export const customerFields: FieldSpec<Customer> = [
  ['url', (c, call) => links.customer(call.req.origin, c.uuid)],
  ['uuid', (c) => c.uuid],
  ['created', (c) => dateTime(c.created)],
  ['organization_groups', () => []],
  ['display_name', (c) => c.name],
  ['backend_id', (c) => c.backendId],
  ['image', () => null],
  ['blocked', (c) => c.blocked],
  ['archived', (c) => c.archived],
  ['display_billing_info_in_projects', () => false],
  ['default_tax_percent', () => '0.00'],
  ['accounting_start_date', (c) => dateTime(c.created)],
  ['projects_count', (c, call) => call.store.projectsOf(c.uuid).filter((project) => !project.isRemoved).length],
  ['users_count', (c, call) => usersCount(call, c)],
  ['sponsor_number', () => null],
  ['country_name', (c) => COUNTRY_NAMES[c.country] ?? ''],
  ['max_service_accounts', () => null],
  ['project_metadata_checklist', () => null],
  ['grace_period_days', () => null],
  ['user_email_patterns', () => []],
  ['user_affiliations', () => []],
  ['user_identity_sources', () => []],
  ['name', (c) => c.name],
  ['slug', (c) => c.slug],
  ['native_name', (c) => c.nativeName],
  ['abbreviation', (c) => c.abbreviation],
  ['description', (c) => c.description],
  ['contact_details', (c) => c.contactDetails],
  ['agreement_number', (c) => c.agreementNumber],
  ['email', (c) => c.email],
  ['phone_number', (c) => c.phoneNumber],
  ['access_subnets', () => ''],
  ['registration_code', (c) => c.registrationCode],
  ['homepage', (c) => `https://${c.domain}/`],
  ['domain', (c) => c.domain],
  ['vat_code', () => ''],
  ['postal', () => ''],
  ['address', () => ''],
  ['bank_name', () => ''],
  ['latitude', () => null],
  ['longitude', () => null],
  ['bank_account', () => ''],
  ['country', (c) => c.country],
  ['notification_emails', () => ''],
  ['payment_profiles', () => []],
  ['customer_credit', () => null],
  ['customer_unallocated_credit', () => null],
  ['is_service_provider', (c) => c.isServiceProvider],
  ['service_provider', (c, call) => (c.serviceProviderUuid ? links.serviceProvider(call.req.origin, c.serviceProviderUuid) : null)],
  ['service_provider_uuid', (c) => c.serviceProviderUuid],
  ['call_managing_organization_uuid', () => null],
  ['billing_price_estimate', (c, call) =>
    priceEstimate(call, call.store.projectsOf(c.uuid).flatMap((project) => call.store.resourcesOf(project.uuid)))],
];
