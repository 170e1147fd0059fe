import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { allocationGid } from '../orchestration/helpers.ts';
import { expectNoUpstreamCalls, mutate, prefix, seededTarget, upstream } from './orchestration-helpers.ts';

/** deleteAllocation, setAllocationEnabled, updateAllocationImage (createAllocation and updateAllocation: orchestration-allocations.test.ts). */
describe('deleteAllocation', () => {
  it('should DELETE the allocation and answer its global id', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'deleteAllocation', { projectId: t.projectId, allocationId: t.allocationId });

    expect(result).toEqual({ __typename: 'DeleteAllocationSuccess', deletedId: allocationGid(t.projectId, t.allocationId), allocationId: t.allocationId });
    expect(await upstream(stack)).toEqual([{ method: 'DELETE', path: `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}`, query: '', body: null, status: 200 }]);
  });

  it('should answer ValidationError for ids that could change the route, without calling either backend', async () => {
    await using stack = await startStack();

    const { result } = await mutate(stack, 'deleteAllocation', { projectId: '..', allocationId: 'x/../../y' });

    expect(result.__typename).toBe('ValidationError');
    expect(result.fields.map((f: { field: string }) => f.field)).toEqual(['input.projectId', 'input.allocationId']);
    await expectNoUpstreamCalls(stack);
  });
});

describe('setAllocationEnabled', () => {
  it('should PUT {enabled} and answer the allocation read again', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const path = `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}`;

    const { result } = await mutate(stack, 'setAllocationEnabled', { projectId: t.projectId, allocationId: t.allocationId, enabled: false });

    expect(result).toMatchObject({ __typename: 'SetAllocationEnabledSuccess', allocation: { allocationId: t.allocationId, enabled: false, status: 'DRAINING' } });
    expect(await upstream(stack)).toEqual([
      { method: 'PUT', path: `${path}/enabled`, query: '', body: { enabled: false }, status: 200 },
      { method: 'GET', path, query: '', body: null, status: 200 },
    ]);
  });

  it('should answer ValidationError for an empty project id, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'setAllocationEnabled', { projectId: '', allocationId: t.allocationId, enabled: true });

    expect(result.fields).toEqual([{ field: 'input.projectId', message: 'expected an Orchestration project id: 1–256 visible ASCII characters without "/", "\\" or "..", and not ".", received ""' }]);
    await expectNoUpstreamCalls(stack);
  });

  it('should answer ConflictError when the allocation is being deleted (409)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const ids = { projectId: t.projectId, allocationId: t.allocationId };
    await mutate(stack, 'deleteAllocation', ids);
    await stack.resetLogs();

    const { result } = await mutate(stack, 'setAllocationEnabled', { ...ids, enabled: true });

    expect(result.__typename).toBe('ConflictError');
    expect(await upstream(stack)).toEqual([{ method: 'PUT', path: `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}/enabled`, query: '', body: { enabled: true }, status: 409 }]);
  });
});

describe('updateAllocationImage', () => {
  it('should PUT {image} and answer the allocation read again', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const path = `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}`;

    const { result } = await mutate(stack, 'updateAllocationImage', { projectId: t.projectId, allocationId: t.allocationId, image: 'registry.ims.io/games/arena:3.0.0' });

    expect(result).toMatchObject({ __typename: 'UpdateAllocationImageSuccess', allocation: { status: 'UPDATING', spec: { payloadSpec: { image: 'registry.ims.io/games/arena:3.0.0' } } } });
    expect(await upstream(stack)).toEqual([
      { method: 'PUT', path: `${path}/image`, query: '', body: { image: 'registry.ims.io/games/arena:3.0.0' }, status: 200 },
      { method: 'GET', path, query: '', body: null, status: 200 },
    ]);
  });

  it('should answer ValidationError for an empty or spaced image, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    for (const [image, message] of [['', 'expected a non-empty string, received ""'], ['arena 1.0', 'expected no whitespace, received "arena 1.0"']]) {
      const { result } = await mutate(stack, 'updateAllocationImage', { projectId: t.projectId, allocationId: t.allocationId, image });
      expect(result.fields).toEqual([{ field: 'input.image', message }]);
    }
    await expectNoUpstreamCalls(stack);
  });

  it('should answer ConflictError when the allocation is being deleted (409)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const ids = { projectId: t.projectId, allocationId: t.allocationId };
    await mutate(stack, 'deleteAllocation', ids);
    await stack.resetLogs();

    const { result } = await mutate(stack, 'updateAllocationImage', { ...ids, image: 'img:2' });

    expect(result.__typename).toBe('ConflictError');
    expect(await upstream(stack)).toEqual([{ method: 'PUT', path: `${prefix(stack)}/projects/${t.projectId}/allocations/${t.allocationId}/image`, query: '', body: { image: 'img:2' }, status: 409 }]);
  });
});
