import type { Context } from '../../../context.ts';
import type { ScopedAllocation, ScopedPayload } from '../../../loaders/orchestration.ts';
import { Conflict, InputProblems, NoPayloadAvailable, withPublicMessageOf, withTypedErrors } from '../typed-errors.ts';
import { checkId } from './validate.ts';

/** The ids every orchestration mutation takes; `payloadId` only for payload-level ones. */
export interface Target { projectId: string; allocationId: string; payloadId?: string }

/**
 * Validates the ids (and whatever `more` checks) and throws one ValidationFailed listing every problem, before
 * any upstream call: the access check in service-account mode is a Waldur call, so it comes after this too.
 */
export function validated(input: Target, more?: (problems: InputProblems) => void): void {
  const problems = new InputProblems();
  checkId(problems, 'input.projectId', input.projectId, 'an Orchestration project');
  checkId(problems, 'input.allocationId', input.allocationId, 'an allocation');
  if (input.payloadId !== undefined) checkId(problems, 'input.payloadId', input.payloadId, 'a payload');
  more?.(problems);
  problems.throwIfAny();
}

/**
 * Runs the upstream steps of a mutation through the access-guarded caller: answers a client should branch on
 * become typed errors, outages stay coded GraphQL errors, and a timeout names the query that tells the truth.
 * Only a reservation can answer "no payload available"; a 412 anywhere else is a plain conflict.
 */
export async function mutate<T>(run: () => Promise<T>, verifyWith: string, { reservation = false } = {}): Promise<T> {
  try {
    return await withTypedErrors(run, { verifyWith });
  } catch (error) {
    if (!reservation && error instanceof NoPayloadAvailable) throw withPublicMessageOf(error, new Conflict(error.message, []));
    throw error;
  }
}

/** The allocation as it is now: read past the request's loaders, which may hold a copy from before the change. */
export async function freshAllocation(ctx: Context, projectId: string, allocationId: string): Promise<ScopedAllocation> {
  return { ...await ctx.orchestration.getAllocation(projectId, allocationId), projectId };
}

/** The payload as it is now (a 404 rejects NOT_FOUND, which `mutate` turns into NotFoundError). */
export async function freshPayload(ctx: Context, projectId: string, allocationId: string, payloadId: string): Promise<ScopedPayload> {
  const row = await ctx.orchestration.getPayload(projectId, allocationId, payloadId);
  return { ...row, allocation_id: row.allocation_id || allocationId, projectId };
}

/** Queries a client can run after a timeout to learn whether the change was applied. */
export const verify = {
  allocations: (projectId: string) => `allocations(projectId: ${q(projectId)}) { allocationId name created }`,
  allocation: (t: Target, fields: string) => `allocation(projectId: ${q(t.projectId)}, id: ${q(t.allocationId)}) { ${fields} }`,
  payload: (t: Target, fields: string) =>
    `payload(projectId: ${q(t.projectId)}, allocationId: ${q(t.allocationId)}, id: ${q(t.payloadId ?? '')}) { ${fields} }`,
};

function q(value: string): string {
  return JSON.stringify(value);
}
