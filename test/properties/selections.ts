import { readFileSync } from 'node:fs';
import {
  buildSchema, getNamedType, isLeafType, isNonNullType, isObjectType, type GraphQLField, type GraphQLObjectType,
} from 'graphql';

/**
 * Wide queries built from the committed schema: every leaf of a type and its object fields down to a depth, so a
 * property test reads every field whose Waldur source the generated upstream may shape (no hand-picked subset).
 */
const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

/** Fields that need arguments we supply (everything else with a required argument is left out). */
const KNOWN_ARGS: Record<string, string> = {
  renewalEstimate: '(extensionMonths: 12)',
};

function argsOf(field: GraphQLField<unknown, unknown>): string | undefined {
  if (KNOWN_ARGS[field.name]) return KNOWN_ARGS[field.name];
  if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) return undefined;
  return field.args.some((a) => a.name === 'first') ? '(first: 2)' : '';
}

function selection(type: GraphQLObjectType, depth: number): string {
  const parts: string[] = [];
  for (const field of Object.values(type.getFields())) {
    const args = argsOf(field);
    if (args === undefined) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) parts.push(`${field.name}${args}`);
    else if (isObjectType(named) && depth > 0) {
      const inner = named.name.endsWith('Connection') ? connection(named, depth) : selection(named, depth - 1);
      if (inner) parts.push(`${field.name}${args} { ${inner} }`);
    }
  }
  return parts.join(' ');
}

function connection(type: GraphQLObjectType, depth: number): string {
  const node = getNamedType(type.getFields().nodes.type) as GraphQLObjectType;
  return `totalCount pageInfo { hasNextPage hasPreviousPage endCursor } nodes { ${selection(node, depth - 1)} }`;
}

/** `{ <root>(first: 2) { … } }` for a root connection field, `depth` object levels below its nodes. */
export function wideListQuery(root: string, depth: number): string {
  const field = schema.getQueryType()!.getFields()[root];
  return `{ ${root}(first: 2) { ${connection(getNamedType(field.type) as GraphQLObjectType, depth + 1)} } }`;
}

/** `{ <root>(uuid: "…") { … } }` for a single lookup by uuid. */
export function wideLookupQuery(root: string, uuid: string, depth: number): string {
  const field = schema.getQueryType()!.getFields()[root];
  return `{ ${root}(uuid: "${uuid}") { ${selection(getNamedType(field.type) as GraphQLObjectType, depth)} } }`;
}
