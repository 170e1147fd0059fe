import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { ScopedAllocation } from '../../loaders/orchestration.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Project } from '../../upstream/waldur/types.ts';
import { filterAllocations, type AllocationFilter } from '../orchestration/allocation.ts';
import { linkedOrchestrationProjectId, nullWhenUnreachable } from './common.ts';

/** `Project.allocations`: null when the project links to no orchestration project or it is not reachable. */
export function projectAllocations(project: Row<Project>, filter: AllocationFilter, ctx: Context, info: GraphQLResolveInfo): Promise<ScopedAllocation[] | null> {
  return nullWhenUnreachable(async () => {
    const projectId = await linkedOrchestrationProjectId(project, ctx);
    return projectId === null ? null : filterAllocations(await ctx.loaders.orchestration.allocations(projectId), filter, ctx);
  });
}
