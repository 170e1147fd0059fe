import { badInput } from '../errors.ts';
import { parseUuid } from '../resolvers/global-id.ts';
import { uuidOf } from '../resolvers/marketplace/row-uuid.ts';
import { builder } from './builder.ts';

/**
 * Relay's Node interface and the global-id conventions every type shares.
 *
 * Dispatch from a global id to a loader is the relay plugin's: `node(id:)`/`nodes(ids:)` decode `Type:key`
 * (our codec in resolvers/global-id.ts, wired in builder.ts) and call the `loadWithoutCache` of the type
 * registered under that name. So a type becomes reachable by id by declaring itself with `builder.node`:
 *
 *   builder.node(Allocation, {
 *     id: { resolve: (a) => a.id, parse: parseKey('Allocation') },
 *     loadWithoutCache: (id, ctx, info) => ctx.loaders.allocation.load(id),   // the caller's own credentials
 *     fields: (t) => ({ … }),
 *   });
 *
 * We use `loadWithoutCache` (it receives `info`) rather than `loadMany`: the request's DataLoaders already
 * batch and cache, and `info` lets a Waldur loader push the operation's field selection down.
 */
export const Node = builder.nodeInterfaceRef();

/** The `id` option of a Waldur-backed node: the global id wraps the object's `uuid`; a bad uuid is BAD_USER_INPUT. */
export function uuidNodeId(typename: string) {
  return {
    description: `The global Relay id of this ${typename} (base64 of "${typename}:<uuid>"); pass it to \`node(id:)\`.`,
    resolve: (parent: { uuid?: unknown }) => uuidOf(parent, typename),
    extensions: { waldur: ['uuid'] },
    parse: (id: string) => parseUuid(id, `id (${typename} uuid)`),
  };
}

/** The `id` option of a node whose key is any non-empty string without surrounding whitespace (orchestration ids). */
export function keyNodeId<P>(typename: string, key: (parent: P) => string) {
  return {
    description: `The global Relay id of this ${typename} (base64 of "${typename}:<id>"); pass it to \`node(id:)\`.`,
    resolve: key,
    parse: (id: string) => {
      if (!/^\S+$/.test(id)) throw badInput(`id: expected a ${typename} id without whitespace, received ${JSON.stringify(id)}`);
      return id;
    },
  };
}
