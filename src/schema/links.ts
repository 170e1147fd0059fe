import { allocationMarketplaceResource } from '../resolvers/links/allocation.ts';
import { linkedOrchestrationProjectId } from '../resolvers/links/common.ts';
import { projectAllocations } from '../resolvers/links/project.ts';
import { RESOURCE_ALLOCATION_FIELDS, resourceAllocation } from '../resolvers/links/resource.ts';
import { builder } from './builder.ts';
import { Project } from './marketplace/project.ts';
import { Resource } from './marketplace/resource.ts';
import { Allocation } from './orchestration/allocation.ts';
import { AllocationState } from './orchestration/enums.ts';
import { LabelFilter } from './orchestration/metadata.ts';

/*
 * The links between the two backends (docs/ARCHITECTURE.md "Cross-backend links"). Each Waldur-side field declares
 * the Waldur fields it reads (`extensions.waldur`) so the field planner pushes them down. A link answers null,
 * never an error, when the other side is missing or the caller may not reach it.
 */

builder.objectFields(Project, (t) => ({
  orchestrationProjectId: t.string({
    description: 'The orchestration project this Waldur project links to, as the service provider recorded it (the `backendId` of the '
      + 'project\'s resource of an orchestration offering; the project\'s own field only where the operator opted in); null when none.',
    extensions: { waldur: ['uuid', 'backend_id'] },
    resolve: (project, _args, ctx) => linkedOrchestrationProjectId(project, ctx),
  }),
  allocations: t.field({
    type: [Allocation],
    description: 'The allocations of the linked orchestration project, optionally filtered by status and labels (by the gateway: the '
      + 'Orchestration API has no filters). Null when the project links to none, or the caller may not reach it.',
    // No paging upstream: the cost limit prices it as a typical list of 20.
    extensions: { waldur: ['uuid', 'backend_id'], listSize: 20 },
    args: {
      status: t.arg({ type: [AllocationState], description: 'Keep allocations in any of these states (omit for all).' }),
      labels: t.arg({ type: [LabelFilter], description: 'Keep allocations carrying every one of these labels.' }),
    },
    resolve: (project, args, ctx, info) => projectAllocations(project, args, ctx, info),
  }),
}));

builder.objectField(Resource, 'allocation', (t) => t.field({
  type: Allocation,
  description: 'The orchestration allocation this resource provisioned: its `backend_id` in the orchestration project its Waldur project '
    + 'links to (only for the offering types in LINK_RESOURCE_OFFERING_TYPES, when set). Null when there is none, or it is not reachable.',
  // The project's link comes with the project wherever the operation reads one (`project(uuid:) { resources { allocation } }`):
  // the allocation level then starts when the resources arrive, not after another project call.
  extensions: { waldur: [...RESOURCE_ALLOCATION_FIELDS], waldurAlso: { Project: ['uuid', 'backend_id'] } },
  resolve: (resource, _args, ctx, info) => resourceAllocation(resource, ctx, info),
}));

builder.objectField(Allocation, 'marketplaceResource', (t) => t.field({
  type: Resource,
  description: 'The marketplace resource whose `backend_id` is this allocation, in a Waldur project you can see that links to the '
    + 'allocation\'s orchestration project; null when there is none.',
  resolve: (allocation, _args, ctx, info) => allocationMarketplaceResource(allocation, ctx, info),
}));
