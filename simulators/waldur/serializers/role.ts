import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { ProjectRole } from '../model.ts';
import { projectRoleUuid } from '../roles.ts';
import { avatarUrl, dateTime, userOf } from './common.ts';

/** `UserRoleDetails` (items of `projects/{uuid}/list_users/`), in its property order. */
export const userRoleFields: FieldSpec<ProjectRole> = [
  ['uuid', (r) => r.uuid],
  ['created', (r) => dateTime(r.created)],
  ['expiration_time', (r) => dateTime(r.expirationTime)],
  ['role_name', (r) => r.role],
  ['role_uuid', (r) => projectRoleUuid(r.role)],
  ['user_email', (r, call) => userOf(call, r.userUuid)!.email],
  ['user_full_name', (r, call) => userOf(call, r.userUuid)!.fullName],
  ['user_username', (r, call) => userOf(call, r.userUuid)!.username],
  ['user_uuid', (r) => r.userUuid],
  ['user_image', (r, call) => avatarUrl(call, userOf(call, r.userUuid)!)],
  ['created_by_full_name', (r, call) => userOf(call, r.createdByUuid)?.fullName ?? ''],
  ['created_by_uuid', (r) => r.createdByUuid],
];

/** `ProjectUser` (items of `marketplace-resources/{uuid}/team/`), in its property order. */
export const projectUserFields: FieldSpec<ProjectRole> = [
  ['url', (r, call) => links.user(call.req.origin, r.userUuid)],
  ['uuid', (r) => r.userUuid],
  ['username', (r, call) => userOf(call, r.userUuid)!.username],
  ['full_name', (r, call) => userOf(call, r.userUuid)!.fullName],
  ['email', (r, call) => userOf(call, r.userUuid)!.email],
  ['role', (r) => r.role],
  ['expiration_time', (r) => dateTime(r.expirationTime)],
  ['offering_user_username', () => null],
  ['offering_user_state', () => null],
];
