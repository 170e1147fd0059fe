import { getIntrospectionQuery, isInterfaceType, isObjectType, parse, type DocumentNode, type GraphQLSchema } from 'graphql';

const DEFAULT_SIZE = 10;
const introspectionSizes = new WeakMap<GraphQLSchema, Record<string, number>>();

/** The introspection query GraphiQL and code generators send, with every option on (the largest standard one). */
export function introspectionQuery(): DocumentNode {
  return parse(getIntrospectionQuery({
    descriptions: true, specifiedByUrl: true, directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true,
  }));
}

/**
 * What an introspection list really holds in this schema (`__Schema.types` is every type; `__Type.fields` the
 * average over all types), so a walk of `__schema` is priced by what it returns: 30 aliased walks
 * cost 30 times one, instead of escaping the limit.
 */
export function introspectionListSize(schema: GraphQLSchema, parent: string, field: string): number {
  let sizes = introspectionSizes.get(schema);
  if (!sizes) {
    const types = Object.values(schema.getTypeMap());
    const average = (counts: number[]) => Math.max(1, Math.ceil(counts.reduce((a, b) => a + b, 0) / Math.max(1, counts.length)));
    const fieldsOf = types.flatMap((t) => ('getFields' in t ? [Object.values(t.getFields())] : []));
    sizes = {
      '__Schema.types': types.length,
      '__Schema.directives': schema.getDirectives().length,
      '__Type.fields': average(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? Object.keys(t.getFields()).length : 0))),
      '__Type.inputFields': average(types.map((t) => ('getFields' in t && !isObjectType(t) && !isInterfaceType(t) ? Object.keys(t.getFields()).length : 0))),
      '__Type.enumValues': average(types.map((t) => ('getValues' in t ? t.getValues().length : 0))),
      '__Type.interfaces': average(types.map((t) => (isObjectType(t) || isInterfaceType(t) ? t.getInterfaces().length : 0))),
      '__Type.possibleTypes': average(types.map((t) => (isInterfaceType(t) || 'getTypes' in t ? schema.getPossibleTypes(t as never).length : 0))),
      '__Field.args': average(fieldsOf.flat().map((f) => ('args' in f ? f.args.length : 0))),
      '__Directive.args': average(schema.getDirectives().map((d) => d.args.length)),
    };
    introspectionSizes.set(schema, sizes);
  }
  return Math.max(1, sizes[`${parent}.${field}`] ?? DEFAULT_SIZE);
}

