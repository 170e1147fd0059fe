import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { payloadGid } from '../orchestration/helpers.ts';
import { expectNoUpstreamCalls, mutate, prefix, seededTarget, upstream } from './orchestration-helpers.ts';

const payloadPath = (pre: string, t: { projectId: string; allocationId: string }, id: string) =>
  `${pre}/projects/${t.projectId}/allocations/${t.allocationId}/payloads/${id}`;

describe('deletePayload', () => {
  it('should DELETE a Ready payload without force_delete and answer its global id', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const payloadId = t.ready[0];

    const { result } = await mutate(stack, 'deletePayload', { projectId: t.projectId, allocationId: t.allocationId, payloadId });

    expect(result).toEqual({ __typename: 'DeletePayloadSuccess', deletedId: payloadGid(t.projectId, t.allocationId, payloadId), payloadId, forced: false });
    expect(await upstream(stack)).toEqual([{ method: 'DELETE', path: payloadPath(prefix(stack), t, payloadId), query: '', body: null, status: 200 }]);
  });

  it('should answer ConflictError for a Reserved payload without force (409), and delete it with force_delete=true', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const input = { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.reserved };
    const path = payloadPath(prefix(stack), t, t.reserved);

    const refused = await mutate(stack, 'deletePayload', input);
    const forced = await mutate(stack, 'deletePayload', { ...input, force: true });

    expect(refused.result).toEqual({ __typename: 'ConflictError', message: `payload ${t.reserved} is Reserved; set force_delete=true to delete it`, validStates: [] });
    expect(forced.result).toMatchObject({ __typename: 'DeletePayloadSuccess', payloadId: t.reserved, forced: true });
    expect(await upstream(stack)).toEqual([
      { method: 'DELETE', path, query: '', body: null, status: 409 },
      { method: 'DELETE', path, query: 'force_delete=true', body: null, status: 200 },
    ]);
  });

  it('should answer ValidationError for a payload id with "/", without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'deletePayload', { projectId: t.projectId, allocationId: t.allocationId, payloadId: `${t.ready[0]}/../x`, force: true });

    expect(result.fields).toEqual([{ field: 'input.payloadId', message: `expected a payload id: 1–256 visible ASCII characters without "/", "\\" or "..", and not ".", received "${t.ready[0]}/../x"` }]);
    await expectNoUpstreamCalls(stack);
  });
});

describe('setPayloadLabel', () => {
  it('should PUT {key, value} and answer the payload read again', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const payloadId = t.ready[0];
    const path = payloadPath(prefix(stack), t, payloadId);

    const { result } = await mutate(stack, 'setPayloadLabel', { projectId: t.projectId, allocationId: t.allocationId, payloadId, key: 'needs-backfill', value: 'true' });

    expect(result).toMatchObject({ __typename: 'SetPayloadLabelSuccess', payload: { payloadId, state: 'READY', id: payloadGid(t.projectId, t.allocationId, payloadId) } });
    expect(result.payload.labels).toContainEqual({ key: 'needs-backfill', value: 'true' });
    expect(await upstream(stack)).toEqual([
      { method: 'PUT', path: `${path}/metadata/label`, query: '', body: { key: 'needs-backfill', value: 'true' }, status: 200 },
      { method: 'GET', path, query: '', body: null, status: 200 },
    ]);
  });

  it('should answer ValidationError naming the §7 rules for a bad key and value, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'setPayloadLabel', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.ready[0], key: 'team-', value: 'é'.repeat(10) });

    expect(result.__typename).toBe('ValidationError');
    expect(result.fields.map((f: { field: string }) => f.field)).toEqual(['input.key', 'input.value']);
    expect(result.fields[0].message).toMatch(/^expected a label key of 1–59 characters .* received "team-"$/);
    expect(result.fields[1].message).toMatch(/^expected a label value: empty, or 1–63 characters .* received "éééééééééé"$/);
    await expectNoUpstreamCalls(stack);
  });
});

describe('setPayloadAnnotation', () => {
  it('should PUT any annotation value as given and answer the payload read again', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const payloadId = t.ready[1];
    const value = 'mode: ctf\nmap: "dust/2" ✓ 🎮';
    const path = payloadPath(prefix(stack), t, payloadId);

    const { result } = await mutate(stack, 'setPayloadAnnotation', { projectId: t.projectId, allocationId: t.allocationId, payloadId, key: 'match.settings', value });

    expect(result.__typename).toBe('SetPayloadAnnotationSuccess');
    expect(result.payload.annotations).toContainEqual({ key: 'match.settings', value });
    expect(await upstream(stack)).toEqual([
      { method: 'PUT', path: `${path}/metadata/annotation`, query: '', body: { key: 'match.settings', value }, status: 200 },
      { method: 'GET', path, query: '', body: null, status: 200 },
    ]);
  });

  it('should answer ValidationError for a bad key or a value with an unpaired surrogate, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'setPayloadAnnotation', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.ready[0], key: 'a b', value: 'half \ud83c' });

    expect(result.fields.map((f: { field: string; message: string }) => [f.field, f.message.split(',')[0]])).toEqual([
      ['input.key', 'expected an annotation key of 1–59 characters that starts and ends with a letter or digit and has only letters'],
      ['input.value', 'expected well-formed Unicode text'],
    ]);
    await expectNoUpstreamCalls(stack);
  });
});
