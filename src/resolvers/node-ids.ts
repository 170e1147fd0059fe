import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { badInput, JunctionError } from '../errors.ts';
import { checkNodeType } from './global-id.ts';

/** Types Waldur shows without credentials (public offerings and their plans). */
const PUBLIC_TYPES = new Set(['Offering', 'Plan']);

/**
 * The ids of one `nodes(ids:)` call, checked before any upstream call: at most MAX_NODE_IDS, each naming a Node
 * type, and — for a caller without credentials — only public types, so an anonymous request cannot fan out into
 * one refused upstream call per id.
 */
export function checkNodeIds<T extends { typename: string }>(ids: readonly T[], ctx: Context, info: GraphQLResolveInfo): T[] {
  const max = ctx.config.limits.maxNodeIds;
  if (ids.length > max) throw badInput(`ids: expected at most ${max} global ids (the MAX_NODE_IDS setting), received ${ids.length}`);
  const checked = ids.map((id) => checkNodeType(id, info));
  if (!ctx.principal.waldurAuthorization && !ctx.principal.orchestrationAuthorization) {
    const typename = checked.find((id) => !PUBLIC_TYPES.has(id.typename))?.typename;
    if (typename) {
      throw new JunctionError('UNAUTHENTICATED', `ids: a ${typename} id needs credentials (send Authorization); without them only ${[...PUBLIC_TYPES].join(' and ')} ids load`);
    }
  }
  return checked;
}
