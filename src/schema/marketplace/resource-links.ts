/**
 * Resource fields backed by the resource's own endpoints (`offering/`, `team/`, `details/`, `plan_periods/`,
 * `estimate_renewal/`, `glauth_users_config/`): each is one call per resource, made only when the field is
 * selected and shared by every selection of it in the operation. Plus `suggestResourceName` at the root.
 */
import type { ComponentUsage, RenewalEstimate, RenewalEstimateComponent, ResourcePlanPeriod, ResourceTeamMember } from '../../upstream/waldur/resource-extras.ts';
import { enumOut, UNKNOWN } from '../../resolvers/marketplace/enums.ts';
import * as resolve from '../../resolvers/marketplace/resource-details.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { Offering } from './offering.ts';
import { Resource } from './resource.ts';

const userStates: Record<string, { value: string; description: string }> = {};
for (const [key, [value, text]] of Object.entries(resolve.OFFERING_USER_STATES)) userStates[key] = { value, description: `${text} (Waldur: \`${value}\`)` };
userStates.UNKNOWN = { value: UNKNOWN, description: 'A value this version of Junction does not know yet; it is logged.' };

const OfferingUserState = builder.enumType('OfferingUserState', { description: 'The state of a user\'s account on an offering.', values: userStates });

const ResourceTeamMember = builder.objectRef<ResourceTeamMember>('ResourceTeamMember').implement({
  description: 'A user of the resource\'s project, with their project role and their account on the resource\'s offering.',
  fields: (t) => ({
    userUuid: t.string({ nullable: false, description: 'The user\'s Waldur UUID.', resolve: (row) => uuidOf(row, 'team member') }),
    username: t.exposeString('username', { description: 'The user\'s Waldur username.' }),
    fullName: t.exposeString('full_name', { description: 'The user\'s full name.' }),
    email: t.exposeString('email', { description: 'The user\'s e-mail.' }),
    role: t.exposeString('role', { description: 'The user\'s role in the project, e.g. `PROJECT.ADMIN`.' }),
    expirationTime: t.expose('expiration_time', { type: 'DateTime', description: 'When the project role expires; null for never.' }),
    offeringUsername: t.exposeString('offering_user_username', { description: 'The user\'s username on the offering; null when they have no account there.' }),
    offeringUserState: t.field({
      type: OfferingUserState, description: 'The state of the user\'s account on the offering; null when they have none.',
      resolve: (m, _a, ctx) => enumOut(ctx, 'OfferingUserState', resolve.OFFERING_USER_STATES, m.offering_user_state),
    }),
  }),
});

const ComponentUsage = builder.objectRef<ComponentUsage>('ComponentUsage').implement({
  description: 'Usage of one offering component reported for a plan period.',
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: 'The Waldur UUID of this usage record.', resolve: (row) => uuidOf(row, 'usage record') }),
    type: t.exposeString('type', { description: 'The component key, e.g. `cpu`.' }),
    name: t.exposeString('name', { description: 'The component name.' }),
    measuredUnit: t.exposeString('measured_unit', { description: 'The unit of `usage`, e.g. `hours`.' }),
    usage: t.expose('usage', { type: 'Decimal', description: 'How much was used.' }),
    date: t.expose('date', { type: 'DateTime', description: 'When the usage was measured.' }),
    created: t.expose('created', { type: 'DateTime', description: 'When it was reported.' }),
    description: t.exposeString('description', { description: 'The reporter\'s note.' }),
    recurring: t.exposeBoolean('recurring', { description: 'Whether the same usage repeats every period.' }),
  }),
});

const ResourcePlanPeriod = builder.objectRef<ResourcePlanPeriod>('ResourcePlanPeriod').implement({
  description: 'A period during which a resource is (or will be) on one plan, with the usage reported in it.',
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: 'The Waldur UUID of this plan period.', resolve: (row) => uuidOf(row, 'plan period') }),
    planUuid: t.exposeString('plan_uuid', { description: 'The uuid of the plan.' }),
    planName: t.exposeString('plan_name', { description: 'The name of the plan.' }),
    start: t.expose('start', { type: 'DateTime', description: 'When the period starts.' }),
    end: t.expose('end', { type: 'DateTime', description: 'When it ends; null while it is the current, open-ended one.' }),
    componentUsages: t.field({ type: [ComponentUsage], nullable: false, description: 'The component usage reported in the period.', resolve: (p) => p.components ?? [] }),
  }),
});

const RenewalEstimateComponent = builder.objectRef<RenewalEstimateComponent>('RenewalEstimateComponent').implement({
  description: 'What renewing costs for one component.',
  fields: (t) => ({
    type: t.exposeString('component_type', { description: 'The component key, e.g. `storage`.' }),
    name: t.exposeString('component_name', { description: 'The component name.' }),
    billingType: t.exposeString('billing_type', { description: 'How it is billed: `fixed`, `usage`, `limit`, `one` or `few`.' }),
    billingPeriod: t.exposeString('billing_period', { description: 'The period its price is per, if any.' }),
    currentLimit: t.expose('current_limit', { type: 'Long', description: 'The limit now.' }),
    newLimit: t.expose('new_limit', { type: 'Long', description: 'The limit after the renewal.' }),
    unitPrice: t.expose('unit_price', { type: 'Decimal', description: 'The price per unit.' }),
    measuredUnit: t.exposeString('measured_unit', { description: 'The unit the limit counts.' }),
    periodDescription: t.exposeString('period_description', { description: 'The period priced, in words.' }),
    total: t.expose('total', { type: 'Decimal', description: 'What this component costs for the renewal.' }),
  }),
});

const RenewalEstimate = builder.objectRef<RenewalEstimate>('RenewalEstimate').implement({
  description: 'What renewing a prepaid resource would cost and until when it would then run (nothing is ordered).',
  fields: (t) => ({
    components: t.field({ type: [RenewalEstimateComponent], nullable: false, description: 'The cost per component.', resolve: (e) => e.components ?? [] }),
    subscriptionTotal: t.expose('subscription_total', { type: 'Decimal', description: 'The cost of extending at the current limits.' }),
    limitChangeTotal: t.expose('limit_change_total', { type: 'Decimal', description: 'The extra cost of the changed limits.' }),
    total: t.expose('total', { type: 'Decimal', description: 'The whole cost of the renewal.' }),
    remainingDays: t.expose('remaining_days', { type: 'Long', description: 'Days left in the current prepaid period.' }),
    newEndDate: t.expose('new_end_date', { type: 'DateTime', description: 'The end date after the renewal (`YYYY-MM-DD`).' }),
  }),
});

const once = 'Fetched only when selected: one call per resource per request.';

builder.objectFields(Resource, (t) => ({
  offeringDetails: t.field({
    type: Offering, description: `Its offering in full as the resource sees it (\`offering/\`): endpoints, partitions, software catalogs, roles, components and plans, even for an offering the caller cannot list. ${once}`,
    resolve: resolve.offeringDetails,
  }),
  team: t.field({
    type: [ResourceTeamMember], description: `The users of its project with their accounts on its offering (\`team/\`). ${once}`,
    resolve: resolve.team,
  }),
  backendDetails: t.field({
    type: 'JSON', description: `The backend object behind the resource as its plugin describes it (\`details/\`); null when there is none. ${once}`,
    resolve: resolve.backendDetails,
  }),
  planPeriods: t.field({
    type: [ResourcePlanPeriod], description: `Its current and future plan periods with reported usage (\`plan_periods/\`). ${once}`,
    resolve: resolve.planPeriods,
  }),
  renewalEstimate: t.field({
    type: RenewalEstimate,
    description: `What renewing this prepaid resource would cost (\`POST estimate_renewal/\`, which changes nothing; OK or Erred resources, for managers). ${once.replace('resource', 'resource and arguments')}`,
    args: {
      extensionMonths: t.arg.int({ required: true, description: 'How many months to extend by: 1–60.' }),
      limits: t.arg({ type: 'JSON', description: 'New limits for the renewed period, a JSON object of component → non-negative integer; omit to keep the current ones.' }),
    },
    resolve: resolve.renewalEstimate,
  }),
  glauthUsersConfig: t.string({
    description: `The GLauth configuration (TOML text) for the users of its project on its offering (\`glauth_users_config/\`); null when the offering has no offering users. ${once}`,
    resolve: resolve.glauthUsersConfig,
  }),
}));

builder.queryField('suggestResourceName', (t) => t.string({
  description: 'The name Waldur suggests for a new resource of an offering in a project (`POST /api/marketplace-resources/suggest_name/`).',
  args: {
    project: t.arg.string({ required: true, description: 'The project\'s Waldur UUID.' }),
    offering: t.arg.string({ required: true, description: 'The offering\'s Waldur UUID.' }),
    plan: t.arg.string({ description: 'The plan\'s Waldur UUID, for offerings whose name pattern uses it.' }),
    attributes: t.arg({ type: 'JSON', description: 'The order form values, for offerings whose name pattern uses them.' }),
  },
  resolve: resolve.suggestResourceName,
}));
