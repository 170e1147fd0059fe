import type { GraphQLResolveInfo } from 'graphql';
import { isObjectType } from 'graphql';
import { badInput } from '../errors.ts';

/**
 * Global ids are base64 of `Type:key` (Relay's convention, as @pothos/plugin-relay writes them).
 * Decoding is ours so that a malformed id is a BAD_USER_INPUT that says what was expected and received,
 * instead of Pothos's generic "Invalid global ID".
 */
export function encodeGlobalId(typename: string, id: bigint | number | string): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

const TYPENAME = /^[A-Z_a-z]\w*$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = BASE64.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon < 1 || !TYPENAME.test(typename) || !id) {
    throw badInput(`id: expected a global ID as returned by an \`id\` field (base64 of "Type:key"), received ${JSON.stringify(globalId)}`);
  }
  return { typename, id };
}

const HEX_UUID = /^[0-9a-f]{32}$/;
const DASHED_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A Waldur UUID (hex or dashed, any case, surrounding spaces ignored) as 32 lowercase hex; undefined if it is none. */
export function normalizeUuid(value: unknown): string | undefined {
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (HEX_UUID.test(lower)) return lower;
  if (DASHED_UUID.test(lower)) return lower.replaceAll('-', '');
  return undefined;
}

/** Normalises a Waldur UUID to 32 lowercase hex; anything else is BAD_USER_INPUT. */
export function parseUuid(value: string, what = 'uuid'): string {
  const uuid = normalizeUuid(value);
  if (uuid === undefined) throw badInput(`${what}: expected a Waldur UUID (32 hex digits, dashes optional), received ${JSON.stringify(value)}`);
  return uuid;
}

/** A node id must name a type that implements Node; anything else is the caller's mistake, not ours. */
export function checkNodeType<T extends { typename: string }>(id: T, info: GraphQLResolveInfo): T {
  const type = info.schema.getType(id.typename);
  if (!isObjectType(type) || !type.getInterfaces().some((i) => i.name === 'Node')) {
    const known = Object.values(info.schema.getTypeMap())
      .filter((t) => isObjectType(t) && t.getInterfaces().some((i) => i.name === 'Node')).map((t) => t.name).sort();
    throw badInput(`id: expected a global ID of one of ${known.join(', ')}, received one of type ${JSON.stringify(id.typename)}`);
  }
  return id;
}
