import type { ProjectRoleName } from './model.ts';

/** Waldur's built-in roles, with fixed uuids so clients can pass either the name or the uuid. */
export const PROJECT_ROLES: ReadonlyArray<{ name: ProjectRoleName; uuid: string; description: string }> = [
  { name: 'PROJECT.ADMIN', uuid: '2e6a2d0fa7a24a9f8d8ad0e2b64cbd11', description: 'Project administrator' },
  { name: 'PROJECT.MANAGER', uuid: '7f1b9c04d5e84b6b9a3c2f8e1d0a4b22', description: 'Project manager' },
  { name: 'PROJECT.MEMBER', uuid: 'c3d8e5f6a7b84c9d8e0f1a2b3c4d5e33', description: 'Project member' },
];

export const CUSTOMER_OWNER_ROLE = { name: 'CUSTOMER.OWNER', uuid: '9a8b7c6d5e4f4a3b8c2d1e0f9a8b7c44', description: 'Customer owner' };

/** Accepts a role name or a role uuid (hex or dashed). */
export function findProjectRole(nameOrUuid: string): (typeof PROJECT_ROLES)[number] | undefined {
  const hex = nameOrUuid.replace(/-/g, '').toLowerCase();
  return PROJECT_ROLES.find((role) => role.name === nameOrUuid || role.uuid === hex);
}

export function projectRoleUuid(name: ProjectRoleName): string {
  return PROJECT_ROLES.find((role) => role.name === name)!.uuid;
}
