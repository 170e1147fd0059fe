/**
 * Resource dashboard fields and the link fields backed by the resource's own actions (`offering/`, `team/`,
 * `details/`, `plan_periods/`, `estimate_renewal/`, `glauth_users_config/`), plus `suggest_name/` at the root.
 * The links go through the request's loaders (loaders/waldur/resource-extras.ts): one call per resource, only
 * when selected.
 */
import type { Context } from '../../context.ts';
import { badInput, JunctionError } from '../../errors.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Resource } from '../../upstream/waldur/types.ts';
import { ValidationFailed } from '../mutations/typed-errors.ts';
import { Checks } from '../mutations/waldur/validate.ts';
import { uuidOf } from './row-uuid.ts';

type Parent = Row<Resource>;

export const OFFERING_USER_STATES = {
  REQUESTED: ['Requested', 'The account was requested.'],
  CREATING: ['Creating', 'The account is being created.'],
  PENDING_ACCOUNT_LINKING: ['Pending account linking', 'Waiting for the user to link an existing account.'],
  PENDING_ADDITIONAL_VALIDATION: ['Pending additional validation', 'Waiting for the provider to validate the user further.'],
  OK: ['OK', 'The account exists and can be used.'],
  REQUESTED_DELETION: ['Requested deletion', 'Deletion of the account was requested.'],
  DELETING: ['Deleting', 'The account is being deleted.'],
  DELETED: ['Deleted', 'The account was deleted.'],
  ERROR_CREATING: ['Error creating', 'Creating the account failed.'],
  ERROR_DELETING: ['Error deleting', 'Deleting the account failed.'],
} satisfies Record<string, [string, string]>;

const USER_URL = /\/users\/([0-9a-f]{32}|[0-9a-f-]{36})\/?$/i;

/** The uuid at the end of a Waldur user hyperlink (`…/api/users/<uuid>/`); null when there is none. */
export function userUuidOf(url: string | null | undefined): string | null {
  const match = url ? USER_URL.exec(url) : null;
  return match ? match[1].toLowerCase().replaceAll('-', '') : null;
}

/** Runs the shared input checks; their problems become one BAD_USER_INPUT error (a query field has no typed result). */
function checked<T>(what: string, run: (check: Checks) => T): T {
  const check = new Checks();
  const value = run(check);
  try {
    check.done();
  } catch (error) {
    if (error instanceof ValidationFailed) throw badInput(`${what}: ${error.message}`, error.fields);
    throw error;
  }
  return value;
}

const extras = (ctx: Context) => ctx.loaders.waldur.resourceExtras();

export const offeringDetails = (r: Parent, _a: unknown, ctx: Context) => extras(ctx).offering.load(uuidOf(r, 'Resource'));
export const team = (r: Parent, _a: unknown, ctx: Context) => extras(ctx).team.load(uuidOf(r, 'Resource'));
export const backendDetails = (r: Parent, _a: unknown, ctx: Context) => extras(ctx).details.load(uuidOf(r, 'Resource'));
export const planPeriods = (r: Parent, _a: unknown, ctx: Context) => extras(ctx).planPeriods.load(uuidOf(r, 'Resource'));

/** Null when the offering does not manage offering users (Waldur answers 400 with a plain-text reason). */
export async function glauthUsersConfig(r: Parent, _a: unknown, ctx: Context): Promise<string | null> {
  try {
    return await extras(ctx).glauthUsersConfig.load(uuidOf(r, 'Resource'));
  } catch (error) {
    if (error instanceof JunctionError && error.code === 'BAD_USER_INPUT' && error.status === 400) return null;
    throw error;
  }
}

/** `estimate_renewal/` takes 1–60 months (RenewalEstimateRequestRequest) and optional non-negative integer limits. */
export function renewalEstimate(r: Parent, args: { extensionMonths: number; limits?: unknown }, ctx: Context) {
  const { extensionMonths, limits } = checked('renewalEstimate', (check) => {
    const months = args.extensionMonths;
    if (!Number.isInteger(months) || months < 1 || months > 60) check.problem('extensionMonths', `expected a whole number of months from 1 to 60, received ${months}`);
    return { extensionMonths: months, limits: check.limits('limits', args.limits) };
  });
  return extras(ctx).renewalEstimate.load({ resourceUuid: uuidOf(r, 'Resource'), extensionMonths, limits });
}

export interface SuggestNameArgs { project: string; offering: string; plan?: string | null; attributes?: unknown }

/** `POST suggest_name/` with uuids (not URLs) for project, offering and plan: the name Waldur would give a new resource. */
export async function suggestResourceName(_root: unknown, args: SuggestNameArgs, ctx: Context): Promise<string | null> {
  const body = checked('suggestResourceName', (check) => {
    const plan = args.plan === undefined || args.plan === null ? undefined : check.uuid('plan', args.plan);
    const attributes = check.object('attributes', args.attributes);
    return {
      project: check.uuid('project', args.project), offering: check.uuid('offering', args.offering),
      ...(plan && { plan }), ...(attributes && { attributes }),
    };
  });
  const reply = await ctx.waldur.create<{ name?: string } | undefined>('marketplace-resources/suggest_name', body);
  return reply?.name ?? null;
}
