import type { ProjectUser } from '../../upstream/waldur/types.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { reads, UUID_DESCRIPTION } from './reads.ts';

/** One role of a user in a project (`projects/<uuid>/list_users/` item). */
export const ProjectMember = builder.objectRef<ProjectUser>('ProjectMember').implement({
  description: 'A user\'s role in a project.',
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: 'The Waldur UUID of this role assignment.', extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'project member') }),
    role: t.exposeString('role_name', { description: 'The role, e.g. `PROJECT.ADMIN`, `PROJECT.MANAGER`, `PROJECT.MEMBER`.', extensions: reads('role_name') }),
    roleUuid: t.exposeString('role_uuid', { description: 'The uuid of the role.', extensions: reads('role_uuid') }),
    userUuid: t.exposeString('user_uuid', { description: UUID_DESCRIPTION.replace('The', 'The user\'s'), extensions: reads('user_uuid') }),
    username: t.exposeString('user_username', { description: 'The user\'s username.', extensions: reads('user_username') }),
    fullName: t.exposeString('user_full_name', { description: 'The user\'s full name.', extensions: reads('user_full_name') }),
    email: t.exposeString('user_email', { description: 'The user\'s e-mail.', extensions: reads('user_email') }),
    created: t.expose('created', { type: 'DateTime', description: 'When the role was granted.', extensions: reads('created') }),
    expirationTime: t.expose('expiration_time', { type: 'DateTime', description: 'When the role expires, if ever.', extensions: reads('expiration_time') }),
    createdByFullName: t.exposeString('created_by_full_name', { description: 'Who granted the role.', extensions: reads('created_by_full_name') }),
  }),
});

export const ProjectMemberConnection = connectionOf(ProjectMember, 'ProjectMember', 'project members');

export const MemberFilter = builder.inputType('ProjectMemberFilter', {
  description: 'Filters for project members (`list_users` filters).',
  fields: (t) => ({
    user: t.string({ description: 'Only this user (uuid; `user`).' }),
    role: t.string({ description: 'Only this role, by name or uuid (`role`).' }),
    search: t.string({ description: 'Search in names, usernames and e-mails (`search_string`).' }),
  }),
});
