import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import { warnOnce } from '../../logger.ts';

/**
 * Upstream enum values ↔ GraphQL enum values. The GraphQL enum's internal value is the upstream string, so filters
 * pass through unchanged; a value Waldur adds later maps to UNKNOWN with a log line instead of failing the query.
 */
export const UNKNOWN = '__unknown__';

type Table = Record<string, [upstream: string, description: string]>;

export const ORDER_STATES = {
  PENDING_CONSUMER: ['pending-consumer', 'Waiting for the consumer side (a project manager or customer owner) to approve.'],
  PENDING_PROVIDER: ['pending-provider', 'Waiting for the service provider to approve.'],
  PENDING_PROJECT: ['pending-project', 'Waiting for the project to start (its start date is in the future).'],
  PENDING_START_DATE: ['pending-start-date', 'Waiting for the order\'s own start date.'],
  EXECUTING: ['executing', 'Approved and being carried out by the provider.'],
  DONE: ['done', 'Finished successfully (terminal).'],
  ERRED: ['erred', 'Failed (terminal; may be retried).'],
  CANCELED: ['canceled', 'Canceled before it finished (terminal).'],
  REJECTED: ['rejected', 'Rejected by the consumer or the provider (terminal).'],
} satisfies Table;

export const ORDER_TYPES = {
  CREATE: ['Create', 'Creates a new resource.'],
  UPDATE: ['Update', 'Changes the limits or plan of an existing resource.'],
  TERMINATE: ['Terminate', 'Terminates a resource.'],
  RESTORE: ['Restore', 'Restores a terminated resource.'],
} satisfies Table;

export const RESOURCE_STATES = {
  CREATING: ['Creating', 'Its Create order has not finished yet.'],
  OK: ['OK', 'Provisioned and usable.'],
  ERRED: ['Erred', 'The last operation on it failed.'],
  UPDATING: ['Updating', 'An Update order is in progress.'],
  TERMINATING: ['Terminating', 'A Terminate order is in progress.'],
  TERMINATED: ['Terminated', 'Gone (final).'],
} satisfies Table;

export const OFFERING_STATES = {
  DRAFT: ['Draft', 'Being prepared by the provider; not orderable.'],
  ACTIVE: ['Active', 'Orderable.'],
  PAUSED: ['Paused', 'Temporarily not orderable; existing resources keep working.'],
  ARCHIVED: ['Archived', 'Retired by the provider.'],
  UNAVAILABLE: ['Unavailable', 'Not available at the moment.'],
} satisfies Table;

export const PLAN_UNITS = {
  MONTH: ['month', 'The unit price is per month.'],
  QUARTER: ['quarter', 'The unit price is per quarter.'],
  HALF_MONTH: ['half_month', 'The unit price is per half month.'],
  DAY: ['day', 'The unit price is per day.'],
  HOUR: ['hour', 'The unit price is per hour.'],
  QUANTITY: ['quantity', 'The unit price is per unit of quantity, not per time.'],
} satisfies Table;

export const BACKEND_REQUEST_STATES = {
  SENT: ['Sent', 'Created; waiting for the site agent to pick it up.'],
  PROCESSING: ['Processing', 'The site agent is reporting backend resources.'],
  DONE: ['Done', 'The site agent reported all backend resources.'],
  ERRED: ['Erred', 'The site agent failed; see errorMessage.'],
} satisfies Table;

/** Maps an upstream enum value for output: known values pass, anything else is UNKNOWN plus one warning. */
export function enumOut(ctx: Context, enumName: string, table: Table, value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  if (Object.values(table).some(([upstream]) => upstream === value)) return value;
  warnOnce(ctx.logger, `${enumName}:${value}`, { enum: enumName, value }, 'unknown upstream enum value mapped to UNKNOWN');
  return UNKNOWN;
}

/** Filter values: UNKNOWN cannot be sent upstream. */
export function enumIn(values: readonly string[] | null | undefined, arg: string): string[] {
  for (const value of values ?? []) {
    if (value === UNKNOWN) throw badInput(`${arg}: UNKNOWN only describes values Junction does not know yet; it cannot be used as a filter`);
  }
  return [...(values ?? [])];
}
