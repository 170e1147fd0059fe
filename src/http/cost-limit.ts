import {
  GraphQLError, Kind, getNamedType, getNullableType, isListType, isObjectType, isInterfaceType, valueFromASTUntyped,
  type FieldNode, type FragmentDefinitionNode, type GraphQLField, type GraphQLSchema, type GraphQLCompositeType,
  type SelectionSetNode,
} from 'graphql';
import type { Plugin } from 'graphql-yoga';

const DEFAULT_PAGE = 10;

/**
 * Rejects operations whose estimated cost exceeds `maxCost` before anything runs.
 * Each field costs 1; a list or connection multiplies the cost of its children by the page it asks for
 * (`first`/`last`, else 10), so `customers(first: 300) { projects(first: 300) { … } }` is priced as what it fetches.
 * graphql-armor's cost limit ignores page sizes, which is the one thing that makes a REST fan-out expensive.
 */
export function useCostLimit({ maxCost }: { maxCost: number }): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const definition of args.document.definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
      }
      const operation = args.document.definitions.find((d: { kind: string; name?: { value: string } }) => d.kind === Kind.OPERATION_DEFINITION
        && (!args.operationName || d.name?.value === args.operationName));
      if (!operation || operation.kind !== Kind.OPERATION_DEFINITION) return;
      const root = args.schema.getRootType(operation.operation);
      if (!root) return;
      const variables = (args.variableValues ?? {}) as Record<string, unknown>;
      const cost = costOf(args.schema, root, operation.selectionSet, fragments, variables, 0);
      if (cost > maxCost) {
        setResultAndStopExecution({
          errors: [new GraphQLError(
            `Operation too expensive: estimated cost ${cost} exceeds the limit of ${maxCost}; ask for smaller pages (first/last) or fewer nested lists`,
            { extensions: { code: 'BAD_USER_INPUT', cost, maxCost } },
          )],
        });
      }
    },
  };
}

function costOf(
  schema: GraphQLSchema, type: GraphQLCompositeType, selectionSet: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>, depth: number,
): number {
  if (depth > 50) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      const fragment = fragments[selection.name.value];
      const target = fragment && schema.getType(fragment.typeCondition.name.value);
      if (fragment && target) total += costOf(schema, target as GraphQLCompositeType, fragment.selectionSet, fragments, variables, depth + 1);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const target = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type;
      if (target) total += costOf(schema, target as GraphQLCompositeType, selection.selectionSet, fragments, variables, depth + 1);
    } else {
      total += fieldCost(schema, type, selection, fragments, variables, depth);
    }
  }
  return total;
}

function fieldCost(
  schema: GraphQLSchema, parent: GraphQLCompositeType, node: FieldNode,
  fragments: Record<string, FragmentDefinitionNode>, variables: Record<string, unknown>, depth: number,
): number {
  const field = (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] as GraphQLField<unknown, unknown> | undefined : undefined;
  if (!field || !node.selectionSet) return 1;
  const named = getNamedType(field.type) as GraphQLCompositeType;
  const children = costOf(schema, named, node.selectionSet, fragments, variables, depth + 1);
  const isConnection = named.name.endsWith('Connection');
  // A connection's page was already priced on the connection field; its edges/nodes lists are that same page.
  const isPageOfParent = parent.name.endsWith('Connection') && (node.name.value === 'edges' || node.name.value === 'nodes');
  const isList = isListType(getNullableType(field.type)) && !isPageOfParent;
  if (!isConnection && !isList) return 1 + children;
  return 1 + pageSize(node, variables) * children;
}

function pageSize(node: FieldNode, variables: Record<string, unknown>): number {
  for (const name of ['first', 'last']) {
    const argument = node.arguments?.find((a) => a.name.value === name);
    if (argument) {
      const value = valueFromASTUntyped(argument.value, variables);
      if (typeof value === 'number' && value >= 0) return Math.max(1, value);
    }
  }
  return DEFAULT_PAGE;
}
