import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { matching, visibleOrchestrationProjects } from './helpers.ts';

const LIST = `query ($p: String!) { allocations(projectId: $p) { allocationId payloads { payloadId } } }`;

describe('pass-through mode (X-Orchestration-Authorization)', () => {
  it('should forward the caller\'s bearer and let the Orchestration API decide', async () => {
    await using stack = await startStack();
    const member = stack.principal('member');
    const own = [...await visibleOrchestrationProjects(stack, 'member')][0];
    const other = stack.sims.waldur.links.map((l) => l.orchestrationProjectId).find((p) => p !== own)!;
    const headers = { authorization: `Token ${member.waldurToken}`, 'x-orchestration-authorization': `Bearer ${member.orchestrationToken}` };
    await stack.resetLogs();

    const allowed = await stack.query(LIST, { p: own }, headers);
    const denied = await stack.query(LIST, { p: other }, headers);

    expect(allowed.errors).toBeUndefined();
    expect(allowed.data.allocations.length).toBeGreaterThan(0);
    expect(denied.data).toBeNull();
    expect(denied.errors?.map((e) => e.extensions)).toEqual([expect.objectContaining({ code: 'FORBIDDEN', service: 'orchestration', upstreamStatus: 403 })]);
    const orchestration = await stack.requests('orchestration');
    // The upstream enforced it: the denied list reached the API and was refused there, with the member's own token.
    expect(matching(orchestration, 'GET', new RegExp(`/projects/${other}/allocations$`)).map((r) => r.status)).toEqual([403]);
    expect(new Set(orchestration.map((r) => r.headers.authorization))).toEqual(new Set([`Bearer ${member.orchestrationToken}`]));
    expect((await stack.control('orchestration', 'GET', 'counters')).tokenCalls).toBe(0);
    // No Waldur link check is made: access is the Orchestration API's decision in this mode.
    expect((await stack.requests('waldur')).filter((r) => r.query.includes('backend_id='))).toEqual([]);
  });

  it('should work without Waldur credentials for the orchestration root fields', async () => {
    await using stack = await startStack();
    const own = [...await visibleOrchestrationProjects(stack, 'owner')][0];

    const answer = await stack.query(LIST, { p: own }, { 'x-orchestration-authorization': `Bearer ${stack.principal('owner').orchestrationToken}` });

    expect(answer.errors).toBeUndefined();
    expect(answer.data.allocations.length).toBeGreaterThan(0);
  });

  it('should answer UNAUTHENTICATED for a bearer the Orchestration API does not accept', async () => {
    await using stack = await startStack();
    const own = stack.sims.waldur.links[0].orchestrationProjectId;

    const answer = await stack.query(LIST, { p: own }, { 'x-orchestration-authorization': 'Bearer not-a-real-token' });

    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    expect((await stack.control('orchestration', 'GET', 'counters')).tokenCalls).toBe(0);
  });

  it('should answer null on link fields the caller\'s bearer cannot reach', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    // Staff can see every Waldur project, but this bearer (nobody's) reaches no orchestration project.
    const headers = { authorization: `Token ${stack.principal('staff').waldurToken}`, 'x-orchestration-authorization': `Bearer ${stack.principal('nobody').orchestrationToken}` };

    const answer = await stack.query(`query ($w: String!) {
      project(uuid: $w) { orchestrationProjectId allocations { allocationId } resources(first: 10) { nodes { allocation { allocationId } } } }
    }`, { w: link.waldurProjectUuid }, headers);

    expect(answer.errors).toBeUndefined();
    expect(answer.data.project.orchestrationProjectId).toBe(link.orchestrationProjectId);
    expect(answer.data.project.allocations).toBeNull();
    expect(answer.data.project.resources.nodes.every((r: any) => r.allocation === null)).toBe(true);
  });
});
