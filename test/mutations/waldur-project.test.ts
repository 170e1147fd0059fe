import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, link, memberProject, mutate, rest } from './waldur-fixtures.ts';

const PROJECT = (type: string) => `... on ${type}Success { project { uuid name description startDate endDate kind oecdFos2007Code customer { uuid } } }`;

describe('Waldur project mutations', () => {
  let stack: Stack;
  let customerUuid: string;
  beforeAll(async () => {
    stack = await startStack();
    customerUuid = (await memberProject(stack)).customer_uuid;
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  it('should create a project in a customer given by uuid (sent as the customer URL), trimmed', async () => {
    const input = { customerUuid, name: '  Speedrun lab ', description: 'Frames per second.', endDate: '2030-12-31', kind: 'COURSE', oecdFos2007Code: '1.2' };
    const { result, errors, calls } = await mutate(stack, 'createProject', input, PROJECT('CreateProject'), 'owner');
    expect(errors).toBeUndefined();
    expect(calls).toEqual([{
      method: 'POST', path: api('projects/'),
      body: { name: 'Speedrun lab', description: 'Frames per second.', end_date: '2030-12-31', kind: 'course', oecd_fos_2007_code: '1.2', customer: link(stack, `customers/${customerUuid}/`) },
    }]);
    expect(result.project).toMatchObject({ name: 'Speedrun lab', endDate: '2030-12-31', kind: 'course', customer: { uuid: customerUuid } });
  });

  it('should reject bad project input itself: blank or long name, bad uuid, impossible dates, unknown code', async () => {
    const { result, calls } = await mutate(stack, 'createProject', {
      customerUuid: 'customer-1', name: ' ', startDate: '2030-01-10', endDate: '2030-01-01', oecdFos2007Code: '9.9', backendId: 'b'.repeat(256),
    }, '', 'owner');
    expect(calls).toEqual([]);
    expect(result.fields).toEqual([
      { field: 'customerUuid', message: 'expected a Waldur UUID (32 hex digits, dashes optional), received "customer-1"' },
      { field: 'name', message: 'expected a non-blank text, received " "' },
      { field: 'backendId', message: 'expected at most 255 characters, received 256' },
      { field: 'oecdFos2007Code', message: expect.stringMatching(/^expected one of 1\.1, 1\.2, .*, received "9\.9"$/) },
      { field: 'endDate', message: 'expected a date on or after startDate 2030-01-10, received "2030-01-01"' },
    ]);
    const long = await mutate(stack, 'createProject', { customerUuid, name: 'é'.repeat(501) }, '', 'owner');
    expect(long.result.fields).toEqual([{ field: 'name', message: 'expected at most 500 characters, received 501' }]);
    expect(long.calls).toEqual([]);
  });

  it('should pass backendId on as Waldur allows it (owners may write it): by default it links nothing', async () => {
    const owner = await mutate(stack, 'createProject', { customerUuid, name: 'Own backend id', backendId: 'crm-4711' }, PROJECT('CreateProject'), 'owner');
    expect(owner.errors).toBeUndefined();
    expect(owner.calls.map((c: any) => `${c.method} ${c.path}`)).toEqual(['POST /api/projects/']);
    expect(owner.calls[0].body).toMatchObject({ backend_id: 'crm-4711' });
  });

  it('should let only staff set backendId where the operator trusts it as the orchestration link (LINK_TRUST_PROJECT_FIELD)', async () => {
    await using trusting = await startStack({ env: { LINK_TRUST_PROJECT_FIELD: 'backend_id' } });
    const owner = await mutate(trusting, 'createProject', { customerUuid, name: 'Borrowed link', backendId: 'someone-elses-project' }, '', 'owner');
    expect(owner.result).toMatchObject({ __typename: 'ForbiddenError', message: expect.stringContaining('Only staff may set backendId') });
    expect(owner.calls.map((c: any) => `${c.method} ${c.path}`)).toEqual(['GET /api/users/me/']);
    const staff = await mutate(trusting, 'createProject', { customerUuid, name: 'Linked by staff', backendId: 'arena-ops-000001' }, PROJECT('CreateProject'), 'staff');
    expect(staff.errors).toBeUndefined();
    expect(staff.calls.map((c: any) => `${c.method} ${c.path}`)).toEqual(['GET /api/users/me/', 'POST /api/projects/']);
    expect(staff.calls[1].body).toMatchObject({ backend_id: 'arena-ops-000001' });
  });

  it('should answer ForbiddenError when the caller may not create projects in a customer it sees', async () => {
    const { result, calls } = await mutate(stack, 'createProject', { customerUuid, name: 'Not mine' }, '', 'member');
    expect(calls).toHaveLength(1);
    expect(result.__typename).toBe('ForbiddenError');
  });

  it('should answer ValidationError (bare-list 400) for an archived customer and name the customer field for an invisible one', async () => {
    const archived = (await rest<any[]>(stack, 'staff', 'customers/?archived=true'))[0];
    const staff = await mutate(stack, 'createProject', { customerUuid: archived.uuid, name: 'Late' }, '', 'staff');
    expect(staff.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: 'Archived organization is not available.' }] });
    const nobody = await mutate(stack, 'createProject', { customerUuid, name: 'Sneaky' }, '', 'nobody');
    expect(nobody.result.fields).toEqual([{ field: 'customerUuid', message: 'Invalid hyperlink - Object does not exist.' }]);
  });

  it('should PATCH only the given fields, clear a date with null, and refuse an empty change', async () => {
    const created = await mutate(stack, 'createProject', { customerUuid, name: 'Patchable', startDate: '2030-01-01' }, PROJECT('CreateProject'), 'owner');
    const uuid = created.result.project.uuid;
    const { result, calls } = await mutate(stack, 'updateProject', { uuid, description: 'Now with notes', startDate: null }, PROJECT('UpdateProject'), 'owner');
    expect(calls).toEqual([{ method: 'PATCH', path: api(`projects/${uuid}/`), body: { description: 'Now with notes', start_date: null } }]);
    expect(result.project).toMatchObject({ uuid, name: 'Patchable', description: 'Now with notes', startDate: null });
    const empty = await mutate(stack, 'updateProject', { uuid }, '', 'owner');
    expect(empty.result.fields).toEqual([{ field: '_', message: expect.stringMatching(/^expected at least one of name, description, .* to change, received none$/) }]);
    const nullName = await mutate(stack, 'updateProject', { uuid, name: null, isIndustry: null }, '', 'owner');
    expect(nullName.result.fields.map((f: any) => f.field)).toEqual(['name', 'isIndustry']);
    expect([...empty.calls, ...nullName.calls]).toEqual([]);
  });

  it('should answer NotFoundError for a caller who cannot see the project and ForbiddenError for a member', async () => {
    const project = await memberProject(stack);
    const nobody = await mutate(stack, 'updateProject', { uuid: project.uuid, name: 'Mine now' }, '', 'nobody');
    expect(nobody.result).toEqual({ __typename: 'NotFoundError', message: 'No Project matches the given query.' });
    expect(nobody.calls).toEqual([{ method: 'PATCH', path: api(`projects/${project.uuid}/`), body: { name: 'Mine now' } }]);
    const member = await mutate(stack, 'updateProject', { uuid: project.uuid, name: 'Mine now' }, '', 'member');
    expect(member.result.__typename).toBe('ForbiddenError');
  });

  it('should delete an empty project and return its uuid', async () => {
    const created = await mutate(stack, 'createProject', { customerUuid, name: 'Short-lived' }, PROJECT('CreateProject'), 'owner');
    const uuid = created.result.project.uuid;
    const { result, calls } = await mutate(stack, 'deleteProject', { uuid }, '... on DeleteProjectSuccess { deletedUuid }', 'owner');
    expect(calls).toEqual([{ method: 'DELETE', path: api(`projects/${uuid}/`) }]);
    expect(result).toEqual({ __typename: 'DeleteProjectSuccess', deletedUuid: uuid });
    const gone = await mutate(stack, 'deleteProject', { uuid }, '', 'owner');
    expect(gone.result.__typename).toBe('NotFoundError');
  });

  it('should refuse to delete a project with active resources (ValidationError), for a member (ForbiddenError), bad uuid (no call)', async () => {
    const project = await memberProject(stack);
    const active = await mutate(stack, 'deleteProject', { uuid: project.uuid }, '', 'owner');
    expect(active.result).toMatchObject({ __typename: 'ValidationError', fields: [{ field: '_', message: expect.stringMatching(/^Project contains active resources/) }] });
    const member = await mutate(stack, 'deleteProject', { uuid: project.uuid }, '', 'member');
    expect(member.result.__typename).toBe('ForbiddenError');
    const bad = await mutate(stack, 'deleteProject', { uuid: `${project.uuid}/../x` }, '', 'owner');
    expect(bad.result.__typename).toBe('ValidationError');
    expect(bad.calls).toEqual([]);
  });
});
