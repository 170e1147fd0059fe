import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { fieldsOf, traced } from './calls.ts';

const IDS = `{
  customers(first: 1, orderBy: [NAME_DESC]) { nodes { id uuid } }
  projects(first: 1) { nodes { id uuid } }
  offerings(first: 1, orderBy: [NAME_ASC]) { nodes { id uuid plans { id uuid } } }
  orders(first: 1) { nodes { id uuid } }
  resources(first: 1) { nodes { id uuid } }
  backendResourceRequests(first: 1) { nodes { id uuid } }
}`;

const NODE = `query($id: ID!) {
  node(id: $id) {
    __typename id
    ... on Customer { uuid name }
    ... on Project { uuid name }
    ... on Offering { uuid name }
    ... on Plan { uuid name unitPrice }
    ... on Order { uuid state }
    ... on Resource { uuid name }
    ... on BackendResourceRequest { uuid requestState: state }
  }
}`;

async function idsOf(stack: Awaited<ReturnType<typeof startStack>>) {
  const { data } = await stack.query(IDS);
  const pick = (list: any) => list.nodes[0];
  return {
    Customer: pick(data.customers), Project: pick(data.projects), Offering: pick(data.offerings), Plan: pick(data.offerings).plans[0],
    Order: pick(data.orders), Resource: pick(data.resources), BackendResourceRequest: pick(data.backendResourceRequests),
  } as Record<string, { id: string; uuid: string }>;
}

describe('Relay global ids', () => {
  it('should fetch every type by node(id:) with one call of that type carrying only the selected fields', async () => {
    await using stack = await startStack();
    const ids = await idsOf(stack);
    const expectedCall: Record<string, [string, string[] | null]> = {
      Customer: ['/api/customers/', ['uuid', 'name']],
      Project: ['/api/projects/', ['uuid', 'name']],
      Offering: ['/api/marketplace-public-offerings/', ['uuid', 'name']],
      // A plan is read through its offering: the offering field set of this operation (`name`, from the Offering fragment) plus `plans`.
      Plan: ['/api/marketplace-public-offerings/', ['uuid', 'name', 'plans']],
      Order: ['/api/marketplace-orders/', ['uuid', 'state']],
      Resource: ['/api/marketplace-resources/', ['uuid', 'name']],
      BackendResourceRequest: ['/api/backend-resource-requests/', []],
    };
    for (const [type, { id, uuid }] of Object.entries(ids)) {
      const { result, calls } = await traced(stack, NODE, { id });
      expect(result.errors).toBeUndefined();
      expect(result.data.node).toMatchObject({ __typename: type, id, uuid });
      expect(calls).toHaveLength(1);
      expect(calls[0].path.startsWith(expectedCall[type][0])).toBe(true);
      expect(fieldsOf(calls[0])).toEqual(expectedCall[type][1]);
    }
  });

  it('should resolve nodes(ids:) of mixed types, batching offerings and plans into one uuid_list call', async () => {
    await using stack = await startStack();
    const ids = await idsOf(stack);
    const list = Object.values(ids).map((x) => x.id);
    const { result, calls } = await traced(stack, `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Offering { name plans { name } } ... on Plan { name } } }`, { ids: list });
    expect(result.errors).toBeUndefined();
    expect(result.data.nodes.map((n: any) => n.id)).toEqual(list);
    expect(result.data.nodes.map((n: any) => n.__typename)).toEqual(Object.keys(ids));
    const offeringCalls = calls.filter((c) => c.path === '/api/marketplace-public-offerings/');
    expect(offeringCalls).toHaveLength(1);
    expect(calls).toHaveLength(6);
  });

  it('should give null for an object the caller cannot see, through the caller\'s own credentials', async () => {
    await using stack = await startStack();
    const ids = await idsOf(stack);
    const { result, calls } = await traced(stack, NODE, { id: ids.Project.id }, 'nobody');
    expect(result).toEqual({ data: { node: null } });
    expect(calls[0].headers.authorization).toBe(`Token ${stack.principal('nobody').waldurToken}`);
  });

  it('should reject malformed ids, unknown types and bad keys before calling Waldur', async () => {
    await using stack = await startStack();
    const b64 = (s: string) => Buffer.from(s).toString('base64');
    const cases: Array<[string, string]> = [
      ['%%%', 'id: expected a global ID as returned by an `id` field (base64 of "Type:key"), received "%%%"'],
      [b64('Spaceship:0123456789abcdef0123456789abcdef'), 'id: expected a global ID of one of '],
      [b64('Project:not-a-uuid'), 'id (Project uuid): expected a Waldur UUID (32 hex digits, dashes optional), received "not-a-uuid"'],
      [b64('Plan:0123456789abcdef0123456789abcdef'), 'id (Plan: plan uuid): expected a Waldur UUID'],
    ];
    for (const [id, message] of cases) {
      const { result, calls } = await traced(stack, NODE, { id });
      expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0].message).toContain(message);
      expect(calls).toEqual([]);
    }
  });
});
