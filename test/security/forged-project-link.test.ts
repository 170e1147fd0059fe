import { createClient, type Client } from 'graphql-ws';
import { request } from 'undici';
import WebSocket from 'ws';
import { describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/resolvers/global-id.ts';
import { startStack, type GraphQLResponse, type Stack } from '../helpers/stack.ts';
import { CASES } from '../mutations/orchestration-cases.ts';
import { MUTATIONS, mutate, seededTarget, upstream, type MutationName, type Target } from '../mutations/orchestration-helpers.ts';
import { allocationGid, payloadGid, visibleLinks, visibleOrchestrationProjects } from '../orchestration/helpers.ts';

/*
 * The attack of issue 10: in Waldur a customer owner may PATCH its project's `backend_id` (ProjectViewSet needs only
 * PROJECT.UPDATE; ProjectSerializer leaves every field but `slug` writable). The owner writes there, directly and not
 * through Junction, the orchestration id of a project it cannot see. By default that gains nothing on any path: the
 * link is the backend_id the service provider set on its own resource. Only the documented opt-in trusts the field.
 */

const codes = (answer: GraphQLResponse) => (answer.errors ?? []).map((e) => e.extensions?.code);

/** The owner's own linked project, and a victim: a linked project the owner cannot see, with real ids in it. */
async function scene(stack: Stack) {
  const own = [...await visibleLinks(stack, 'owner')].sort()[0];
  expect(own, 'the owner should see a linked project of its own').toBeDefined();
  const ownerSees = await visibleOrchestrationProjects(stack, 'owner');
  const all = [...await visibleOrchestrationProjects(stack, 'staff')].sort();
  const index = all.findIndex((id) => !ownerSees.has(id));
  expect(index).toBeGreaterThanOrEqual(0);
  const victim = await seededTarget(stack, index);
  return { ownProject: own[0], ownOrchestrationId: own[1], victim };
}

/** The attack itself, on the Waldur simulator directly with the owner's own token: real Waldur accepts it. */
async function forgeProjectBackendId(stack: Stack, projectUuid: string, orchestrationId: string) {
  const response = await request(`${stack.sims.waldurUrl}projects/${projectUuid}/`, {
    method: 'PATCH',
    headers: { authorization: `Token ${stack.principal('owner').waldurToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ backend_id: orchestrationId }),
  });
  expect(response.statusCode).toBe(200);
  expect(((await response.body.json()) as { backend_id: string }).backend_id).toBe(orchestrationId);
}

/** Runs one subscription as the owner until its first event or error. */
function firstEvent(client: Client, query: string, variables: Record<string, unknown>): Promise<{ data?: unknown; errors?: unknown }> {
  return new Promise((resolve) => {
    const stop = client.subscribe({ query, variables }, {
      next: (value) => (stop(), resolve(value as never)),
      error: (errors) => resolve({ errors }),
      complete: () => undefined,
    });
  });
}

const READS = {
  allocations: `query ($p: String!) { allocations(projectId: $p) { allocationId } }`,
  allocation: `query ($p: String!, $a: String!) { allocation(projectId: $p, id: $a) { allocationId marketplaceResource { uuid } } }`,
  payload: `query ($p: String!, $a: String!, $x: String!) { payload(projectId: $p, allocationId: $a, id: $x) { payloadId } }`,
  node: `query ($id: ID!) { node(id: $id) { id ... on Allocation { allocationId } } }`,
  payloadNode: `query ($id: ID!) { node(id: $id) { id } }`,
  nodes: `query ($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
} as const;
const LINKS = `query ($w: String!, $wid: ID!) {
  project(uuid: $w) { orchestrationProjectId allocations { allocationId marketplaceResource { uuid project { uuid } } }
    resources(first: 50) { nodes { uuid allocation { allocationId projectId } } } }
  node(id: $wid) { ... on Project { orchestrationProjectId allocations { allocationId } } }
}`;
const SUBSCRIPTIONS = {
  payloadUpdated: `subscription ($p: String!, $a: String!, $x: String!) { payloadUpdated(projectId: $p, allocationId: $a, id: $x) { payloadId } }`,
  allocationUpdated: `subscription ($p: String!, $a: String!) { allocationUpdated(projectId: $p, id: $a) { allocationId } }`,
  allocationPayloadsUpdated: `subscription ($p: String!, $a: String!) { allocationPayloadsUpdated(projectId: $p, allocationId: $a) { payloadId } }`,
} as const;

async function reads(stack: Stack, victim: Target) {
  const vars = { p: victim.projectId, a: victim.allocationId, x: victim.ready[0] };
  return {
    allocations: await stack.query(READS.allocations, vars, 'owner'),
    allocation: await stack.query(READS.allocation, vars, 'owner'),
    payload: await stack.query(READS.payload, vars, 'owner'),
    node: await stack.query(READS.node, { id: allocationGid(victim.projectId, victim.allocationId) }, 'owner'),
    payloadNode: await stack.query(READS.payloadNode, { id: payloadGid(victim.projectId, victim.allocationId, victim.ready[0]) }, 'owner'),
    nodes: await stack.query(READS.nodes, { ids: [allocationGid(victim.projectId, victim.allocationId)] }, 'owner'),
  };
}

describe('a customer owner who writes another project\'s orchestration id into its own project\'s backend_id', () => {
  it('gains nothing by default: root fields, node/nodes, links both ways, subscriptions and every mutation refuse', async () => {
    await using stack = await startStack({ env: { POLL_INTERVAL_MS: '50' } });
    const { ownProject, ownOrchestrationId, victim } = await scene(stack);
    const linksBefore = await stack.query(LINKS, { w: ownProject, wid: encodeGlobalId('Project', ownProject) }, 'owner');
    expect(linksBefore.errors).toBeUndefined();

    await forgeProjectBackendId(stack, ownProject, victim.projectId);
    await stack.resetLogs();

    for (const [path, answer] of Object.entries(await reads(stack, victim))) {
      expect(codes(answer), path).toEqual(['FORBIDDEN']);
      expect(JSON.stringify(answer.data), path).not.toContain(victim.allocationId);
    }

    // The links still follow the provider's record: the owner's project is linked to its own orchestration project.
    const links = await stack.query(LINKS, { w: ownProject, wid: encodeGlobalId('Project', ownProject) }, 'owner');
    expect(links.errors).toBeUndefined();
    expect(links.data).toEqual(linksBefore.data);
    expect(links.data.project.orchestrationProjectId).toBe(ownOrchestrationId);
    expect(links.data.node.orchestrationProjectId).toBe(ownOrchestrationId);
    for (const r of links.data.project.resources.nodes) if (r.allocation) expect(r.allocation.projectId).toBe(ownOrchestrationId);
    for (const a of links.data.project.allocations) if (a.marketplaceResource) expect(a.marketplaceResource.project.uuid).toBe(ownProject);

    const client = createClient({ url: stack.wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Token ${stack.principal('owner').waldurToken}` }, retryAttempts: 0 });
    try {
      for (const [name, query] of Object.entries(SUBSCRIPTIONS)) {
        const event = await firstEvent(client, query, { p: victim.projectId, a: victim.allocationId, x: victim.ready[0] });
        expect(JSON.stringify(event.errors), name).toContain('FORBIDDEN');
        expect(event.data ?? null, name).toBeNull();
      }
      // orderUpdated reads Waldur alone, with the owner's token: the victim's orders stay invisible (404), link or not.
      const victimProject = stack.sims.waldur.links.find((l) => l.orchestrationProjectId === victim.projectId)!.waldurProjectUuid;
      const orders = await request(`${stack.sims.waldurUrl}marketplace-orders/?project_uuid=${victimProject}&field=uuid&page_size=1`, {
        headers: { authorization: `Token ${stack.principal('staff').waldurToken}` },
      });
      const [order] = (await orders.body.json()) as Array<{ uuid: string }>;
      const event = await firstEvent(client, 'subscription ($u: String!) { orderUpdated(uuid: $u) { uuid } }', { u: order.uuid });
      expect(JSON.stringify(event.errors)).toContain('NOT_FOUND');
    } finally {
      await client.dispose();
    }

    for (const name of Object.keys(MUTATIONS) as MutationName[]) {
      const { result, errors } = await mutate(stack, name, CASES[name].input(victim), 'owner');
      expect(errors, name).toBeUndefined();
      expect(result, name).toMatchObject({ __typename: 'ForbiddenError' });
    }
    // Not one request reached the victim's orchestration project.
    expect((await upstream(stack)).filter((r) => r.path.includes(victim.projectId))).toEqual([]);
  });

  it('succeeds only where the operator opted in to trusting the project field (LINK_TRUST_PROJECT_FIELD=backend_id)', async () => {
    await using stack = await startStack({ env: { LINK_TRUST_PROJECT_FIELD: 'backend_id' } });
    const { ownProject, victim } = await scene(stack);
    expect(codes(await stack.query(READS.allocations, { p: victim.projectId }, 'owner'))).toEqual(['FORBIDDEN']);

    await forgeProjectBackendId(stack, ownProject, victim.projectId);

    // This is the hole the default closes: documented, and warned about at start.
    const answer = await stack.query(READS.allocations, { p: victim.projectId }, 'owner');
    expect(answer.errors).toBeUndefined();
    expect(answer.data.allocations.map((a: { allocationId: string }) => a.allocationId)).toContain(victim.allocationId);
    const link = await stack.query(`query ($w: String!) { project(uuid: $w) { orchestrationProjectId } }`, { w: ownProject }, 'owner');
    expect(link.data.project.orchestrationProjectId).toBe(victim.projectId);
    const { result } = await mutate(stack, 'setPayloadLabel', CASES.setPayloadLabel.input(victim), 'owner');
    expect(result.__typename).toBe('SetPayloadLabelSuccess');
  });
});
