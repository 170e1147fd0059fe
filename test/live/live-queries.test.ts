import fastJsonPatch from 'fast-json-patch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { collect, gets, waitFor, wsClient } from './helpers.ts';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($uuid: String!) @live(patches: true) {
    project(uuid: $uuid) {
      name
      resources(first: 50) {
        nodes { uuid name state allocation { allocationId payloads { payloadId state } } }
      }
    }
  }`;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { POLL_INTERVAL_MS: '50' } });
});
afterAll(() => stack[Symbol.asyncDispose]());

/** The seeded project with the most game servers (linked resources with allocations and payloads). */
const linkedProject = () => [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0]!;

/** Applies the patches in order, as a client does; returns the data after each message. */
function replay(events: any[]): any[] {
  let data: any;
  return events.map((event) => {
    data = event.revision === 1 ? event.data : fastJsonPatch.applyPatch(structuredClone(data), event.patch).newDocument;
    return data;
  });
}

describe('live queries over graphql-ws', () => {
  it('should emit the result at once, then a patch exactly when the payloads or the resources change upstream', async () => {
    const link = linkedProject();
    const client = wsClient(stack, 'staff');
    try {
      await stack.resetLogs();
      const live = collect(client, DASHBOARD, { uuid: link.waldurProjectUuid });
      await waitFor(() => live.events.length === 1, 'the first result');
      expect(live.events[0]).toMatchObject({ revision: 1, data: { project: { name: expect.any(String) } } });
      const first = live.events[0].data.project;
      const withPayload = first.resources.nodes.find((r: any) => r.allocation?.payloads.some((p: any) => p.state === 'READY'));
      expect(withPayload, JSON.stringify(live.events[0])).toBeDefined();

      // Nothing changes upstream: every watched read is polled again and again, and nothing is sent.
      await waitFor(async () => (await gets(stack, 'orchestration', /\/payloads$/)) >= 6, 'several polls of the payload lists');
      expect(live.events).toHaveLength(1);

      // Orchestration: a payload crashes.
      const payload = withPayload.allocation.payloads.find((p: any) => p.state === 'READY');
      await stack.control('orchestration', 'POST', `payloads/${link.orchestrationProjectId}/${withPayload.allocation.allocationId}/${payload.payloadId}/crash`);
      await waitFor(() => live.events.length === 2, 'a patch after the crash');
      expect(live.events[1].revision).toBe(2);
      expect(live.events[1].data).toBeUndefined();
      const resourceIndex = first.resources.nodes.indexOf(withPayload);
      const payloadIndex = withPayload.allocation.payloads.indexOf(payload);
      expect(live.events[1].patch).toContainEqual({ op: 'replace', path: `/project/resources/nodes/${resourceIndex}/allocation/payloads/${payloadIndex}/state`, value: expect.not.stringMatching(/^READY$/) });

      // Waldur: an order for a game server creates a resource in the project; completing it links an allocation.
      const offering = (await stack.query(`{ offerings(first: 1, filter: { name: "Game server hosting" }) { nodes { uuid plans { uuid } } } }`)).data.offerings.nodes[0];
      const placed = await stack.query(`mutation ($input: CreateOrderInput!) { createOrder(input: $input) { ... on CreateOrderSuccess { order { uuid } resource { uuid } } } }`, {
        input: { projectUuid: link.waldurProjectUuid, offeringUuid: offering.uuid, planUuid: offering.plans[0].uuid, attributes: { name: 'live-arena' } },
      });
      const { order, resource } = placed.data.createOrder;
      await waitFor(() => replay(live.events).at(-1).project.resources.nodes.some((r: any) => r.uuid === resource.uuid), 'the new resource');
      const before = live.events.length;
      await stack.control('waldur', 'POST', 'advance', { order: order.uuid, to: 'done' });
      await waitFor(() => replay(live.events).at(-1).project.resources.nodes.find((r: any) => r.uuid === resource.uuid)?.allocation, 'the new allocation');
      expect(live.events.length).toBeGreaterThan(before);
      const latest = replay(live.events).at(-1);
      const direct = await stack.query(DASHBOARD.replace('@live(patches: true)', ''), { uuid: link.waldurProjectUuid });
      expect(latest).toEqual(direct.data);
    } finally {
      await client.dispose();
    }
  });
});

describe('sharing one live execution', () => {
  const QUERY = /* GraphQL */ `
    query ($uuid: String!) @live {
      project(uuid: $uuid) { resources(first: 50) { nodes { state allocation { allocationId payloads { payloadId state } } } } }
    }`;

  /** Opens `count` clients on the query; then resets the logs and counts upstream GETs until one payload list was polled `polls` times. */
  async function upstreamReadsWith(count: number, uuid: string, payloadList: RegExp, polls: number) {
    const clients = Array.from({ length: count }, () => wsClient(stack, 'staff'));
    try {
      const lives = clients.map((client) => collect(client, QUERY, { uuid }));
      await waitFor(() => lives.every((l) => l.events.length === 1), `the first result on ${count} clients`, 30_000);
      await stack.resetLogs();
      await waitFor(async () => (await gets(stack, 'orchestration', payloadList)) >= polls, `${polls} polls of one payload list`, 30_000);
      const reads = [...await stack.requests('waldur'), ...await stack.requests('orchestration')].filter((r) => r.method === 'GET');
      expect(lives.every((l) => l.events.length === 1 && l.ended === undefined)).toBe(true);
      return { total: reads.length, distinct: new Set(reads.map((r) => `${r.path}?${r.query}`)) };
    } finally {
      await Promise.all(clients.map((c) => c.dispose()));
      await waitFor(async () => {
        await stack.resetLogs();
        await new Promise((r) => setTimeout(r, 120));
        return (await stack.requests('orchestration')).length === 0;
      }, 'the pollers to stop');
    }
  }

  it('should cost 200 clients holding one live query the same upstream polls as one client', async () => {
    const link = linkedProject();
    const payloadList = new RegExp(`/allocations/${link.allocations[0]!.id}/payloads$`);
    const one = await upstreamReadsWith(1, link.waldurProjectUuid, payloadList, 8);
    const many = await upstreamReadsWith(200, link.waldurProjectUuid, payloadList, 8);
    // The same reads are watched, and while one list is polled 8 times the others are polled about as often.
    expect([...many.distinct].sort()).toEqual([...one.distinct].sort());
    expect(many.total).toBeLessThanOrEqual(Math.ceil(one.total * 1.5));
    expect(many.total).toBeLessThanOrEqual(one.distinct.size * 12);
  });
});

describe('access and limits', () => {
  it('should end a live query with FORBIDDEN when the caller loses access to the linked project mid-stream', async () => {
    const member = stack.principal('member');
    const rest = async (as: 'member' | 'owner', path: string, method = 'GET', body?: unknown) => {
      const { request } = await import('undici');
      const response = await request(`${stack.sims.waldurUrl}${path}`, {
        method: method as 'GET', body: body === undefined ? undefined : JSON.stringify(body),
        headers: { authorization: `Token ${stack.principal(as).waldurToken}`, 'content-type': 'application/json' },
      });
      const text = await response.body.text();
      return text ? JSON.parse(text) : undefined;
    };
    const visible: Array<{ uuid: string }> = await rest('member', 'projects/?page_size=300');
    const link = stack.sims.waldur.links.find((l) => l.allocations.length > 0 && visible.some((p) => p.uuid === l.waldurProjectUuid));
    expect(link).toBeDefined();
    const client = wsClient(stack, 'member');
    try {
      const live = collect(client, `query ($p: String!, $a: String!) @live { allocation(projectId: $p, id: $a) { allocationId status } }`,
        { p: link!.orchestrationProjectId, a: link!.allocations[0]!.id });
      await waitFor(() => live.events.length === 1 || live.ended !== undefined, 'the first result');
      expect(live.ended, JSON.stringify(live.ended)).toBeUndefined();
      expect(live.events[0]).toEqual({ data: { allocation: { allocationId: link!.allocations[0]!.id, status: expect.any(String) } } });

      await rest('owner', `projects/${link!.waldurProjectUuid}/delete_user/`, 'POST', { role: 'PROJECT.MEMBER', user: member.userUuid });
      await waitFor(() => live.ended !== undefined, 'the end of the stream');
      expect(live.ended).toEqual({ complete: true });
      expect(live.events.at(-1)).toMatchObject({ data: { allocation: null }, errors: [{ extensions: { code: 'FORBIDDEN' } }] });
    } finally {
      await client.dispose();
    }
  });

  it('should refuse a live query over a list without a bound, before any upstream call', async () => {
    const client = wsClient(stack, 'staff');
    try {
      await stack.resetLogs();
      const live = collect(client, '{ __typename } query Everything @live { projects { nodes { name } } }'.replace('{ __typename } ', ''));
      await waitFor(() => live.ended !== undefined, 'the refusal');
      expect(live.events).toEqual([{ errors: [expect.objectContaining({ message: expect.stringContaining('give `projects` a `first` or `last` argument'), extensions: { code: 'BAD_USER_INPUT' } })] }]);
      expect(await stack.requests('waldur')).toEqual([]);
    } finally {
      await client.dispose();
    }
  });
});
