import {
  GraphQLIncludeDirective, GraphQLSkipDirective, Kind, getDirectiveValues, getNamedType, isAbstractType, isObjectType,
  type FieldNode, type GraphQLField, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * Field pushdown planning. Each GraphQL field declares the Waldur fields it reads in its extensions:
 *   `extensions: { waldur: ['customer_uuid', 'customer_name'] }`
 * and a field that links to another Waldur object declares what the parent already carries of it:
 *   `extensions: { waldur: ['project_uuid', 'project_name'], waldurLink: { carry: { uuid: 'project_uuid', name: 'project_name' } } }`
 * The plan walks the whole operation once (fragments, inline fragments, aliases, @skip/@include, nested connections)
 * and gives, per GraphQL type, the union of Waldur fields the operation needs wherever that type is fetched. Every
 * Waldur call for a type then sends that one field set, so DataLoader batches of a type stay consistent and an
 * object fetched once serves every place the operation selects it.
 */
export interface WaldurLink {
  /** target Waldur field → parent Waldur field holding the same value (`uuid` is required). */
  carry: Record<string, string>;
  /**
   * The parent always links to an object (never null): then a selection of plain fields the parent carries does
   * not need the uuid either (`resource { project { name } }` sends `project_name` only).
   */
  always?: boolean;
  /** When the target is fetched through another type (a plan through its offering's `plans`), located by `by` on the parent. */
  via?: { type: string; fields: string[]; by: string };
}

type Plan = Map<string, Set<string>>;
const plans = new WeakMap<object, Map<unknown, Plan>>();

/** The Waldur fields (sorted, with `uuid`) the operation of `info` needs for GraphQL type `typeName`. */
export function waldurFieldsFor(info: GraphQLResolveInfo, typeName: string): readonly string[] {
  return perField(info, `fields:${typeName}`, () => [...new Set(['uuid', ...(planOf(info).get(typeName) ?? [])])].sort());
}

/**
 * The same for list pages, whose rows are matched to nothing by uuid: `uuid` only when the operation reads it
 * (a selected uuid or id, a link or child list that needs it, or a field that declares nothing it reads).
 */
export function waldurListFieldsFor(info: GraphQLResolveInfo, typeName: string): readonly string[] {
  return perField(info, `list:${typeName}`, () => {
    const fields = [...(planOf(info).get(typeName) ?? [])].sort();
    // `uuid` first when it is there, as everywhere else.
    return fields.includes('uuid') ? ['uuid', ...fields.filter((f) => f !== 'uuid')] : fields.length ? fields : ['uuid'];
  });
}

/** Whether this link field's selection is answered by what the parent carries, so no fetch is needed. */
export function answeredByParent(info: GraphQLResolveInfo): boolean {
  return perField(info, `${info.parentType.name}.answered`, () => {
    const link = linkOf(info.parentType.getFields()[info.fieldName]);
    if (!link) return false;
    const walker = new Walker(info);
    const targets = possibleTypes(info.schema, getNamedType(info.returnType));
    return info.fieldNodes.every((node) => !node.selectionSet || walker.covered(link, targets, node.selectionSet));
  });
}

const perFieldMemo = new WeakMap<object, WeakMap<object, Map<string, unknown>>>();

/**
 * Answers that depend only on the operation, its variables and the field's nodes are computed once, not once per
 * row: graphql-js hands every item of a list the same `fieldNodes` array, so 300 orders walk their selection once.
 */
function perField<T>(info: GraphQLResolveInfo, key: string, compute: () => T): T {
  let byNodes = perFieldMemo.get(scopeOf(info));
  if (!byNodes) perFieldMemo.set(scopeOf(info), (byNodes = new WeakMap()));
  let answers = byNodes.get(info.fieldNodes);
  if (!answers) byNodes.set(info.fieldNodes, (answers = new Map()));
  if (!answers.has(key)) answers.set(key, compute());
  return answers.get(key) as T;
}

/** The link declared on the field being resolved (throws if the schema forgot to declare one). */
export function linkFor(info: GraphQLResolveInfo): WaldurLink {
  const link = linkOf(info.parentType.getFields()[info.fieldName]);
  if (!link) throw new Error(`${info.parentType.name}.${info.fieldName} declares no extensions.waldurLink`);
  return link;
}

/**
 * The field nodes selected directly under this field on `type` (through fragments that apply), grouped by response
 * key the way graphql-js groups them, e.g. the `resources` of `project(uuid:) { resources { … } }`.
 */
export function childFieldNodes(info: GraphQLResolveInfo, type: GraphQLObjectType): Map<string, FieldNode[]> {
  const groups = new Map<string, FieldNode[]>();
  const walker = new Walker(info);
  for (const node of info.fieldNodes) {
    if (!node.selectionSet) continue;
    walker.each([type], node.selectionSet, (_type, child) => {
      const key = child.alias?.value ?? child.name.value;
      (groups.get(key) ?? groups.set(key, []).get(key)!).push(child);
    });
  }
  return groups;
}

/** The response keys selected directly under this field (through fragments), e.g. to see if `edges`/`nodes` are asked. */
export function selectedFieldNames(info: GraphQLResolveInfo): ReadonlySet<string> {
  return perField(info, `${info.parentType.name}.names`, () => {
    const names = new Set<string>();
    const walker = new Walker(info);
    for (const node of info.fieldNodes) if (node.selectionSet) walker.names(node.selectionSet, names);
    return names;
  });
}

/**
 * What the answers above depend on besides the field nodes: the operation, and its variables when it declares any
 * (@skip/@include may read them). An operation without variables plans once for every request that sends it, as
 * Yoga's parse cache hands each the same document.
 */
function scopeOf(info: GraphQLResolveInfo): object {
  return info.operation.variableDefinitions?.length ? info.variableValues : info.operation;
}

function planOf(info: GraphQLResolveInfo): Plan {
  let byOperation = plans.get(scopeOf(info));
  if (!byOperation) plans.set(scopeOf(info), (byOperation = new Map()));
  let plan = byOperation.get(info.operation);
  if (!plan) {
    plan = new Map();
    const root = info.schema.getRootType(info.operation.operation);
    if (root) new Walker(info).walk([root], info.operation.selectionSet, plan, true);
    byOperation.set(info.operation, plan);
  }
  return plan;
}

function linkOf(field: GraphQLField<unknown, unknown> | undefined): WaldurLink | undefined {
  return field?.extensions?.waldurLink as WaldurLink | undefined;
}

/** `extensions.waldurAlso`: Waldur fields of OTHER types the field reads, e.g. the project link a resource's allocation needs. */
function alsoOf(field: GraphQLField<unknown, unknown>): Record<string, readonly string[]> {
  return (field.extensions?.waldurAlso as Record<string, readonly string[]> | undefined) ?? {};
}

function waldurOf(field: GraphQLField<unknown, unknown>): readonly string[] {
  return (field.extensions?.waldur as string[] | undefined) ?? [];
}

function possibleTypes(schema: GraphQLSchema, type: ReturnType<typeof getNamedType>): readonly GraphQLObjectType[] {
  if (isObjectType(type)) return [type];
  if (isAbstractType(type)) return schema.getPossibleTypes(type);
  return [];
}

class Walker {
  constructor(private readonly info: Pick<GraphQLResolveInfo, 'schema' | 'fragments' | 'variableValues'>) {}

  /** Calls `visit` for every field node selected on each candidate type, following fragments that apply. */
  each(types: readonly GraphQLObjectType[], set: SelectionSetNode, visit: (type: GraphQLObjectType, node: FieldNode) => void): void {
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) {
        for (const type of types) visit(type, selection);
        continue;
      }
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.info.fragments[selection.name.value] : selection;
      if (!fragment) continue;
      const condition = fragment.typeCondition && this.info.schema.getType(fragment.typeCondition.name.value);
      const narrowed = condition ? types.filter((t) => possibleTypes(this.info.schema, condition).includes(t)) : types;
      if (narrowed.length) this.each(narrowed, fragment.selectionSet, visit);
    }
  }

  private included(node: { directives?: readonly unknown[] } & Parameters<typeof getDirectiveValues>[1]): boolean {
    if (!node.directives?.length) return true;
    const skip = getDirectiveValues(GraphQLSkipDirective, node, this.info.variableValues);
    const include = getDirectiveValues(GraphQLIncludeDirective, node, this.info.variableValues);
    return skip?.if !== true && include?.if !== false;
  }

  walk(types: readonly GraphQLObjectType[], set: SelectionSetNode, plan: Plan, addDirect: boolean): void {
    this.each(types, set, (type, node) => {
      const field = type.getFields()[node.name.value];
      if (!field) return;
      if (addDirect) {
        const needs = this.needsOnParent(field, node);
        // A field that declares nothing may still read the row (its uuid for a sub-resource call): keep the uuid.
        add(plan, type.name, needs.length ? needs : ['uuid']);
      }
      for (const [other, fields] of Object.entries(alsoOf(field))) add(plan, other, fields);
      if (!node.selectionSet) return;
      const targets = possibleTypes(this.info.schema, getNamedType(field.type));
      const link = linkOf(field);
      const covered = link ? this.covered(link, targets, node.selectionSet) : false;
      if (link && !covered && link.via) add(plan, link.via.type, link.via.fields);
      // Answered from the parent: the target's own fields cost nothing, but links below it may still fetch.
      this.walk(targets, node.selectionSet, plan, !covered);
    });
  }

  /** The Waldur fields of the parent one selected field reads; a link reads what it carries, or only the uuid. */
  needsOnParent(field: GraphQLField<unknown, unknown>, node: FieldNode): string[] {
    const link = linkOf(field);
    if (!link || !node.selectionSet) return [...waldurOf(field)];
    const targets = possibleTypes(this.info.schema, getNamedType(field.type));
    const direct = new Set<string>();
    this.direct(targets, node.selectionSet, direct);
    if (!link.always || !this.plainLeaves(targets, node.selectionSet)) direct.add('uuid');
    if ([...direct].every((name) => name in link.carry)) return [...direct].map((name) => link.carry[name]);
    return link.via ? [link.carry.uuid, link.via.by] : [link.carry.uuid];
  }

  /** Whether every selected field is a leaf that declares the Waldur fields it reads (or `__typename`). */
  plainLeaves(types: readonly GraphQLObjectType[], set: SelectionSetNode): boolean {
    let plain = true;
    this.each(types, set, (type, node) => {
      const field = type.getFields()[node.name.value];
      if (field && (node.selectionSet || !waldurOf(field).length)) plain = false;
    });
    return plain;
  }

  covered(link: WaldurLink, targets: readonly GraphQLObjectType[], set: SelectionSetNode): boolean {
    const direct = new Set<string>();
    this.direct(targets, set, direct);
    return [...direct].every((name) => name in link.carry);
  }

  direct(types: readonly GraphQLObjectType[], set: SelectionSetNode, into: Set<string>): void {
    this.each(types, set, (type, node) => {
      const field = type.getFields()[node.name.value];
      if (field) for (const name of this.needsOnParent(field, node)) into.add(name);
    });
  }

  names(set: SelectionSetNode, into: Set<string>): void {
    for (const selection of set.selections) {
      if (!this.included(selection)) continue;
      if (selection.kind === Kind.FIELD) into.add(selection.name.value);
      else {
        const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? this.info.fragments[selection.name.value] : selection;
        if (fragment) this.names(fragment.selectionSet, into);
      }
    }
  }
}

function add(plan: Plan, type: string, fields: readonly string[]): void {
  if (!fields.length) return;
  let set = plan.get(type);
  if (!set) plan.set(type, (set = new Set()));
  for (const field of fields) set.add(field);
}
