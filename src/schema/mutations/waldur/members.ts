/** addProjectMember, removeProjectMember. */
import * as mutate from '../../../resolvers/mutations/waldur/members.ts';
import type { MemberOutcome } from '../../../resolvers/mutations/waldur/members.ts';
import { loadProject } from '../../../resolvers/marketplace/project.ts';
import { builder } from '../../builder.ts';
import { Project } from '../../marketplace/project.ts';
import { AddProjectMemberInput, ProjectRole, RemoveProjectMemberInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

const AddProjectMemberSuccess = builder.objectRef<MemberOutcome>('AddProjectMemberSuccess').implement({
  description: 'The role was granted.',
  fields: (t) => ({
    project: t.field({ type: Project, description: 'The project, read after the change (e.g. its `members`).', resolve: (o, _a, ctx, info) => loadProject(ctx, info, o.projectUuid) }),
    userUuid: t.exposeString('userUuid', { nullable: false, description: 'The user\'s uuid (32 lowercase hex digits).' }),
    role: t.field({ type: ProjectRole, nullable: false, description: 'The role granted.', resolve: (o) => o.role as 'PROJECT.MEMBER' }),
    expirationTime: t.expose('expirationTime', { type: 'DateTime', description: 'When the role expires, as Waldur stored it; null for never.' }),
  }),
});

const RemoveProjectMemberSuccess = builder.objectRef<MemberOutcome>('RemoveProjectMemberSuccess').implement({
  description: 'The user no longer holds the role (also when they never held it: revoking is idempotent).',
  fields: (t) => ({
    project: t.field({ type: Project, description: 'The project, read after the change (e.g. its `members`).', resolve: (o, _a, ctx, info) => loadProject(ctx, info, o.projectUuid) }),
    userUuid: t.exposeString('userUuid', { nullable: false, description: 'The user\'s uuid (32 lowercase hex digits).' }),
    role: t.field({ type: ProjectRole, nullable: false, description: 'The role revoked.', resolve: (o) => o.role as 'PROJECT.MEMBER' }),
  }),
});

builder.mutationFields((t) => ({
  addProjectMember: t.field({
    type: AddProjectMemberSuccess,
    description: 'Grants a user a role in a project (`POST /api/projects/<uuid>/add_user/`). Granting a role the user already holds is a ValidationError.',
    args: { input: t.arg({ type: AddProjectMemberInput, required: true, description: 'The project, the user, the role and its expiry.' }) },
    errors: waldurErrors('AddProjectMember'),
    resolve: (_root, { input }, ctx) => mutate.addProjectMember(ctx, input),
  }),
  removeProjectMember: t.field({
    type: RemoveProjectMemberSuccess,
    description: 'Revokes a user\'s role in a project (`POST /api/projects/<uuid>/delete_user/`).',
    args: { input: t.arg({ type: RemoveProjectMemberInput, required: true, description: 'The project, the user and the role.' }) },
    errors: waldurErrors('RemoveProjectMember'),
    resolve: (_root, { input }, ctx) => mutate.removeProjectMember(ctx, input),
  }),
}));
