import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { allocationGid } from '../orchestration/helpers.ts';
import { expectNoUpstreamCalls, mutate, prefix, seededTarget, SPEC_INPUT, SPEC_WIRE, upstream } from './orchestration-helpers.ts';

const METADATA_INPUT = { labels: [{ key: 'game', value: 'arena' }], annotations: [{ key: 'session_type', value: 'arena ranked ✓' }] };
const METADATA_WIRE = { labels: { game: 'arena' }, annotations: { session_type: 'arena ranked ✓' } };

describe('createAllocation', () => {
  it('should POST the spec, name and metadata and answer the new Allocation', async () => {
    await using stack = await startStack();
    const { projectId } = await seededTarget(stack);

    const { result, errors } = await mutate(stack, 'createAllocation', { projectId, name: 'arena-us', spec: SPEC_INPUT, metadata: METADATA_INPUT });

    expect(errors).toBeUndefined();
    expect(result.__typename).toBe('CreateAllocationSuccess');
    expect(result.allocation).toMatchObject({
      projectId, name: 'arena-us', status: 'NEW', enabled: true,
      spec: { bufferSize: 2, minPayloads: 1, maxPayloads: 4, region: 'us-east', payloadSpec: { image: SPEC_INPUT.payloadSpec.image, ports: [
        { name: 'game', containerPort: 7777, policy: 'DYNAMIC', protocol: 'UDP' }, { name: 'query', containerPort: 0, policy: 'PASSTHROUGH', protocol: 'TCP' },
      ] } },
      metadata: { labels: [{ key: 'game', value: 'arena' }], annotations: [{ key: 'session_type', value: 'arena ranked ✓' }] },
    });
    expect(result.allocation.id).toBe(allocationGid(projectId, result.allocation.allocationId));
    expect(await upstream(stack)).toEqual([{
      method: 'POST', path: `${prefix(stack)}/projects/${projectId}/allocations`, query: '', status: 200,
      body: { spec: SPEC_WIRE, name: 'arena-us', metadata: METADATA_WIRE },
    }]);
  });

  it('should send only the spec when no name or metadata is given, and leave optional spec fields out', async () => {
    await using stack = await startStack();
    const { projectId } = await seededTarget(stack);
    const spec = { payloadSpec: { image: 'img:1', ports: [{ name: 'game', containerPort: 7777, protocol: 'TCPUDP' }] }, bufferSize: 0, minPayloads: 0, maxPayloads: 1, region: 'eu-west' };

    const { result } = await mutate(stack, 'createAllocation', { projectId, spec });

    expect(result.__typename).toBe('CreateAllocationSuccess');
    expect((await upstream(stack)).map((r) => r.body)).toEqual([{ spec: {
      payload_spec: { image: 'img:1', ports: [{ name: 'game', container_port: 7777, port_policy: 'DYNAMIC', protocol: 'TCPUDP' }] },
      buffer_size: 0, min_payloads: 0, max_payloads: 1, region: 'eu-west',
    } }]);
  });

  it('should answer ValidationError listing every problem, without calling either backend', async () => {
    await using stack = await startStack();
    const { projectId } = await seededTarget(stack);
    const spec = {
      payloadSpec: {
        image: ' ', ports: [{ name: 'game', protocol: 'UDP' }, { name: 'game', containerPort: 70000, protocol: 'UNKNOWN' }, { name: 'q', containerPort: 9, policy: 'PASSTHROUGH', protocol: 'TCP' }],
        resources: { memory: '100m' }, environment: [{ name: '1BAD', value: 'x' }],
      },
      bufferSize: -1, minPayloads: 5, maxPayloads: 0, region: 'eu west',
    };

    const { result, errors } = await mutate(stack, 'createAllocation', { projectId: 'a/../b', name: 'x'.repeat(300), spec, metadata: { labels: [{ key: '-bad', value: 'ok' }, { key: 'k', value: 'v' }, { key: 'k', value: 'w' }] } });

    expect(errors).toBeUndefined();
    expect(result.__typename).toBe('ValidationError');
    expect(result.fields.map((f: { field: string }) => f.field).sort()).toEqual([
      'input.metadata.labels[0].key', 'input.metadata.labels[2].key', 'input.name', 'input.projectId',
      'input.spec.bufferSize', 'input.spec.maxPayloads', 'input.spec.minPayloads', 'input.spec.payloadSpec.environment[0].name',
      'input.spec.payloadSpec.image', 'input.spec.payloadSpec.ports[0].containerPort', 'input.spec.payloadSpec.ports[1].containerPort',
      'input.spec.payloadSpec.ports[1].name', 'input.spec.payloadSpec.ports[1].protocol', 'input.spec.payloadSpec.ports[2].containerPort',
      'input.spec.payloadSpec.resources.memory', 'input.spec.region',
    ]);
    const byField = Object.fromEntries(result.fields.map((f: { field: string; message: string }) => [f.field, f.message]));
    expect(byField['input.spec.bufferSize']).toBe('expected an integer from 0 to 2147483647, received -1');
    expect(byField['input.spec.maxPayloads']).toBe('expected an integer from 1 to 2147483647, received 0');
    expect(byField['input.spec.minPayloads']).toBe('expected at most maxPayloads (0), received 5');
    expect(byField['input.spec.payloadSpec.ports[1].containerPort']).toBe('expected an integer from 1 to 65535, received 70000');
    expect(byField['input.spec.payloadSpec.ports[1].protocol']).toBe('expected one of UDP, TCP, TCPUDP, received UNKNOWN');
    expect(byField['input.projectId']).toContain('received "a/../b"');
    expect(byField['input.name']).toBe(`expected at most 256 characters, received 300: "${'x'.repeat(63)}…" (300 characters)`);
    await expectNoUpstreamCalls(stack);
  });

  it('should answer UPSTREAM_UNAVAILABLE (a GraphQL error) on a 5xx, sending the POST once', async () => {
    await using stack = await startStack();
    const { projectId } = await seededTarget(stack);
    await stack.control('orchestration', 'POST', 'faults', { method: 'POST', path: '/allocations$', status: 503 });

    const { result, errors } = await mutate(stack, 'createAllocation', { projectId, spec: SPEC_INPUT });

    expect(result).toBeNull();
    expect(errors?.map((e) => e.extensions?.code)).toEqual(['UPSTREAM_UNAVAILABLE']);
    expect((await upstream(stack)).map((r) => [r.method, r.status])).toEqual([['POST', 503]]);
  });
});

describe('updateAllocation', () => {
  it('should PUT the spec and name, send metadata null to clear it, and answer the updated Allocation', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result, errors } = await mutate(stack, 'updateAllocation', { projectId: t.projectId, allocationId: t.allocationId, name: 'renamed', spec: SPEC_INPUT, metadata: null });

    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'UpdateAllocationSuccess', allocation: { allocationId: t.allocationId, name: 'renamed', status: 'UPDATING', metadata: null, spec: { region: 'us-east' } } });
    expect(await upstream(stack)).toEqual([{
      method: 'PUT', path: `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}`, query: '', status: 200,
      body: { spec: SPEC_WIRE, name: 'renamed', metadata: null },
    }]);
  });

  it('should answer ValidationError for a blank name and a malformed id, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'updateAllocation', { projectId: t.projectId, allocationId: 'a b', name: '  ', spec: SPEC_INPUT });

    expect(result.__typename).toBe('ValidationError');
    expect(result.fields).toEqual([
      { field: 'input.allocationId', message: 'expected an allocation id: 1–256 visible ASCII characters without "/", "\\" or "..", and not ".", received "a b"' },
      { field: 'input.name', message: 'expected a non-empty string, received "  "' },
    ]);
    await expectNoUpstreamCalls(stack);
  });

  it('should answer ConflictError when the allocation is being deleted (409)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const ids = { projectId: t.projectId, allocationId: t.allocationId };
    expect((await mutate(stack, 'deleteAllocation', ids)).result.__typename).toBe('DeleteAllocationSuccess');
    await stack.resetLogs();

    const { result } = await mutate(stack, 'updateAllocation', { ...ids, name: 'late', spec: SPEC_INPUT });

    expect(result).toEqual({ __typename: 'ConflictError', message: `allocation ${t.allocationId} is being deleted`, validStates: [] });
    expect((await upstream(stack)).map((r) => [r.method, r.path, r.status])).toEqual([['PUT', `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}`, 409]]);
  });
});
