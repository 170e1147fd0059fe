import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import type { ScopedAllocation } from '../../loaders/orchestration.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import type { Resource } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';
import { nullWhenUnreachable } from './common.ts';

/**
 * `Allocation.marketplaceResource`: the reverse of `Resource.allocation`. Looks in the Waldur projects the
 * caller can see that link to the allocation's orchestration project (the same request-cached lookup as the
 * access check) for a resource whose backend_id is the allocation id; fetched with the operation's Resource
 * field set. Null when there is none.
 */
export function allocationMarketplaceResource(allocation: ScopedAllocation, ctx: Context, info: GraphQLResolveInfo): Promise<Row<Resource> | null> {
  return nullWhenUnreachable(async () => {
    const linked = await ctx.loaders.links.linkedProjects(allocation.projectId);
    const loader = ctx.loaders.links.resourceByBackendId(waldurFieldsFor(info, 'Resource'));
    for (const project of linked) {
      const row = await loader.load(project.uuid, allocation.id);
      if (row) return row;
    }
    return null;
  });
}
