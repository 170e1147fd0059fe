import { describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/http/graphiql.ts';
import { startStack } from '../helpers/stack.ts';
import { allocationGid, matching, payloadGid } from './helpers.ts';

describe('the orchestration graph', () => {
  it('should filter allocations and payloads in the gateway, from one list call each', async () => {
    await using stack = await startStack();
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0];
    await stack.resetLogs();

    const answer = await stack.query(`query ($p: String!) {
      all: allocations(projectId: $p) { allocationId status metadata { labels { key value } } }
      running: allocations(projectId: $p, status: [RUNNING]) { allocationId
        all: payloads { payloadId state labels { key value } }
        live: payloads(state: [READY, RESERVED]) { payloadId state }
        backfill: payloads(labels: [{ key: "needs-backfill", value: "true" }]) { payloadId }
        labelled: payloads(labels: [{ key: "needs-backfill" }]) { payloadId }
      }
      demo: allocations(projectId: $p, labels: [{ key: "env", value: "demo" }]) { allocationId }
      none: allocations(projectId: $p, labels: [{ key: "env", value: "prod" }]) { allocationId }
    }`, { p: link.orchestrationProjectId }, 'staff');

    expect(answer.errors).toBeUndefined();
    const { all, running, demo, none } = answer.data;
    expect(running.map((a: any) => a.allocationId)).toEqual(all.filter((a: any) => a.status === 'RUNNING').map((a: any) => a.allocationId));
    expect(running.length).toBeGreaterThan(0);
    expect(demo).toHaveLength(all.length);
    expect(none).toEqual([]);
    for (const a of running) {
      expect(a.live).toEqual(a.all.filter((p: any) => ['READY', 'RESERVED'].includes(p.state)).map(({ payloadId, state }: any) => ({ payloadId, state })));
      const hasLabel = (p: any, value?: string) => p.labels.some((l: any) => l.key === 'needs-backfill' && (value === undefined || l.value === value));
      expect(a.backfill.map((p: any) => p.payloadId)).toEqual(a.all.filter((p: any) => hasLabel(p, 'true')).map((p: any) => p.payloadId));
      expect(a.labelled.map((p: any) => p.payloadId)).toEqual(a.all.filter((p: any) => hasLabel(p)).map((p: any) => p.payloadId));
    }
    const orchestration = await stack.requests('orchestration');
    expect(matching(orchestration, 'GET', /\/allocations$/)).toHaveLength(1);
    expect(matching(orchestration, 'GET', /\/payloads$/)).toHaveLength(running.length);
  });

  it('should read one artefact of a payload by path (GetArtefact), null when absent, and refuse ".." locally', async () => {
    await using stack = await startStack();
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0];
    const listed = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId
      payloads { payloadId artefacts(first: 1) { nodes { filePath sizeBytes } } } } }`, { p: link.orchestrationProjectId });
    const [allocationId, payloadId, file] = listed.data.allocations.flatMap((a: any) => a.payloads
      .filter((p: any) => p.artefacts.nodes.length).map((p: any) => [a.allocationId, p.payloadId, p.artefacts.nodes[0]]))[0];
    await stack.resetLogs();

    const one = `query ($p: String!, $a: String!, $id: String!, $f: String!) { payload(projectId: $p, allocationId: $a, id: $id) { artefact(filePath: $f) { filePath sizeBytes } } }`;
    const found = await stack.query(one, { p: link.orchestrationProjectId, a: allocationId, id: payloadId, f: file.filePath });
    expect(found).toEqual({ data: { payload: { artefact: file } } });
    const calls = matching(await stack.requests('orchestration'), 'GET', /\/artefact$/);
    expect(calls.map((c) => new URLSearchParams(c.query).get('file_path'))).toEqual([file.filePath]);

    const missing = await stack.query(one, { p: link.orchestrationProjectId, a: allocationId, id: payloadId, f: 'no/such/file.txt' });
    expect(missing).toEqual({ data: { payload: { artefact: null } } });

    await stack.resetLogs();
    const hostile = await stack.query(one, { p: link.orchestrationProjectId, a: allocationId, id: payloadId, f: '../../etc/passwd' });
    expect(hostile.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(matching(await stack.requests('orchestration'), 'GET', /\/artefact$/)).toEqual([]);
  });

  it('should page artefacts forward with cursors over page tokens', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    const q = `query ($p: String!, $a: String!, $first: Int, $after: String) {
      allocation(projectId: $p, id: $a) { artefacts(first: $first, after: $after) {
        edges { cursor node { filePath payloadId } } pageInfo { hasNextPage hasPreviousPage endCursor }
      } }
    }`;
    const vars = { p: link.orchestrationProjectId, a: link.allocations[0].id };
    const whole = await stack.query(q, { ...vars, first: 300 }, 'staff');
    const expected = whole.data.allocation.artefacts.edges.map((e: any) => e.node);
    expect(expected.length).toBeGreaterThan(3);
    expect(whole.data.allocation.artefacts.pageInfo.hasNextPage).toBe(false);

    const walked: unknown[] = [];
    let after: string | null = null;
    for (let page = 0; page < 100; page++) {
      const answer: any = await stack.query(q, { ...vars, first: 2, after }, 'staff');
      expect(answer.errors).toBeUndefined();
      const connection = answer.data.allocation.artefacts;
      walked.push(...connection.edges.map((e: any) => e.node));
      expect(connection.pageInfo.hasPreviousPage).toBe(after !== null);
      if (!connection.pageInfo.hasNextPage) break;
      after = connection.pageInfo.endCursor;
    }
    expect(walked).toEqual(expected);

    // Resuming from any edge's cursor continues right after that edge.
    const third = whole.data.allocation.artefacts.edges[2].cursor;
    const resumed = await stack.query(q, { ...vars, first: 2, after: third }, 'staff');
    expect(resumed.data.allocation.artefacts.edges.map((e: any) => e.node)).toEqual(expected.slice(3, 5));

    const backwards = await stack.query(`query ($p: String!, $a: String!) { allocation(projectId: $p, id: $a) { artefacts(last: 2) { edges { cursor } } } }`, vars, 'staff');
    const bad = await stack.query(q, { ...vars, after: 'bm90LWEtY3Vyc29y' }, 'staff');
    expect([backwards, bad].map((r) => r.errors?.map((e) => e.extensions?.code))).toEqual([['BAD_USER_INPUT'], ['BAD_USER_INPUT']]);
  });

  it('should round-trip allocations and payloads through node(id:) and answer a payload\'s allocation from the cache', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    const first = await stack.query(`query ($p: String!) {
      allocations(projectId: $p) { id allocationId projectId payloads { id payloadId allocationId spec { image args ports { name containerPort protocol policy } resources { cpu memory } environment { name value } } ports { name port } address } }
    }`, { p: link.orchestrationProjectId }, 'staff');
    expect(first.errors).toBeUndefined();
    const allocation = first.data.allocations.find((a: any) => a.payloads.length > 0);
    const payload = allocation.payloads[0];
    expect(allocation.id).toBe(allocationGid(link.orchestrationProjectId, allocation.allocationId));
    expect(payload.id).toBe(payloadGid(link.orchestrationProjectId, allocation.allocationId, payload.payloadId));
    expect(payload.spec.image).toMatch(/:/);
    expect(payload.spec.ports.length).toBeGreaterThan(0);
    expect(payload.ports.map((p: any) => p.name)).toEqual(payload.spec.ports.map((p: any) => p.name));
    await stack.resetLogs();

    const answer = await stack.query(`query ($a: ID!, $x: ID!) {
      a: node(id: $a) { id ... on Allocation { allocationId name } }
      x: node(id: $x) { id ... on Payload { payloadId allocation { allocationId } } }
    }`, { a: allocation.id, x: payload.id }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.a).toMatchObject({ id: allocation.id, allocationId: allocation.allocationId });
    expect(answer.data.x).toEqual({ id: payload.id, payloadId: payload.payloadId, allocation: { allocationId: allocation.allocationId } });
    const orchestration = await stack.requests('orchestration');
    // GetAllocation once (node a and payload.allocation share it), GetPayload once.
    expect(orchestration.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      `GET /api/v0/projects/${link.orchestrationProjectId}/allocations/${allocation.allocationId}`,
      `GET /api/v0/projects/${link.orchestrationProjectId}/allocations/${allocation.allocationId}/payloads/${payload.payloadId}`,
    ]);

    const malformed = await stack.query(`query ($id: ID!) { node(id: $id) { id } }`, { id: Buffer.from('Allocation:only-a-project').toString('base64') }, 'staff');
    expect(malformed.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  });

  it('should run the GraphiQL game-servers example without errors', async () => {
    await using stack = await startStack();
    const example = graphiqlTabs(undefined).map((tab) => tab.query).find((q) => q.includes('query GameServers'));
    expect(example).toBeDefined();

    const answer = await stack.query(example!, {}, 'owner');

    expect(answer.errors).toBeUndefined();
    const resources = answer.data.projects.nodes[0].resources.nodes;
    expect(resources.some((r: any) => r.allocation?.payloads.length > 0)).toBe(true);
  });
});
