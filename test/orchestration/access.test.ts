import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/resolvers/global-id.ts';
import { startStack, type GraphQLResponse } from '../helpers/stack.ts';
import { allocationGid, payloadGid, PRINCIPALS, seededTargets, visibleOrchestrationProjects } from './helpers.ts';

/** Every way into an orchestration project, by root field, by global id, and by link from the marketplace. */
const PATHS = {
  allocations: `query ($p: String!) { allocations(projectId: $p) { allocationId } }`,
  allocation: `query ($p: String!, $a: String!) { allocation(projectId: $p, id: $a) { allocationId payloads { payloadId } } }`,
  payload: `query ($p: String!, $a: String!, $x: String!) { payload(projectId: $p, allocationId: $a, id: $x) { payloadId state } }`,
  allocationNode: `query ($id: ID!) { node(id: $id) { id ... on Allocation { allocationId } } }`,
  payloadNode: `query ($id: ID!) { node(id: $id) { id ... on Payload { payloadId } } }`,
  nodes: `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
  projectLink: `query ($w: String!) { project(uuid: $w) { allocations { allocationId } orchestrationProjectId } }`,
  projectNodeLink: `query ($wid: ID!) { node(id: $wid) { ... on Project { allocations { allocationId } } } }`,
  resourceLink: `query ($r: String!) { resource(uuid: $r) { allocation { allocationId payloads { payloadId } } } }`,
} as const;

const codes = (answer: GraphQLResponse) => (answer.errors ?? []).map((e) => e.extensions?.code);

describe('access to orchestration projects in service-account mode', () => {
  it('should let each demo principal reach exactly the orchestration projects its Waldur projects link to, by every path', async () => {
    await using stack = await startStack();
    const targets = await seededTargets(stack);
    expect(targets.length).toBeGreaterThan(3);

    for (const name of PRINCIPALS) {
      const visible = await visibleOrchestrationProjects(stack, name);
      if (name === 'nobody') expect(visible.size).toBe(0);
      if (name === 'staff') expect(visible.size).toBe(targets.length);
      for (const t of targets) {
        const allowed = visible.has(t.projectId);
        const run = (query: string, vars: Record<string, unknown>) => stack.query(query, vars, name);
        const where = `${name} → ${t.projectId} (${allowed ? 'allowed' : 'denied'})`;
        const vars = { p: t.projectId, a: t.allocationId, x: t.payloadId ?? 'none0-none0' };

        const root = await Promise.all([
          run(PATHS.allocations, vars), run(PATHS.allocation, vars), run(PATHS.payload, vars),
          run(PATHS.allocationNode, { id: allocationGid(t.projectId, t.allocationId) }),
          run(PATHS.payloadNode, { id: payloadGid(t.projectId, t.allocationId, vars.x) }),
        ]);
        const [list, one, payload, aNode, pNode] = root;
        if (allowed) {
          for (const answer of root) expect(answer.errors, where).toBeUndefined();
          expect(list.data.allocations.length, where).toBeGreaterThan(0);
          expect(one.data.allocation.allocationId, where).toBe(t.allocationId);
          expect(aNode.data.node.allocationId, where).toBe(t.allocationId);
          if (t.payloadId) expect([payload.data.payload.payloadId, pNode.data.node.payloadId], where).toEqual([t.payloadId, t.payloadId]);
        } else {
          for (const answer of root) expect(codes(answer), where).toEqual(['FORBIDDEN']);
          expect([list.data, one.data.allocation, payload.data.payload, aNode.data.node, pNode.data.node], where).toEqual([null, null, null, null, null]);
        }

        const many = await run(PATHS.nodes, { ids: [allocationGid(t.projectId, t.allocationId)] });
        if (allowed) expect(many.data.nodes[0], where).not.toBeNull();
        else expect([many.data?.nodes?.[0] ?? null, codes(many)], where).toEqual([null, ['FORBIDDEN']]);

        // Links answer null, never an error; and a Waldur project the caller cannot see is null itself.
        const links = await Promise.all([
          run(PATHS.projectLink, { w: t.waldurProjectUuid }),
          run(PATHS.projectNodeLink, { wid: encodeGlobalId('Project', t.waldurProjectUuid) }),
          run(PATHS.resourceLink, { r: t.resourceUuid }),
        ]);
        for (const answer of links) expect(answer.errors, where).toBeUndefined();
        const [viaProject, viaNode, viaResource] = links;
        if (allowed) {
          expect(viaProject.data.project.allocations.length, where).toBeGreaterThan(0);
          expect(viaNode.data.node.allocations.length, where).toBeGreaterThan(0);
          expect(viaResource.data.resource.allocation, where).not.toBeNull();
        } else {
          expect([viaProject.data.project, viaNode.data.node, viaResource.data.resource], where).toEqual([null, null, null]);
        }
      }
    }
  });

  it('should never call the Orchestration API for a project the caller may not reach', async () => {
    await using stack = await startStack();
    const [target] = await seededTargets(stack);
    await stack.resetLogs();

    const answers = await Promise.all([
      stack.query(PATHS.allocations, { p: target.projectId }, 'nobody'),
      stack.query(PATHS.allocation, { p: target.projectId, a: target.allocationId }, 'nobody'),
      stack.query(PATHS.allocationNode, { id: allocationGid(target.projectId, target.allocationId) }, 'nobody'),
    ]);

    for (const answer of answers) expect(codes(answer)).toEqual(['FORBIDDEN']);
    expect(answers[0].errors![0].message).toContain(target.projectId);
    expect((await stack.requests('orchestration')).filter((r) => r.path.includes(target.projectId))).toEqual([]);
    // The evidence was asked of Waldur with nobody's own token, once per request.
    const checks = (await stack.requests('waldur')).filter((r) => r.query.includes(`backend_id=${target.projectId}`));
    expect(checks).toHaveLength(3);
    expect(new Set(checks.map((r) => r.headers.authorization))).toEqual(new Set([`Token ${stack.principal('nobody').waldurToken}`]));

    // Without any credentials, Waldur cannot vouch for anything: UNAUTHENTICATED, and still no orchestration call.
    const anonymous = await stack.query(PATHS.allocations, { p: target.projectId }, {});
    expect(codes(anonymous)).toEqual(['UNAUTHENTICATED']);
    expect((await stack.requests('orchestration')).filter((r) => r.path.includes(target.projectId))).toEqual([]);
  });

  it('should check a project once per request however many paths reach it', async () => {
    await using stack = await startStack();
    const [target] = await seededTargets(stack);
    await stack.resetLogs();

    const answer = await stack.query(`query ($p: String!, $a: String!, $w: String!) {
      a: allocations(projectId: $p) { allocationId }
      b: allocation(projectId: $p, id: $a) { allocationId }
      project(uuid: $w) { allocations { allocationId } resources(first: 10) { nodes { allocation { allocationId } } } }
    }`, { p: target.projectId, a: target.allocationId, w: target.waldurProjectUuid }, 'staff');

    expect(answer.errors).toBeUndefined();
    const checks = (await stack.requests('waldur')).filter((r) => r.query.includes('backend_id='));
    expect(checks).toHaveLength(1);
  });

  it('should require the link to match exactly, not a prefix or a look-alike', async () => {
    await using stack = await startStack();
    const [target] = await seededTargets(stack);
    for (const projectId of [target.projectId.slice(0, -1), `${target.projectId}x`, target.projectId.toUpperCase()]) {
      const answer = await stack.query(PATHS.allocations, { p: projectId }, 'staff');
      expect(codes(answer), projectId).toEqual(['FORBIDDEN']);
    }
    for (const projectId of ['', ' ', 'a/b', '..']) {
      const answer = await stack.query(PATHS.allocations, { p: projectId }, 'staff');
      expect(codes(answer), JSON.stringify(projectId)).toEqual(['BAD_USER_INPUT']);
    }
  });
});
