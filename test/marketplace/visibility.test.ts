import { describe, expect, it } from 'vitest';
import { startStack, type PrincipalName } from '../helpers/stack.ts';
import { fieldsOf, traced } from './calls.ts';

const OVERVIEW = `{
  viewer { username isStaff }
  customers(first: 10, orderBy: [NAME_ASC]) { totalCount nodes { name projects(first: 5, orderBy: [NAME_ASC]) { totalCount nodes { name } } } }
  projects { totalCount }
  resources { totalCount }
  orders { totalCount }
}`;

describe('what each caller sees', () => {
  it('should show each principal only what Waldur shows its own credentials', async () => {
    await using stack = await startStack();
    const expected: Record<PrincipalName, { customers: string[]; projects: number; resources: number }> = {
      staff: { customers: ['Arcade Cloud', 'Aurora Labs', 'Borealis Labs', 'Cascade Labs', 'Dynamo Labs', 'Stellar Compute'], projects: 12, resources: 120 },
      owner: { customers: ['Aurora Labs'], projects: 3, resources: 30 },
      manager: { customers: ['Borealis Labs'], projects: 1, resources: 10 },
      member: { customers: ['Aurora Labs'], projects: 1, resources: 10 },
      nobody: { customers: [], projects: 0, resources: 0 },
      // A service provider's owner sees its own organizations, not its consumers' projects or resources.
      provider: { customers: ['Arcade Cloud', 'Stellar Compute'], projects: 0, resources: 0 },
    };
    for (const [who, want] of Object.entries(expected) as Array<[PrincipalName, typeof expected.staff]>) {
      const { result, calls } = await traced(stack, OVERVIEW, undefined, who);
      expect(result.errors).toBeUndefined();
      expect(result.data.viewer).toEqual({ username: expect.stringContaining('.'), isStaff: who === 'staff' });
      expect(result.data.customers.nodes.map((c: any) => c.name)).toEqual(want.customers);
      expect(result.data.projects.totalCount).toBe(want.projects);
      expect(result.data.resources.totalCount).toBe(want.resources);
      const nested = result.data.customers.nodes.reduce((n: number, c: any) => n + c.projects.totalCount, 0);
      expect(nested).toBe(want.projects);
      for (const call of calls) expect(call.headers.authorization).toBe(`Token ${stack.principal(who).waldurToken}`);
    }
  });

  it('should give null, not an error, for an object outside the caller\'s scope', async () => {
    await using stack = await startStack();
    const { data } = await stack.query(`{ projects(first: 12, orderBy: [NAME_ASC]) { nodes { uuid name } } }`);
    const mine = (await stack.query(`{ projects { nodes { uuid } } }`, undefined, 'member')).data.projects.nodes.map((p: any) => p.uuid);
    const other = data.projects.nodes.find((p: any) => !mine.includes(p.uuid));
    const { result, calls } = await traced(stack, `query($a: String!, $b: String!) { mine: project(uuid: $a) { name } other: project(uuid: $b) { name } }`, { a: mine[0], b: other.uuid }, 'member');
    expect(result.errors).toBeUndefined();
    expect(result.data.mine.name).toBe(data.projects.nodes.find((p: any) => p.uuid === mine[0]).name);
    expect(result.data.other).toBeNull();
    expect(calls.map((c) => c.status).sort()).toEqual([200, 404]);
  });

  it('should turn an upstream failure into a partial result with a coded error on the failed field', async () => {
    await using stack = await startStack();
    await stack.resetLogs();
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/marketplace-orders/$', status: 503, body: '<html>Service Unavailable</html>' });
    const result = await stack.query(`{ projects(first: 2) { totalCount } orders(first: 2) { nodes { uuid } } }`);
    expect(result.data.projects.totalCount).toBe(12);
    expect(result.data.orders).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors![0]).toMatchObject({
      path: ['orders'],
      extensions: { code: 'UPSTREAM_UNAVAILABLE', service: 'waldur', retryable: true },
    });
  });

  it('should list a project\'s members from list_users with only the selected fields, and count them with a one-row GET (list_users documents no HEAD)', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{ projects(first: 1, filter: { nameExact: "Genome assembly 1.2" }) { nodes { uuid
      members(first: 10) { totalCount nodes { username role } } all: members { totalCount } } } }`, undefined, 'owner');
    expect(result.errors).toBeUndefined();
    const [project] = result.data.projects.nodes;
    expect(project.members.nodes).toContainEqual({ username: 'mia.member', role: 'PROJECT.MEMBER' });
    expect(project.all.totalCount).toBe(project.members.totalCount);
    const memberCalls = calls.filter((c) => c.path === `/api/projects/${project.uuid}/list_users/`);
    expect(memberCalls.map((c) => [c.method, fieldsOf(c), new URLSearchParams(c.query).get('page_size')])
      .sort((a, b) => String(b[2]).localeCompare(String(a[2])))).toEqual([['GET', ['role_name', 'user_username'], '10'], ['GET', ['uuid'], '1']]);
  });
});
