import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { ScopedAllocation } from '../../loaders/orchestration.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Resource } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { linkedOrchestrationProjectId, nullWhenUnreachable } from './common.ts';

/** The resource fields this link reads; the schema declares the same list so the planner pushes it down. */
export const RESOURCE_ALLOCATION_FIELDS = ['backend_id', 'project_uuid', 'offering_type'] as const;

/**
 * `Resource.allocation`: the resource's `backend_id` names an allocation in the orchestration project its
 * Waldur project links to (only for the configured offering types, when any are). Resolved through the
 * project's allocation list, so every resource of a project shares one ListAllocations call. Null when the
 * resource has no backend_id, its project no link, the allocation does not exist, or it is not reachable.
 */
export function resourceAllocation(resource: Row<Resource>, ctx: Context, info: GraphQLResolveInfo): Promise<ScopedAllocation | null> {
  return nullWhenUnreachable(async () => {
    let row: Row<Resource> | null = resource;
    if (RESOURCE_ALLOCATION_FIELDS.some((f) => row![f] === undefined)) {
      if (!resource.uuid) return null;
      const fields = [...new Set([...waldurFieldsFor(info, 'Resource'), ...RESOURCE_ALLOCATION_FIELDS])].sort();
      row = await ctx.loaders.waldur.resource(fields).load(resource.uuid);
    }
    const backendId = row?.backend_id?.trim();
    if (!row || !backendId || !row.project_uuid) return null;
    const types = ctx.config.links.resourceOfferingTypes;
    if (types.length && !types.includes(row.offering_type ?? '')) return null;
    const projectId = await linkedOrchestrationProjectId({ uuid: row.project_uuid }, ctx);
    return projectId === null ? null : ctx.loaders.orchestration.allocationViaList(projectId, backendId);
  });
}
