import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { api, memberProject, mutate, principal } from './waldur-fixtures.ts';

const ADDED = '... on AddProjectMemberSuccess { userUuid role expirationTime project { uuid members { nodes { userUuid role } } } }';
const REMOVED = '... on RemoveProjectMemberSuccess { userUuid role project { members { nodes { userUuid role } } } }';

describe('Waldur project member mutations', () => {
  let stack: Stack;
  let projectUuid: string;
  /** A user outside the project; granting them roles leaves the `nobody` principal an outsider for the error tests. */
  let userUuid: string;
  beforeAll(async () => {
    stack = await startStack();
    projectUuid = (await memberProject(stack)).uuid;
    userUuid = principal(stack, 'provider').userUuid;
  });
  afterAll(() => stack[Symbol.asyncDispose]());

  it('should grant a role with Waldur\'s role name and the user\'s uuid, then read the project\'s members', async () => {
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    const input = { projectUuid, userUuid, role: 'ADMIN', expirationTime: expires };
    const { result, errors, calls } = await mutate(stack, 'addProjectMember', input, ADDED, 'owner');
    expect(errors).toBeUndefined();
    expect(calls[0]).toEqual({ method: 'POST', path: api(`projects/${projectUuid}/add_user/`), body: { role: 'PROJECT.ADMIN', user: userUuid, expiration_time: expires } });
    // Then the project and its members, read after the change because the operation selects them.
    expect(calls.slice(1).map((c) => `${c.method} ${c.path}`).sort()).toEqual([`GET ${api(`projects/${projectUuid}/`)}`, `GET ${api(`projects/${projectUuid}/list_users/`)}`]);
    expect(result).toMatchObject({ __typename: 'AddProjectMemberSuccess', userUuid, role: 'ADMIN', project: { uuid: projectUuid } });
    expect(Date.parse(result.expirationTime)).toBe(Date.parse(expires));
    expect(result.project.members.nodes).toContainEqual({ userUuid, role: 'PROJECT.ADMIN' });
  });

  it('should turn a duplicate grant (400 non_field_errors) into a ValidationError on the input as a whole', async () => {
    const input = { projectUuid, userUuid, role: 'MEMBER' };
    expect((await mutate(stack, 'addProjectMember', input, ADDED, 'owner')).result.__typename).toBe('AddProjectMemberSuccess');
    const { result, calls } = await mutate(stack, 'addProjectMember', input, ADDED, 'owner');
    expect(calls).toEqual([{ method: 'POST', path: api(`projects/${projectUuid}/add_user/`), body: { role: 'PROJECT.MEMBER', user: userUuid } }]);
    expect(result).toEqual({
      __typename: 'ValidationError', message: 'Waldur rejected the input: _: User has already the same role in this scope.',
      fields: [{ field: '_', message: 'User has already the same role in this scope.' }],
    });
  });

  it('should revoke a role (idempotently) and read the members after the change', async () => {
    const input = { projectUuid, userUuid, role: 'MANAGER' };
    await mutate(stack, 'addProjectMember', input, '', 'owner');
    const { result, calls } = await mutate(stack, 'removeProjectMember', input, REMOVED, 'owner');
    expect(calls[0]).toEqual({ method: 'POST', path: api(`projects/${projectUuid}/delete_user/`), body: { role: 'PROJECT.MANAGER', user: userUuid } });
    expect(result).toMatchObject({ __typename: 'RemoveProjectMemberSuccess', userUuid, role: 'MANAGER' });
    expect(result.project.members.nodes).not.toContainEqual({ userUuid, role: 'PROJECT.MANAGER' });
    const again = await mutate(stack, 'removeProjectMember', input, REMOVED, 'owner');
    expect(again.result.__typename).toBe('RemoveProjectMemberSuccess');
  });

  it('should name the user field for an unknown user, answer ForbiddenError for a member and NotFoundError for an outsider', async () => {
    const unknown = await mutate(stack, 'addProjectMember', { projectUuid, userUuid: 'f'.repeat(32), role: 'MEMBER' }, '', 'owner');
    expect(unknown.result.fields).toEqual([{ field: 'userUuid', message: 'User is not found.' }]);
    const member = await mutate(stack, 'addProjectMember', { projectUuid, userUuid, role: 'ADMIN' }, '', 'member');
    expect(member.result.__typename).toBe('ForbiddenError');
    expect((await mutate(stack, 'removeProjectMember', { projectUuid, userUuid, role: 'ADMIN' }, '', 'member')).result.__typename).toBe('ForbiddenError');
    expect((await mutate(stack, 'addProjectMember', { projectUuid, userUuid, role: 'ADMIN' }, '', 'nobody')).result.__typename).toBe('NotFoundError');
    const outsider = await mutate(stack, 'removeProjectMember', { projectUuid, userUuid, role: 'ADMIN' }, '', 'nobody');
    expect(outsider.result.__typename).toBe('NotFoundError');
    expect(outsider.calls).toEqual([{ method: 'POST', path: api(`projects/${projectUuid}/delete_user/`), body: { role: 'PROJECT.ADMIN', user: userUuid } }]);
  });

  it('should reject bad uuids, a past expiry and an unknown role without calling Waldur', async () => {
    const { result, calls } = await mutate(stack, 'addProjectMember', {
      projectUuid: 'my-project', userUuid: `${userUuid}0`, role: 'MEMBER', expirationTime: '2020-01-01T00:00:00Z',
    }, '', 'owner');
    expect(calls).toEqual([]);
    expect(result.fields).toEqual([
      { field: 'projectUuid', message: 'expected a Waldur UUID (32 hex digits, dashes optional), received "my-project"' },
      { field: 'userUuid', message: `expected a Waldur UUID (32 hex digits, dashes optional), received "${userUuid}0"` },
      { field: 'expirationTime', message: 'expected a time in the future, received "2020-01-01T00:00:00Z"' },
    ]);
    const role = await mutate(stack, 'addProjectMember', { projectUuid, userUuid, role: 'PROJECT.OWNER' }, '', 'owner');
    expect(role.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(role.calls).toEqual([]);
  });
});
