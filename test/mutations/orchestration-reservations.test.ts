import { describe, expect, it } from 'vitest';
import { graphiqlTabs } from '../../src/http/graphiql.ts';
import { startStack } from '../helpers/stack.ts';
import { expectNoUpstreamCalls, fault, mutate, prefix, seededTarget, upstream } from './orchestration-helpers.ts';

const allocationPath = (pre: string, t: { projectId: string; allocationId: string }) => `${pre}/projects/${t.projectId}/allocations/${t.allocationId}`;

describe('reservePayload', () => {
  it('should POST the ordered selectors and metadata, and answer address, ports and the payload (back-fill picks the Reserved one first)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const path = allocationPath(prefix(stack), t);

    const { result, errors } = await mutate(stack, 'reservePayload', {
      projectId: t.projectId, allocationId: t.allocationId,
      selectors: [{ matchLabels: [{ key: 'region', value: t.labels.region }], state: 'RESERVED' }, {}],
      payloadMetadata: { labels: [{ key: 'needs-backfill', value: 'false' }], annotations: [{ key: 'match_id', value: 'm-42 ✓' }] },
    });

    expect(errors).toBeUndefined();
    expect(result).toMatchObject({ __typename: 'ReservePayloadSuccess', payloadId: t.reserved, allocationId: t.allocationId, address: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/) });
    expect(result.ports).toEqual([{ name: 'game', port: expect.any(Number), protocol: 'UDP' }, { name: 'query', port: expect.any(Number), protocol: 'TCP' }]);
    expect(result.payload).toMatchObject({ payloadId: t.reserved, state: 'RESERVED' });
    expect(result.payload.labels).toContainEqual({ key: 'needs-backfill', value: 'false' });
    expect(result.payload.annotations).toContainEqual({ key: 'match_id', value: 'm-42 ✓' });
    expect(await upstream(stack)).toEqual([
      {
        method: 'POST', path: `${path}/reservations`, query: '', status: 200,
        body: {
          selectors: [{ match_labels: { region: t.labels.region }, payload_state: 'Reserved' }, { match_labels: {}, payload_state: 'Ready' }],
          payload_metadata: { labels: { 'needs-backfill': 'false' }, annotations: { match_id: 'm-42 ✓' } },
        },
      },
      { method: 'GET', path: `${path}/payloads/${t.reserved}`, query: '', body: null, status: 200 },
    ]);
  });

  it('should send an empty body without selectors, reserve a Ready payload, and not read the payload unless asked', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const answer = await stack.query(`mutation ($input: ReservePayloadInput!) {
      reservePayload(input: $input) { __typename ... on ReservePayloadSuccess { payloadId ports { name } } }
    }`, { input: { projectId: t.projectId, allocationId: t.allocationId } });

    expect(answer.data.reservePayload).toMatchObject({ __typename: 'ReservePayloadSuccess', payloadId: t.ready[0] });
    expect(await upstream(stack)).toEqual([{ method: 'POST', path: `${allocationPath(prefix(stack), t)}/reservations`, query: '', body: {}, status: 200 }]);
  });

  it('should answer NoPayloadAvailableError when no payload matches any selector (412)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result, errors } = await mutate(stack, 'reservePayload', {
      projectId: t.projectId, allocationId: t.allocationId, selectors: [{ matchLabels: [{ key: 'map', value: 'nowhere' }] }],
    });

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'NoPayloadAvailableError', message: 'no payload available that matches any of the selectors' });
    expect(await upstream(stack)).toEqual([{
      method: 'POST', path: `${allocationPath(prefix(stack), t)}/reservations`, query: '', status: 412,
      body: { selectors: [{ match_labels: { map: 'nowhere' }, payload_state: 'Ready' }] },
    }]);
  });

  it('should answer ValidationError for a state no reservation can match and bad labels, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'reservePayload', {
      projectId: t.projectId, allocationId: t.allocationId,
      selectors: [{ state: 'SHUTDOWN' }, { matchLabels: [{ key: 'a', value: '1' }, { key: 'a', value: '2' }, { key: 'x'.repeat(60), value: '' }] }],
      payloadMetadata: { labels: [{ key: 'ok', value: 'not ok' }] },
    });

    expect(result.__typename).toBe('ValidationError');
    expect(result.fields.map((f: { field: string }) => f.field)).toEqual([
      'input.selectors[0].state', 'input.selectors[1].matchLabels[1].key', 'input.selectors[1].matchLabels[2].key', 'input.payloadMetadata.labels[0].value',
    ]);
    expect(result.fields[0].message).toBe('expected one of READY, RESERVED, received SHUTDOWN');
    expect(result.fields[1].message).toBe('expected each label key once, received "a" again');
    await expectNoUpstreamCalls(stack);
  });
});

describe('the "reserve a payload" GraphiQL example', () => {
  it('should reserve a payload as written', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const example = graphiqlTabs(undefined).map((tab) => tab.query).find((q) => q.includes('mutation ReservePayload'));

    const answer = await stack.query(example!, { projectId: t.projectId, allocationId: t.allocationId });

    expect(answer.errors).toBeUndefined();
    expect(answer.data.reservePayload).toMatchObject({ __typename: 'ReservePayloadSuccess', payload: { state: 'RESERVED' } });
    expect(answer.data.reservePayload.payload.labels).toContainEqual({ key: 'needs-backfill', value: 'false' });
  });
});

describe('releaseReservation', () => {
  it('should DELETE the reservation and answer the payload read again, back in READY', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const path = allocationPath(prefix(stack), t);

    const { result } = await mutate(stack, 'releaseReservation', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.reserved });

    expect(result).toMatchObject({ __typename: 'ReleaseReservationSuccess', payload: { payloadId: t.reserved, state: 'READY' } });
    expect(await upstream(stack)).toEqual([
      { method: 'DELETE', path: `${path}/reservations/${t.reserved}`, query: '', body: null, status: 200 },
      { method: 'GET', path: `${path}/payloads/${t.reserved}`, query: '', body: null, status: 200 },
    ]);
  });

  it('should answer ConflictError for a payload that is not Reserved (409)', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'releaseReservation', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.ready[0] });

    expect(result).toEqual({ __typename: 'ConflictError', message: `payload ${t.ready[0]} is Ready, not Reserved`, validStates: [] });
    expect(await upstream(stack)).toEqual([{ method: 'DELETE', path: `${allocationPath(prefix(stack), t)}/reservations/${t.ready[0]}`, query: '', body: null, status: 409 }]);
  });

  it('should answer ConflictError, not NoPayloadAvailableError or INTERNAL, for a 412 outside reservations', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);
    const path = `${allocationPath(prefix(stack), t)}/reservations/${t.reserved}`;
    await fault(stack, 'DELETE', path, 412, 'precondition failed');

    const { result, errors } = await mutate(stack, 'releaseReservation', { projectId: t.projectId, allocationId: t.allocationId, payloadId: t.reserved });

    expect(errors).toBeUndefined();
    expect(result).toEqual({ __typename: 'ConflictError', message: 'precondition failed', validStates: [] });
  });

  it('should answer ValidationError for a missing payload id, without calling either backend', async () => {
    await using stack = await startStack();
    const t = await seededTarget(stack);

    const { result } = await mutate(stack, 'releaseReservation', { projectId: t.projectId, allocationId: t.allocationId, payloadId: '' });

    expect(result.fields).toEqual([{ field: 'input.payloadId', message: 'expected a payload id: 1–256 visible ASCII characters without "/", "\\" or "..", and not ".", received ""' }]);
    await expectNoUpstreamCalls(stack);
  });
});
