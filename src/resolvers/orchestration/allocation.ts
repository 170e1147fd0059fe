import { checkProjectId } from '../../auth/orchestration-access.ts';
import type { Context } from '../../context.ts';
import { badInput } from '../../errors.ts';
import type { ScopedAllocation, ScopedPayload } from '../../loaders/orchestration.ts';
import type { EnumValue } from './enums.ts';
import { matchesLabels, matchesState, type LabelFilter } from './filters.ts';
import { parseAllocationKey } from './ids.ts';
import { isOrchestrationId, ORCHESTRATION_ID_RULE } from '../../upstream/orchestration/ids.ts';

export interface AllocationFilter { status?: readonly EnumValue<'AllocationState'>[] | null; labels?: readonly LabelFilter[] | null }
export interface PayloadFilter { state?: readonly EnumValue<'PayloadState'>[] | null; labels?: readonly LabelFilter[] | null }

/** Validates an allocation or payload id given by a client, before any upstream call. */
export function checkId(value: string, what: string): string {
  if (!isOrchestrationId(value)) {
    throw badInput(`${what}: expected an Orchestration API id (${ORCHESTRATION_ID_RULE}), received ${JSON.stringify(value)}`);
  }
  return value;
}

/** Allocations of a project, filtered here by status and labels (the API cannot filter). */
export function filterAllocations(rows: readonly ScopedAllocation[], filter: AllocationFilter, ctx: Pick<Context, 'logger'>): ScopedAllocation[] {
  return rows.filter((a) => matchesState('AllocationState', a.status?.state, filter.status, ctx.logger)
    && matchesLabels(a.metadata?.labels, filter.labels));
}

/** Payloads of an allocation, filtered here by state and labels (the API cannot filter). */
export function filterPayloads(rows: readonly ScopedPayload[], filter: PayloadFilter, ctx: Pick<Context, 'logger'>): ScopedPayload[] {
  return rows.filter((p) => matchesState('PayloadState', p.status?.state, filter.state, ctx.logger)
    && matchesLabels(p.metadata?.labels, filter.labels));
}

/** Root `allocations(projectId:)`: FORBIDDEN when the caller may not reach the project (the guarded caller decides). */
export async function allocationsOfProject(projectId: string, filter: AllocationFilter, ctx: Context): Promise<ScopedAllocation[]> {
  const rows = await ctx.loaders.orchestration.allocations(checkProjectId(projectId));
  return filterAllocations(rows, filter, ctx);
}

/** Root `allocation(projectId:, id:)`: null when the API answers 404, FORBIDDEN when not reachable. */
export function allocationById(projectId: string, allocationId: string, ctx: Context): Promise<ScopedAllocation | null> {
  return ctx.loaders.orchestration.allocation(checkProjectId(projectId), checkId(allocationId, 'id'));
}

/** `node(id:)` for an Allocation: the same access rule as the root field. */
export function allocationNode(key: string, ctx: Context): Promise<ScopedAllocation | null> {
  const { projectId, allocationId } = parseAllocationKey(key);
  return allocationById(projectId, allocationId, ctx);
}

/** `Allocation.payloads`: one ListPayloads per allocation per request, filtered here. */
export async function allocationPayloads(allocation: ScopedAllocation, filter: PayloadFilter, ctx: Context): Promise<ScopedPayload[]> {
  return filterPayloads(await ctx.loaders.orchestration.payloads(allocation.projectId, allocation.id), filter, ctx);
}
