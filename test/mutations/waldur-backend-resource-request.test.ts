import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, mutate, OFFERINGS, offering } from './waldur-fixtures.ts';

const REQUEST = (type: string) => `... on ${type}Success { backendResourceRequest { uuid state started finished errorMessage offering { uuid name } } }`;

describe('Waldur backend resource request mutations', () => {
  let stack: Stack;
  let offeringUuid: string;
  beforeAll(async () => {
    stack = await startStack();
    offeringUuid = (await offering(stack, OFFERINGS.slurm)).uuid;
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  const create = async () => (await mutate(stack, 'createBackendResourceRequest', { offeringUuid }, REQUEST('CreateBackendResourceRequest'), 'provider')).result.backendResourceRequest.uuid as string;

  it('should create a request with the offering\'s uuid (not its URL), as Waldur takes it', async () => {
    const { result, errors, calls } = await mutate(stack, 'createBackendResourceRequest', { offeringUuid }, REQUEST('CreateBackendResourceRequest'), 'provider');
    expect(errors).toBeUndefined();
    expect(calls).toEqual([{ method: 'POST', path: api('backend-resource-requests/'), body: { offering: offeringUuid } }]);
    expect(result.backendResourceRequest).toMatchObject({ state: 'SENT', started: null, finished: null, offering: { uuid: offeringUuid, name: OFFERINGS.slurm } });
  });

  it('should start, then complete a request, reading it again after each step', async () => {
    const uuid = await create();
    const started = await mutate(stack, 'startBackendResourceRequest', { uuid }, REQUEST('StartBackendResourceRequest'), 'provider');
    expect(started.calls).toEqual([
      { method: 'POST', path: api(`backend-resource-requests/${uuid}/start_processing/`) },
      { method: 'GET', path: api(`backend-resource-requests/${uuid}/`) },
    ]);
    expect(started.result.backendResourceRequest).toMatchObject({ uuid, state: 'PROCESSING', finished: null });
    expect(started.result.backendResourceRequest.started).toMatch(/^\d{4}-/);
    const done = await mutate(stack, 'completeBackendResourceRequest', { uuid }, REQUEST('CompleteBackendResourceRequest'), 'provider');
    expect(done.calls[0]).toEqual({ method: 'POST', path: api(`backend-resource-requests/${uuid}/set_done/`) });
    expect(done.result.backendResourceRequest.state).toBe('DONE');
  });

  it('should fail a request with the agent\'s error message and traceback', async () => {
    const uuid = await create();
    const { result, calls } = await mutate(stack, 'failBackendResourceRequest', { uuid, errorMessage: 'agent down', errorTraceback: 'Traceback …' }, REQUEST('FailBackendResourceRequest'), 'provider');
    expect(calls[0]).toEqual({ method: 'POST', path: api(`backend-resource-requests/${uuid}/set_erred/`), body: { error_message: 'agent down', error_traceback: 'Traceback …' } });
    expect(result.backendResourceRequest).toMatchObject({ state: 'ERRED', errorMessage: 'agent down' });
  });

  it('should answer ConflictError with the valid states for a step out of order', async () => {
    const uuid = await create();
    const { result } = await mutate(stack, 'completeBackendResourceRequest', { uuid }, '', 'provider');
    expect(result).toEqual({ __typename: 'ConflictError', message: 'Valid states for operation: Processing.', validStates: ['Processing'] });
  });

  it('should answer ForbiddenError to a caller who is neither staff nor the provider, and NotFoundError for an invisible request', async () => {
    const forbidden = await mutate(stack, 'createBackendResourceRequest', { offeringUuid }, '', 'nobody');
    expect(forbidden.result.__typename).toBe('ForbiddenError');
    const uuid = await create();
    const hidden = await mutate(stack, 'startBackendResourceRequest', { uuid }, '', 'nobody');
    expect(hidden.result.__typename).toBe('NotFoundError');
    expect(hidden.calls).toEqual([{ method: 'POST', path: api(`backend-resource-requests/${uuid}/start_processing/`) }]);
  });

  it('should name the offering field when Waldur does not know the offering, and reject a bad uuid itself', async () => {
    const unknown = await mutate(stack, 'createBackendResourceRequest', { offeringUuid: '0'.repeat(32) }, '', 'staff');
    expect(unknown.result.__typename).toBe('ValidationError');
    expect(unknown.result.fields[0].field).toBe('offeringUuid');
    const bad = await mutate(stack, 'failBackendResourceRequest', { uuid: 'nope', errorMessage: 'a\u0000b' }, '', 'staff');
    expect(bad.calls).toEqual([]);
    expect(bad.result.fields.map((f: any) => f.field)).toEqual(['uuid', 'errorMessage']);
  });
});
