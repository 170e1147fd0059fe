import { currentUser, type Call } from '../api/call.ts';
import { listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { nonFieldErrors, permissionDenied } from '../http/errors.ts';
import { empty, json } from '../http/types.ts';
import type { Project, ProjectRole, ProjectRoleName, User } from '../model.ts';
import { projectUserList } from '../filters/project-users.ts';
import { runtimeRandom } from '../random.ts';
import { findProjectRole } from '../roles.ts';
import { isoDateTime, nowMicros, type Micros } from '../time.ts';
import { findProject } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

interface RoleRequest {
  project: Project;
  user: User;
  role: ProjectRoleName;
  expirationTime: Micros | null | undefined;
}

/** UserRoleCreate/Delete/UpdateRequest: `{role: name or uuid, user: uuid, expiration_time?}`. */
function readRoleRequest(call: Call, uuid: string): RoleRequest {
  const project = findProject(call, uuid);
  // Owners and staff manage every role; project managers may manage the other members.
  if (!call.scope.can(project, 'PROJECT.MANAGER')) throw permissionDenied();
  const form = new BodyForm(call.req.body);
  const roleName = form.string('role', { required: true, allowBlank: false });
  const userUuid = form.uuid('user', { required: true });
  const expirationTime = form.dateTime('expiration_time', { nullable: true });
  const role = roleName ? findProjectRole(roleName) : undefined;
  if (roleName && !role) form.fail('role', 'Role is not found.');
  const user = userUuid ? call.store.users.get(userUuid) : undefined;
  if (userUuid && !user) form.fail('user', 'User is not found.');
  if (typeof expirationTime === 'number' && expirationTime < nowMicros()) {
    form.fail('expiration_time', 'Expiration time should be greater than current time.');
  }
  form.check();
  if (user!.uuid === currentUser(call).uuid && !call.scope.isStaff) throw nonFieldErrors('User can not manage own role.');
  return { project, user: user!, role: role!.name, expirationTime };
}

const heldRoles = (call: Call, request: RoleRequest): ProjectRole[] =>
  call.store.rolesInProject(request.project.uuid).filter((role) => role.userUuid === request.user.uuid && role.role === request.role);

function addUser(call: Call, uuid: string) {
  const request = readRoleRequest(call, uuid);
  if (heldRoles(call, request).length > 0) throw nonFieldErrors('User has already the same role in this scope.');
  const expirationTime = request.expirationTime ?? null;
  call.store.addRole({
    uuid: runtimeRandom.uuidHex(), projectUuid: request.project.uuid, userUuid: request.user.uuid, role: request.role,
    created: nowMicros(), expirationTime, createdByUuid: currentUser(call).uuid,
  });
  return json(201, { expiration_time: isoDateTime(expirationTime) });
}

/** Idempotent: revoking a role the user does not hold is a silent no-op. */
function deleteUser(call: Call, uuid: string) {
  const request = readRoleRequest(call, uuid);
  for (const role of heldRoles(call, request)) call.store.removeRole(role);
  return empty(200);
}

function updateUser(call: Call, uuid: string) {
  const request = readRoleRequest(call, uuid);
  const [role] = heldRoles(call, request);
  if (!role) throw nonFieldErrors('User does not have the same role in this scope.');
  role.expirationTime = request.expirationTime ?? null;
  return json(200, { expiration_time: isoDateTime(role.expirationTime) });
}

const activeRoles = (call: Call, projectUuid: string) => {
  const now = nowMicros();
  return call.store.rolesInProject(projectUuid).filter((role) => role.expirationTime === null || role.expirationTime > now);
};

export const projectMemberRoutes: RouteDefinition[] = [
  { path: '/api/projects/:uuid/add_user/', methods: { POST: (call, [uuid]) => addUser(call, uuid) } },
  { path: '/api/projects/:uuid/delete_user/', methods: { POST: (call, [uuid]) => deleteUser(call, uuid) } },
  { path: '/api/projects/:uuid/update_user/', methods: { POST: (call, [uuid]) => updateUser(call, uuid) } },
  {
    path: '/api/projects/:uuid/list_users/',
    // get_permissions(scope) lists active roles only (`is_active=True`, waldur_core/permissions/utils.py); an expired
    // role is deactivated by the expiry task, so it is no longer listed.
    methods: { GET: (call, [uuid]) => listResponse(call, activeRoles(call, findProject(call, uuid).uuid), projectUserList) },
  },
];
