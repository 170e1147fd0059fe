import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import { waldurFieldsFor } from '../field-plan.ts';

/** `users/me/` with the operation's User fields; an anonymous caller gets UNAUTHENTICATED from Waldur. */
export function viewer(_root: unknown, _args: unknown, ctx: Context, info: GraphQLResolveInfo) {
  return ctx.loaders.waldur.viewer(waldurFieldsFor(info, 'User'));
}
