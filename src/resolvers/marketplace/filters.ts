import type { ConnectionArgs } from '../pagination.ts';
import type { Query } from '../../loaders/waldur/memo.ts';
import { badInput } from '../../errors.ts';
import { parseUuid } from '../global-id.ts';
import { enumIn } from './enums.ts';

/**
 * GraphQL filter inputs → Waldur's real filter names (contract §5.1), with each filter's own multi-value encoding:
 * MultipleChoice filters (`state`, `type`, `offering_type` on orders) REPEAT the key; UUID-in filters
 * (`customer` on projects, `offering_uuid` on resources, `uuid_list` on offerings) and `o` are ONE key, CSV.
 * Every uuid is validated here, so a bad one is BAD_USER_INPUT before any upstream call.
 */
type Input = Record<string, unknown> | null | undefined;
type Rule =
  | ['text' | 'date', string]
  | ['bool', string]
  | ['flag', string]
  | ['uuid', string]
  | ['uuids-csv', string]
  | ['texts-csv', string]
  | ['int', string]
  | ['repeat', string]
  | ['enum-repeat', string];

function build(filter: Input, rules: Record<string, Rule>, argName: string): Array<[string, string]> {
  const query: Array<[string, string]> = [];
  for (const [name, [kind, param]] of Object.entries(rules)) {
    const value = filter?.[name];
    if (value === null || value === undefined) continue;
    const what = `${argName}.${name}`;
    switch (kind) {
      case 'text': case 'date': query.push([param, String(value)]); break;
      case 'bool': query.push([param, value ? 'true' : 'false']); break;
      case 'flag':
        // Waldur applies these when present, whatever the value (`?can_manage=false` narrows too): only `true` says that.
        if (value !== true) throw badInput(`${what}: expected true (Waldur can only narrow to these projects; omit the filter for all), received ${JSON.stringify(value)}`);
        query.push([param, 'true']);
        break;
      case 'uuid': query.push([param, parseUuid(String(value), what)]); break;
      case 'uuids-csv': if ((value as string[]).length) query.push([param, (value as string[]).map((v) => parseUuid(v, what)).join(',')]); break;
      case 'texts-csv': if ((value as string[]).length) query.push([param, (value as string[]).map((v) => csvItem(v, what)).join(',')]); break;
      case 'int': query.push([param, String(value)]); break;
      case 'repeat': for (const v of value as string[]) query.push([param, v]); break;
      case 'enum-repeat': for (const v of enumIn(value as string[], what)) query.push([param, v]); break;
    }
  }
  return query;
}

/** One item of a CSV filter: a comma inside it would split it upstream, so it is refused. */
function csvItem(value: string, what: string): string {
  if (value.includes(',') || !value.trim()) throw badInput(`${what}: expected non-empty values without commas (they are sent comma-separated), received ${JSON.stringify(value)}`);
  return value;
}

/** `orderBy: [NAME_ASC, CREATED_DESC]` → `o=name,-created` (one key, comma-separated). */
function ordering(orderBy: readonly string[] | null | undefined): Array<[string, string]> {
  return orderBy?.length ? [['o', orderBy.join(',')]] : [];
}

const CREATED_MODIFIED: Record<string, Rule> = { createdAfter: ['date', 'created'], modifiedAfter: ['date', 'modified'] };

const RULES = {
  customers: {
    query: ['text', 'query'], name: ['text', 'name'], nameExact: ['text', 'name_exact'], abbreviation: ['text', 'abbreviation'],
    nativeName: ['text', 'native_name'], registrationCode: ['text', 'registration_code'], backendId: ['text', 'backend_id'],
    archived: ['bool', 'archived'], isServiceProvider: ['bool', 'is_service_provider'],
    ownedByCurrentUser: ['bool', 'owned_by_current_user'], user: ['uuid', 'user_uuid'],
    organizationGroups: ['repeat', 'organization_group_uuid'],
  },
  projects: {
    query: ['text', 'query'], name: ['text', 'name'], nameExact: ['text', 'name_exact'], description: ['text', 'description'],
    backendId: ['text', 'backend_id'], customers: ['uuids-csv', 'customer'], customerName: ['text', 'customer_name'],
    customerAbbreviation: ['text', 'customer_abbreviation'], canManage: ['flag', 'can_manage'], canAdmin: ['flag', 'can_admin'],
    isRemoved: ['bool', 'is_removed'], includeTerminated: ['bool', 'include_terminated'], user: ['uuid', 'user_uuid'],
    ...CREATED_MODIFIED,
  },
  offerings: {
    uuids: ['uuids-csv', 'uuid_list'], customer: ['uuid', 'customer_uuid'], allowedCustomer: ['uuid', 'allowed_customer_uuid'],
    project: ['uuid', 'project_uuid'], category: ['uuid', 'category_uuid'], parent: ['uuid', 'parent_uuid'],
    resourceProject: ['uuid', 'resource_project_uuid'], state: ['enum-repeat', 'state'], type: ['repeat', 'type'],
    shared: ['bool', 'shared'], billable: ['bool', 'billable'], name: ['text', 'name'], nameExact: ['text', 'name_exact'],
    keyword: ['text', 'keyword'], query: ['text', 'query'], ...CREATED_MODIFIED,
  },
  orders: {
    project: ['uuid', 'project_uuid'], customer: ['uuid', 'customer_uuid'], offering: ['uuid', 'offering_uuid'],
    provider: ['uuid', 'provider_uuid'], category: ['uuid', 'category_uuid'], resource: ['uuid', 'resource_uuid'],
    resourceName: ['text', 'resource_name'], offeringType: ['repeat', 'offering_type'], state: ['enum-repeat', 'state'],
    type: ['enum-repeat', 'type'], canApproveAsConsumer: ['bool', 'can_approve_as_consumer'],
    canApproveAsProvider: ['bool', 'can_approve_as_provider'], query: ['text', 'query'], ...CREATED_MODIFIED,
  },
  resources: {
    project: ['uuid', 'project_uuid'], customer: ['uuid', 'customer_uuid'], offerings: ['uuids-csv', 'offering_uuid'],
    provider: ['uuid', 'provider_uuid'], category: ['uuid', 'category_uuid'], plan: ['uuid', 'plan_uuid'],
    offeringType: ['text', 'offering_type'], state: ['enum-repeat', 'state'], orderState: ['enum-repeat', 'order_state'],
    name: ['text', 'name'], nameExact: ['text', 'name_exact'], query: ['text', 'query'], backendId: ['text', 'backend_id'],
    projectName: ['text', 'project_name'], paused: ['bool', 'paused'], downscaled: ['bool', 'downscaled'],
    usageBased: ['bool', 'usage_based'], limitBased: ['bool', 'limit_based'], ...CREATED_MODIFIED,
    runtimeState: ['text', 'runtime_state'], restrictMemberAccess: ['bool', 'restrict_member_access'],
    visibleToProviders: ['bool', 'visible_to_providers'], visibleToUsername: ['text', 'visible_to_username'],
    serviceManager: ['uuid', 'service_manager_uuid'], parentOffering: ['uuid', 'parent_offering_uuid'],
    offeringSlugs: ['texts-csv', 'offering_slug'], offeringShared: ['bool', 'offering_shared'], offeringBillable: ['bool', 'offering_billable'],
    onlyUsageBased: ['bool', 'only_usage_based'], onlyLimitBased: ['bool', 'only_limit_based'],
    componentCount: ['int', 'component_count'], limitComponentCount: ['int', 'limit_component_count'],
    hasTerminateDate: ['bool', 'has_terminate_date'], isAttached: ['bool', 'is_attached'], lexisLinksSupported: ['bool', 'lexis_links_supported'],
  },
  backendResourceRequests: {
    offering: ['uuid', 'offering_uuid'], state: ['enum-repeat', 'state'], startedAfter: ['date', 'started'],
    finishedAfter: ['date', 'finished'], ...CREATED_MODIFIED,
  },
  members: {
    user: ['uuid', 'user'], role: ['text', 'role'], search: ['text', 'search_string'],
  },
} satisfies Record<string, Record<string, Rule>>;

export type FilterKind = keyof typeof RULES;

/** The Waldur query of a list: its filter, its `o`, and the parent's own filter, which takes precedence. */
export function listQuery(kind: FilterKind, args: { filter?: Input; orderBy?: readonly string[] | null }, parent: Query = []): Query {
  const overridden = new Set(parent.map(([key]) => key));
  return [
    ...build(args.filter, RULES[kind], 'filter').filter(([key]) => !overridden.has(key)),
    ...parent,
    ...ordering(args.orderBy),
  ];
}

/** The arguments of every filtered marketplace connection: Relay paging plus a typed filter and orderBy. */
export type Filtered = ConnectionArgs & { filter?: Record<string, unknown> | null; orderBy?: readonly string[] | null };
