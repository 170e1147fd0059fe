/**
 * What a resource dashboard reads of a resource, its offering components and its project: plain Waldur fields, each
 * declaring the fields it reads so that they are pushed down into `field=` (no extra call).
 */
import type { NestedEndpoint, ReportSection } from '../../upstream/waldur/resource-extras.ts';
import { userUuidOf } from '../../resolvers/marketplace/resource-details.ts';
import { builder } from '../builder.ts';
import { OfferingComponent } from './offering-component.ts';
import { Project } from './project.ts';
import { reads } from './reads.ts';
import { Resource } from './resource.ts';

export const Endpoint = builder.objectRef<NestedEndpoint>('Endpoint').implement({
  description: 'A named URL where a resource or an offering can be reached (a console, an API, a web UI).',
  fields: (t) => ({
    uuid: t.exposeString('uuid', { description: 'The Waldur UUID of this endpoint.' }),
    name: t.exposeString('name', { description: 'What the URL leads to, e.g. `Web console`.' }),
    url: t.exposeString('url', { description: 'The URL.' }),
  }),
});

const ResourceReportSection = builder.objectRef<ReportSection>('ResourceReportSection').implement({
  description: 'One section of the report the service provider submitted for a resource.',
  fields: (t) => ({
    header: t.exposeString('header', { description: 'The section title.' }),
    body: t.exposeString('body', { description: 'The section text.' }),
  }),
});

const requestedBy = (what: string) => `The uuid of the user who set ${what} (from Waldur's user hyperlink); null when nobody did.`;

builder.objectFields(Resource, (t) => ({
  endpoints: t.field({
    type: [Endpoint], nullable: false, description: 'Where the resource can be reached (Waldur `endpoints`).',
    extensions: reads('endpoints'), resolve: (r) => r.endpoints ?? [],
  }),
  reportSections: t.field({
    type: [ResourceReportSection], nullable: false, description: 'The provider\'s report on the resource, section by section (Waldur `report`).',
    extensions: reads('report'), resolve: (r) => r.report ?? [],
  }),
  limitUsage: t.expose('limit_usage', { type: 'JSON', description: 'Usage counted against each limited component, e.g. `{"storage": 120.5}` (Waldur `limit_usage`).', extensions: reads('limit_usage') }),
  renewalDate: t.expose('renewal_date', { type: 'JSON', description: 'When prepaid periods renew: a map of names to dates `YYYY-MM-DD` (Waldur `renewal_date`); null for resources that are not prepaid.', extensions: reads('renewal_date') }),
  endDateRequestedByUuid: t.string({
    description: requestedBy('the resource\'s end date'), extensions: reads('end_date_requested_by'), resolve: (r) => userUuidOf(r.end_date_requested_by),
  }),
  projectEndDate: t.expose('project_end_date', { type: 'DateTime', description: 'When the resource\'s project ends (its resources are terminated then, after the grace period).', extensions: reads('project_end_date') }),
  projectEndDateRequestedByUuid: t.string({
    description: requestedBy('the project\'s end date'), extensions: reads('project_end_date_requested_by'), resolve: (r) => userUuidOf(r.project_end_date_requested_by),
  }),
  isUsageBased: t.exposeBoolean('is_usage_based', { description: 'Whether its offering bills some component by reported usage.', extensions: reads('is_usage_based') }),
  isLimitBased: t.exposeBoolean('is_limit_based', { description: 'Whether its offering bills some component by the limit set on it.', extensions: reads('is_limit_based') }),
  offeringComponents: t.field({
    type: [OfferingComponent], nullable: false, description: 'The components of its offering: billing type, unit, limits, prepaid durations (embedded: no extra request).',
    extensions: reads('offering_components'), resolve: (r) => r.offering_components ?? [],
  }),
  userRequiresReconsent: t.exposeBoolean('user_requires_reconsent', { description: 'Whether the caller must accept the offering\'s changed terms of service again before using it.', extensions: reads('user_requires_reconsent') }),
  restrictMemberAccess: t.exposeBoolean('restrict_member_access', { description: 'Whether plain project members are kept from using it.', extensions: reads('restrict_member_access') }),
  offeringUsername: t.exposeString('username', { description: 'The caller\'s username on the offering, if the provider created an account for them (Waldur `username`).', extensions: reads('username') }),
  runtimeState: t.string({ description: 'The state the backend reports, e.g. `online` (Waldur `backend_metadata.runtime_state`; the `runtimeState` filter matches it).', extensions: reads('backend_metadata'), resolve: (r) => r.backend_metadata?.runtime_state || null }),
  backendMetadata: t.expose('backend_metadata', { type: 'JSON', description: 'What the backend last said about it: `state`, `runtime_state`, `action`, `instance_name`.', extensions: reads('backend_metadata') }),
}));

builder.objectFields(OfferingComponent, (t) => ({
  articleCode: t.exposeString('article_code', { description: 'The provider\'s article code for invoices.' }),
  unitFactor: t.exposeInt('unit_factor', { description: 'How many measured units one billed unit holds.' }),
  limitPeriod: t.exposeString('limit_period', { description: 'The period a limit amount covers: `month`, `quarterly`, `annual` or `total`; null when unlimited.' }),
  limitAmount: t.exposeInt('limit_amount', { description: 'The most all resources together may be limited to within the limit period.' }),
  isPrepaid: t.exposeBoolean('is_prepaid', { description: 'Whether it is paid in advance for a period (such resources can be renewed).' }),
  minPrepaidDuration: t.exposeInt('min_prepaid_duration', { description: 'The shortest prepaid period an order or renewal may choose, in months.' }),
  maxPrepaidDuration: t.exposeInt('max_prepaid_duration', { description: 'The longest prepaid period an order or renewal may choose, in months.' }),
}));

builder.objectFields(Project, (t) => ({
  gracePeriodDays: t.exposeInt('grace_period_days', { description: 'How many days the project\'s resources keep running after its end date; null for the default.', extensions: reads('grace_period_days') }),
  endDateRequestedByUuid: t.string({
    description: requestedBy('the project\'s end date'), extensions: reads('end_date_requested_by'), resolve: (p) => userUuidOf(p.end_date_requested_by),
  }),
}));
