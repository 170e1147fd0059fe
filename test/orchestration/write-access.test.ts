import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import type { LoggedRequest, PrincipalName, Stack } from '../helpers/stack.ts';
import { startStack } from '../helpers/stack.ts';
import { CASES, writeOf } from '../mutations/orchestration-cases.ts';
import { MUTATIONS, mutate, seededTarget, upstream, type MutationName } from '../mutations/orchestration-helpers.ts';
import { visibleLinks, visibleOrchestrationProjects } from './helpers.ts';

/**
 * Service-account mode: seeing a linked Waldur project lets a caller read an orchestration project; changing anything
 * in it takes managing one (Waldur's `can_manage`: project manager or customer owner — not staff, who pass by being staff).
 * Both are proven with the caller's own Waldur token, each with its own request-scoped evidence.
 */

const NAMES = Object.keys(MUTATIONS) as MutationName[];
const successType = (name: MutationName) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;

/** The orchestration projects a principal's own Waldur token can manage (asked of the Waldur simulator directly). */
async function manageableOrchestrationProjects(stack: Stack, name: PrincipalName): Promise<Set<string>> {
  const response = await request(`${stack.sims.waldurUrl}projects/?can_manage=true&field=uuid&page_size=300`, {
    headers: { authorization: `Token ${stack.principal(name).waldurToken}` },
  });
  const managed = new Set(((await response.body.json()) as Array<{ uuid: string }>).map((r) => r.uuid));
  return new Set([...(await visibleLinks(stack, name))].filter(([project]) => managed.has(project)).map(([, id]) => id));
}

/** A seeded target in an orchestration project the principal can see and (per `manages`) can or cannot manage. */
async function targetFor(stack: Stack, name: PrincipalName, manages: boolean) {
  const visible = await visibleOrchestrationProjects(stack, name);
  const managed = await manageableOrchestrationProjects(stack, name);
  const all = [...await visibleOrchestrationProjects(stack, 'staff')].sort();
  const index = all.findIndex((p) => visible.has(p) && managed.has(p) === manages);
  expect(index, `${name} should see a linked project it ${manages ? 'manages' : 'does not manage'}`).toBeGreaterThanOrEqual(0);
  return seededTarget(stack, index);
}

/**
 * The Waldur access checks of one request: the provider's link resources naming P (seeing), and whether the caller
 * manages the linked project (`can_manage` narrowed by `query=<project uuid>`).
 */
function accessChecks(waldur: LoggedRequest[], projectId: string) {
  const params = (r: LoggedRequest) => new URLSearchParams(r.query);
  const see = waldur.filter((r) => r.method === 'GET' && r.path === '/api/marketplace-resources/' && params(r).get('backend_id') === projectId);
  const manage = waldur.filter((r) => r.method === 'GET' && r.path === '/api/projects/' && params(r).get('can_manage') === 'true');
  return { all: [...see, ...manage], manage, see };
}

describe('orchestration writes in service-account mode need a linked Waldur project the caller manages', () => {
  it.each(NAMES)('%s: a member who sees but does not manage the linked project gets ForbiddenError and no orchestration call', async (name) => {
    await using stack = await startStack();
    const t = await targetFor(stack, 'member', false);

    const { result, errors } = await mutate(stack, name, CASES[name].input(t), 'member');

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ForbiddenError', message: expect.stringContaining('managing a Waldur project linked to it') });
    expect(result.message).toContain(t.projectId);
    expect(await upstream(stack)).toEqual([]);
    // Asked with the member's own token: can it manage a linked project (no)? is it staff (no)? can it see one (yes,
    // so the message says so)?
    const waldur = await stack.requests('waldur');
    const checks = accessChecks(waldur, t.projectId);
    expect([checks.manage.length, checks.see.length, waldur.length]).toEqual([1, 1, 3]);
    expect(waldur.filter((r) => r.path === '/api/users/me/').map((r) => r.query)).toEqual(['field=is_staff']);
    expect(new URLSearchParams(checks.manage[0].query).getAll('field')).toEqual(['uuid']);
    expect(new Set(waldur.map((r) => r.headers.authorization))).toEqual(new Set([`Token ${stack.principal('member').waldurToken}`]));
  });

  describe.each(['manager', 'owner'] as const)('as %s', (who) => {
    it.each(NAMES)(`%s succeeds on a linked project ${who} manages, proven with one can_manage call`, async (name) => {
      await using stack = await startStack();
      const t = await targetFor(stack, who, true);

      const { result, errors } = await mutate(stack, name, CASES[name].input(t), who);

      expect(errors).toBeUndefined();
      expect(result.__typename).toBe(successType(name));
      const write = writeOf(stack, name, t);
      const sent = await upstream(stack);
      expect(sent.filter((r) => r.method === write.method && r.path === write.path)).toEqual([{ ...write, status: expect.any(Number) }]);
      // Two Waldur calls in all (the link, then managing its project); they also cover the read-back some mutations make.
      const waldur = await stack.requests('waldur');
      const checks = accessChecks(waldur, t.projectId);
      expect([checks.manage.length, checks.see.length, waldur.length]).toEqual([1, 1, 2]);
      expect(checks.manage[0].headers.authorization).toBe(`Token ${stack.principal(who).waldurToken}`);
    });
  });

  it.each(NAMES)('%s succeeds for staff, whom can_manage does not list, by their staff status', async (name) => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result, errors } = await mutate(stack, name, CASES[name].input(t), 'staff');

    expect(errors).toBeUndefined();
    expect(result.__typename).toBe(successType(name));
    const waldur = await stack.requests('waldur');
    const checks = accessChecks(waldur, t.projectId);
    expect([checks.manage.length, checks.see.length]).toEqual([1, 1]);
    expect(waldur.filter((r) => r.path === '/api/users/me/').map((r) => r.query)).toEqual(['field=is_staff']);
  });

  it('should still let a member read its linked project, without asking whether it manages it', async () => {
    await using stack = await startStack();
    const t = await targetFor(stack, 'member', false);

    const answer = await stack.query(`query ($p: String!, $a: String!, $x: String!) {
      allocations(projectId: $p) { allocationId }
      allocation(projectId: $p, id: $a) { allocationId payloads { payloadId } artefacts(first: 5) { edges { cursor } } }
      payload(projectId: $p, allocationId: $a, id: $x) { payloadId state }
    }`, { p: t.projectId, a: t.allocationId, x: t.ready[0] }, 'member');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.allocation.allocationId).toBe(t.allocationId);
    expect(answer.data.payload.payloadId).toBe(t.ready[0]);
    expect(answer.data.allocations.length).toBeGreaterThan(0);
    const checks = accessChecks(await stack.requests('waldur'), t.projectId);
    expect([checks.see.length, checks.manage.length]).toEqual([1, 0]);
    expect((await upstream(stack)).length).toBeGreaterThan(0);
  });

  it('should prove a write once per request however many writes (and read-backs) of the project it holds', async () => {
    await using stack = await startStack();
    const t = await targetFor(stack, 'manager', true);

    const answer = await stack.query(`mutation ($l: SetPayloadLabelInput!, $n: SetPayloadAnnotationInput!) {
      a: setPayloadLabel(input: $l) { __typename }
      b: setPayloadAnnotation(input: $n) { __typename }
    }`, { l: CASES.setPayloadLabel.input(t), n: CASES.setPayloadAnnotation.input(t) }, 'manager');

    expect(answer.errors).toBeUndefined();
    expect([answer.data.a.__typename, answer.data.b.__typename]).toEqual(['SetPayloadLabelSuccess', 'SetPayloadAnnotationSuccess']);
    const checks = accessChecks(await stack.requests('waldur'), t.projectId);
    expect([checks.manage.length, checks.see.length]).toEqual([1, 1]);
  });
});
