import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { mutate, prefix, seededTarget, upstream } from './orchestration-helpers.ts';

/** Outages are not typed results: they stay GraphQL errors with codes, and writes are never retried. */
describe('orchestration mutations during upstream outages', () => {
  it('should answer UPSTREAM_TIMEOUT naming the query that tells the outcome, after exactly one POST', async () => {
    await using stack = await startStack({ env: { ORCHESTRATION_TIMEOUT_MS: '300' } });
    const t = await seededTarget(stack);
    const path = `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}/reservations`;
    await stack.control('orchestration', 'POST', 'faults', { method: 'POST', path: '/reservations$', hang: true });

    const { result, errors } = await mutate(stack, 'reservePayload', { projectId: t.projectId, allocationId: t.allocationId });

    expect(result).toBeNull();
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'UPSTREAM_TIMEOUT', service: 'orchestration', retryable: false });
    expect(errors![0].message).toBe('Orchestration API did not answer in 300 ms; the change may or may not have been applied. To learn the outcome, query: '
      + `allocation(projectId: "${t.projectId}", id: "${t.allocationId}") { payloads(state: [RESERVED]) { payloadId lastReserved labels { key value } } }`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await upstream(stack)).map((r) => [r.method, r.path])).toEqual([['POST', path]]);
  });

  it('should not retry a PUT that failed with 503, and say the service is unavailable', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    await stack.control('orchestration', 'POST', 'faults', { method: 'PUT', path: '/metadata/label$', status: 503 });

    const { result, errors } = await mutate(stack, 'setPayloadLabel', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.ready[0], key: 'k', value: 'v' });

    expect(result).toBeNull();
    expect(errors?.map((e) => [e.extensions?.code, e.extensions?.retryable])).toEqual([['UPSTREAM_UNAVAILABLE', true]]);
    expect((await upstream(stack)).map((r) => [r.method, r.status])).toEqual([['PUT', 503]]);
  });
});
