import {
  GraphQLError, Kind, SchemaMetaFieldDef, TypeMetaFieldDef, getNamedType, getNullableType, getOperationAST, isListType, isObjectType, isInterfaceType, valueFromASTUntyped,
  type ExecutionArgs, type ExecutionResult, type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema, type GraphQLCompositeType,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { introspectionListSize, introspectionQuery } from './introspection-cost.ts';
import { PerOperation } from './per-operation.ts';

const DEFAULT_PAGE = 10;

/**
 * Rejects operations whose estimated cost exceeds `maxCost` before anything runs.
 * Each field costs 1; a list or connection multiplies the cost of its children by the page it asks for
 * (`first`/`last`, else 10), so `customers(first: 300) { projects(first: 300) { … } }` is priced as what it fetches.
 * graphql-armor's cost limit ignores page sizes, which is the one thing that makes a REST fan-out expensive.
 */
export function useCostLimit({ maxCost }: { maxCost: number }): Plugin {
  // An operation without variables costs the same every time: priced once per parsed document.
  const known = new PerOperation<number>();
  const costOf = (args: ExecutionArgs) => {
    if (getOperationAST(args.document, args.operationName)?.variableDefinitions?.length) return operationCost(args, introspectionScale(args.schema, maxCost));
    return known.get(args.document, args.operationName) ?? known.set(args.document, args.operationName, operationCost(args, introspectionScale(args.schema, maxCost)));
  };
  const check = (args: ExecutionArgs, reject: (result: ExecutionResult) => void) => {
    const cost = costOf(args);
    if (cost > maxCost) {
      const shown = Number.isFinite(cost) ? String(cost) : `over ${maxCost}`;
      reject({
        errors: [new GraphQLError(
          `Operation too expensive: estimated cost ${shown} exceeds the limit of ${maxCost}; ask for smaller pages (first/last) or fewer nested lists (and __schema at most once)`,
          { extensions: { code: 'BAD_USER_INPUT', cost: Number.isFinite(cost) ? cost : null, maxCost } },
        )],
      });
    }
  };
  return {
    onExecute: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
    // A subscription re-runs its selection for every event, so it is priced like a query.
    onSubscribe: ({ args, setResultAndStopExecution }) => check(args, setResultAndStopExecution),
  };
}

const fullIntrospection = new WeakMap<GraphQLSchema, number>();

/**
 * Introspection is priced by what it returns, scaled so that the whole standard introspection query (GraphiQL's)
 * costs half the budget: a client may introspect fully, but 30 aliased `__schema` walks cannot pass.
 */
function introspectionScale(schema: GraphQLSchema, maxCost: number): number {
  let full = fullIntrospection.get(schema);
  if (full === undefined) {
    full = operationCost({ schema, document: introspectionQuery() } as ExecutionArgs, 1);
    fullIntrospection.set(schema, full);
  }
  return maxCost / 2 / full;
}

function operationCost(args: ExecutionArgs, introspectionScale: number): number {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of args.document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  const operation = getOperationAST(args.document, args.operationName);
  const root = operation && args.schema.getRootType(operation.operation);
  if (!operation || !root) return 0;
  const walk: Walk = { schema: args.schema, fragments, variables: (args.variableValues ?? {}) as Record<string, unknown>, memo: new Map(), introspectionScale, schemaWalks: 0 };
  return costOf(walk, root, operation.selectionSet, 0);
}

/** Fragment costs are memoised per type: without it, nested spreads make the walk exponential (a DoS of its own). */
interface Walk {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  memo: Map<string, number>;
  introspectionScale: number;
  schemaWalks: number;
}

function costOf(walk: Walk, type: GraphQLCompositeType, selectionSet: SelectionSetNode, depth: number): number {
  if (depth > 50) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = walk.fragments[selection.name.value];
      const target = fragment && walk.schema.getType(fragment.typeCondition.name.value);
      if (!fragment || !target) continue;
      const key = `${fragment.name.value}@${target.name}`;
      let cost = walk.memo.get(key);
      if (cost === undefined) {
        walk.memo.set(key, Number.POSITIVE_INFINITY); // a fragment that spreads itself is invalid anyway
        cost = costOf(walk, target as GraphQLCompositeType, fragment.selectionSet, depth + 1);
        walk.memo.set(key, cost);
      }
      total += cost;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const target = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : type;
      if (target) total += costOf(walk, target as GraphQLCompositeType, selection.selectionSet, depth + 1);
    } else if (type === walk.schema.getQueryType() && (selection.name.value === '__schema' || selection.name.value === '__type')) {
      total += introspectionCost(walk, type, selection, depth);
    } else {
      total += fieldCost(walk, type, selection, depth);
    }
  }
  return total;
}

function fieldCost(walk: Walk, parent: GraphQLCompositeType, node: FieldNode, depth: number): number {
  const field = fieldOf(walk.schema, parent, node.name.value);
  if (!field || !node.selectionSet) return 1;
  const named = getNamedType(field.type) as GraphQLCompositeType;
  const children = costOf(walk, named, node.selectionSet, depth + 1);
  const isConnection = named.name.endsWith('Connection');
  // A connection's page was already priced on the connection field; its edges/nodes lists are that same page.
  const isPageOfParent = parent.name.endsWith('Connection') && (node.name.value === 'edges' || node.name.value === 'nodes');
  const isList = isListType(getNullableType(field.type)) && !isPageOfParent;
  if (!isConnection && !isList) return 1 + children;
  const size = parent.name.startsWith('__') ? introspectionListSize(walk.schema, parent.name, field.name) : pageSize(node, walk.variables, field);
  return 1 + size * children;
}

/** One `__schema` per operation: aliased walks are what made 30 copies of the schema (6.9 MB) one cheap request. */
function introspectionCost(walk: Walk, parent: GraphQLCompositeType, node: FieldNode, depth: number): number {
  if (node.name.value === '__schema' && ++walk.schemaWalks > 1) return Number.POSITIVE_INFINITY;
  return Math.ceil(fieldCost(walk, parent, node, depth) * walk.introspectionScale);
}

/** The field a selection names; `__schema` and `__type` are not in the root type's field map but cost like any other. */
function fieldOf(schema: GraphQLSchema, parent: GraphQLCompositeType, name: string): GraphQLField<unknown, unknown> | undefined {
  if (parent === schema.getQueryType() && name === '__schema') return SchemaMetaFieldDef;
  if (parent === schema.getQueryType() && name === '__type') return TypeMetaFieldDef;
  return (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined : undefined;
}


/** The page asked for; else the length of a list argument; else the size a list field declares (`extensions: { listSize }`); else 10. */
function pageSize(node: FieldNode, variables: Record<string, unknown>, field: GraphQLField<unknown, unknown>): number {
  for (const name of ['first', 'last']) {
    const argument = node.arguments?.find((a) => a.name.value === name);
    if (argument) {
      const value = valueFromASTUntyped(argument.value, variables);
      if (typeof value === 'number' && value >= 0) return Math.max(1, value);
    }
  }
  // A list argument (`nodes(ids:)`) asks for one item per entry.
  for (const argument of node.arguments ?? []) {
    const value = valueFromASTUntyped(argument.value, variables);
    if (Array.isArray(value)) return Math.max(1, value.length);
  }
  const declared = field.extensions?.listSize;
  return typeof declared === 'number' ? declared : DEFAULT_PAGE;
}
