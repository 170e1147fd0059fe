/**
 * No needless round trips: each level's upstream calls start as soon as the keys they need are known. The
 * simulators sit behind hold proxies that answer nothing until released, so a call that waits for an answer it
 * does not need cannot arrive while that answer is held — the test waits for calls (with a deadline) instead of
 * timing anything.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHoldProxy, type HeldCall, type HoldProxy } from '../helpers/hold-proxy.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

let stack: Stack;
const proxies: Partial<Record<'waldur' | 'orchestration', HoldProxy>> = {};

beforeAll(async () => {
  stack = await startStack({
    sim: { scale: 3 },
    via: async (service, origin) => (proxies[service] = await startHoldProxy(origin)).origin,
  });
});

afterAll(async () => {
  await Promise.all(Object.values(proxies).map((p) => p.close()));
  await stack?.[Symbol.asyncDispose]();
});

/** Waits (polling, 10 s deadline) until `done` holds; fails with what was held instead. */
async function until(what: string, done: () => boolean) {
  const deadline = Date.now() + 10_000;
  while (!done()) {
    if (Date.now() > deadline) {
      const held = Object.entries(proxies).flatMap(([service, p]) => p.held().map((c) => `${service}: ${c.method} ${c.path}?${c.query}`));
      throw new Error(`never saw ${what}; held: ${held.join(' | ') || 'nothing'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

const held = (service: 'waldur' | 'orchestration', match: (c: HeldCall) => boolean) => proxies[service]!.held().filter(match);

describe('round trips', () => {
  it('should list a project\'s resources while the project is still being read, and reach payloads in three rounds', async () => {
    const links: Array<{ waldurProjectUuid: string; orchestrationProjectId: string; allocations: Array<{ id: string }> }> = await stack.control('waldur', 'GET', 'links');
    const link = links.find((l) => l.allocations.length >= 2) ?? links[0];
    // The token exchange is once per process, not part of the query's rounds.
    proxies.waldur!.passThrough();
    proxies.orchestration!.passThrough();
    await stack.query(`{ allocations(projectId: ${JSON.stringify(link.orchestrationProjectId)}) { name } }`);
    const since = { waldur: proxies.waldur!.arrived().length, orchestration: proxies.orchestration!.arrived().length };
    for (const p of Object.values(proxies)) p.hold();

    const answer = stack.query(`{ project(uuid: ${JSON.stringify(link.waldurProjectUuid)}) { name resources(first: 10) { nodes { name
      allocation { allocationId status payloads { payloadId state } } } } } }`);

    // Round 1: the project, its resources and its link (the provider's resource of the orchestration offering) together —
    // each needs only the uuid in the arguments.
    const isProject = (c: HeldCall) => c.path === `/api/projects/${link.waldurProjectUuid}/`;
    const ofProject = (c: HeldCall) => c.path === '/api/marketplace-resources/' && c.query.includes(`project_uuid=${link.waldurProjectUuid}`);
    const isResources = (c: HeldCall) => ofProject(c) && !c.query.includes('offering_uuid=');
    const isLink = (c: HeldCall) => ofProject(c) && c.query.includes('offering_uuid=');
    await until('the project, its resources and its link held together',
      () => held('waldur', isProject).length === 1 && held('waldur', isResources).length === 1 && held('waldur', isLink).length === 1);
    expect(proxies.orchestration!.arrived().length).toBe(since.orchestration);
    proxies.waldur!.release();

    // Round 2: the orchestration project's allocations, with no Waldur call in between (the link came with round 1).
    const isAllocations = (c: HeldCall) => c.path.endsWith(`/projects/${link.orchestrationProjectId}/allocations`);
    await until('the allocation list', () => held('orchestration', isAllocations).length === 1);
    const waldurCalls = proxies.waldur!.arrived().slice(since.waldur);
    expect(waldurCalls).toHaveLength(3);
    proxies.orchestration!.release();

    // Round 3: every linked allocation's payloads at once.
    const isPayloads = (c: HeldCall) => c.path.endsWith('/payloads');
    await until('payloads of each allocation', () => held('orchestration', isPayloads).length === link.allocations.length);
    proxies.waldur!.passThrough();
    proxies.orchestration!.passThrough();

    const { data, errors } = await answer;
    expect(errors).toBeUndefined();
    const allocated = data.project.resources.nodes.filter((r: { allocation: unknown }) => r.allocation);
    expect(allocated).toHaveLength(link.allocations.length);
    for (const r of allocated) expect(r.allocation.payloads.length).toBeGreaterThan(0);
    expect(proxies.waldur!.arrived().slice(since.waldur)).toHaveLength(3);
  });
});
