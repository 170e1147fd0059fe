import type { Call } from '../api/call.ts';
import { containsFilter, uuidFilter, type Filter } from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import type { ProjectRole } from '../model.ts';
import { findProjectRole } from '../roles.ts';
import { userRoleFields } from '../serializers/role.ts';

const userOf = (call: Call, role: ProjectRole) => call.store.users.get(role.userUuid)!;

/** `role=` takes a role name or uuid; an unknown role matches nobody. */
const roleFilter: Filter<ProjectRole> = (query) => {
  const raw = query.last('role');
  if (!raw) return undefined;
  const role = findProjectRole(raw);
  return role ? (r) => r.role === role.name : 'none';
};

export const projectUserList: ListDefinition<ProjectRole> = {
  filters: [
    uuidFilter('user', (r) => r.userUuid),
    roleFilter,
    // first_name, last_name or email, not the username (waldur_core/permissions/views.py list_users).
    containsFilter('search_string', (r, call) => `${userOf(call, r).fullName}\n${userOf(call, r).email}`),
    containsFilter('full_name', (r, call) => userOf(call, r).fullName),
    containsFilter('username', (r, call) => userOf(call, r).username),
    containsFilter('native_name', () => ''),
  ],
  sortKeys: {
    created: (r) => r.created,
    email: (r, call) => userOf(call, r).email,
    expiration_time: (r) => r.expirationTime,
    full_name: (r, call) => userOf(call, r).fullName,
    native_name: () => '',
    role: (r) => r.role,
    username: (r, call) => userOf(call, r).username,
  },
  defaultOrder: ['created'],
  spec: userRoleFields,
};
