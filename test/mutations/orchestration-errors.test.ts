import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { visibleOrchestrationProjects } from '../orchestration/helpers.ts';
import { CASES, missing, writeOf } from './orchestration-cases.ts';
import { fault, MUTATIONS, mutate, seededTarget, upstream, type MutationName } from './orchestration-helpers.ts';

/**
 * The upstream answers every orchestration mutation must turn into typed results, with the exact request that
 * was sent. Per-mutation success, local validation and the conflicts the simulator really produces live in
 * orchestration-allocations / -payloads / -reservations.test.ts.
 */
describe.each(Object.keys(MUTATIONS) as MutationName[])('%s: upstream answers as typed errors', (name) => {
  const { input, realNotFound } = CASES[name];

  it('should answer ValidationError when the Orchestration API rejects the input (400)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const write = writeOf(stack, name, t);
    await fault(stack, write.method, write.path, 400, 'spec.region: unknown region');

    const { result, errors } = await mutate(stack, name, input(t));

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ValidationError', message: 'spec.region: unknown region', fields: [{ field: '_', message: 'spec.region: unknown region' }] });
    expect(await upstream(stack)).toEqual([{ ...write, status: 400 }]);
  });

  it('should answer NotFoundError when the Orchestration API does not know the object (404)', async () => {
    await using stack = await startStack();
    const t = realNotFound ? missing(await seededTarget(stack), name) : await seededTarget(stack);
    const write = writeOf(stack, name, t);
    if (!realNotFound) await fault(stack, write.method, write.path, 404, `project "${t.projectId}" does not exist`);

    const { result, errors } = await mutate(stack, name, input(t));

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'NotFoundError', message: expect.stringMatching(/not found|does not exist/) });
    expect(await upstream(stack)).toEqual([{ ...write, status: 404 }]);
  });

  it('should answer ConflictError when the Orchestration API refuses the state change (409)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const write = writeOf(stack, name, t);
    await fault(stack, write.method, write.path, 409, 'the object changed meanwhile');

    const { result, errors } = await mutate(stack, name, input(t));

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ConflictError', message: 'the object changed meanwhile', validStates: [] });
    expect(await upstream(stack)).toEqual([{ ...write, status: 409 }]);
  });

  it('should answer ForbiddenError, without calling the Orchestration API, when the caller sees no linked Waldur project', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result, errors } = await mutate(stack, name, input(t), 'nobody');

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ForbiddenError', message: expect.stringContaining(t.projectId) });
    expect(await upstream(stack)).toEqual([]);
    // The access checks were made with nobody's own Waldur token: does it see a provider-recorded link to the
    // project (no, so there is no project to manage)? is it staff?
    const checks = await stack.requests('waldur');
    const token = `Token ${stack.principal('nobody').waldurToken}`;
    expect(checks.map((r) => [r.method, r.path, r.headers.authorization])).toEqual([
      ['GET', '/api/marketplace-resources/', token], ['GET', '/api/users/me/', token],
    ]);
    expect(new URLSearchParams(checks[0].query).get('backend_id')).toBe(t.projectId);
  });

  it('should answer ForbiddenError to a member who sees the linked project but does not manage it', async () => {
    await using stack = await startStack();
    const own = [...await visibleOrchestrationProjects(stack, 'member')];
    const all = [...await visibleOrchestrationProjects(stack, 'staff')].sort();
    const t = await seededTarget(stack, all.indexOf(own[0]));

    const { result, errors } = await mutate(stack, name, input(t), 'member');

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ForbiddenError', message: expect.stringContaining('that takes managing a Waldur project linked to it') });
    expect(await upstream(stack)).toEqual([]);
  });

  it('should answer ForbiddenError when the Orchestration API refuses a forwarded bearer (403)', async () => {
    await using stack = await startStack();
    const own = await visibleOrchestrationProjects(stack, 'member');
    const all = [...await visibleOrchestrationProjects(stack, 'staff')].sort();
    const t = await seededTarget(stack, all.findIndex((p) => !own.has(p)));
    const member = stack.principal('member');

    const { result, errors } = await mutate(stack, name, input(t), { 'x-orchestration-authorization': `Bearer ${member.orchestrationToken}` });

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ForbiddenError', message: expect.stringContaining('permission denied') });
    expect(await upstream(stack)).toEqual([{ ...writeOf(stack, name, t), status: 403 }]);
  });
});
