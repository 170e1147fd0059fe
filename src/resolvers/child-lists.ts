import { getArgumentValues, isObjectType, type GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context.ts';
import { childFieldNodes } from './field-plan.ts';

type ChildResolver<P> = (parent: P, args: any, ctx: Context, info: GraphQLResolveInfo) => Promise<unknown>;

/**
 * Starts the selected child lists of an object fetched by a uuid the caller gave (`project(uuid:) { resources }`)
 * together with the object itself: the lists need only that uuid, so waiting for the row would cost a round
 * trip. Each child resolver runs now with the info graphql-js will hand it later, so its upstream calls land in
 * the request's loaders and the real resolution reuses them. When the object turns out to be invisible the
 * parent resolves null and the lists (read with the caller's own credentials) are never shown.
 */
export function startChildLists<P>(parent: P, ctx: Context, info: GraphQLResolveInfo, typeName: string, resolvers: Record<string, ChildResolver<P>>): void {
  const type = info.schema.getType(typeName);
  if (!isObjectType(type)) return;
  for (const [key, nodes] of childFieldNodes(info, type)) {
    const field = type.getFields()[nodes[0].name.value];
    const resolver = field && resolvers[field.name];
    if (!resolver) continue;
    const childInfo: GraphQLResolveInfo = {
      ...info, fieldName: field.name, fieldNodes: nodes, returnType: field.type, parentType: type,
      path: { prev: info.path, key, typename: type.name },
    };
    try {
      // Its failure (bad arguments, an upstream error) surfaces when graphql-js runs the field itself.
      resolver(parent, getArgumentValues(field, nodes[0], info.variableValues), ctx, childInfo).catch(() => undefined);
    } catch {
      // Likewise.
    }
  }
}
