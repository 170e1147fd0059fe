/** createProject, updateProject, deleteProject. */
import * as mutate from '../../../resolvers/mutations/waldur/project.ts';
import type { DeletedOutcome, ProjectOutcome } from '../../../resolvers/mutations/waldur/project.ts';
import { builder } from '../../builder.ts';
import { Project } from '../../marketplace/project.ts';
import { CreateProjectInput, DeleteProjectInput, UpdateProjectInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

function projectSuccess(name: string, description: string) {
  return builder.objectRef<ProjectOutcome>(name).implement({
    description,
    fields: (t) => ({
      project: t.field({ type: Project, nullable: false, description: 'The project as Waldur answered the change (no extra request).', resolve: (o) => o.project }),
    }),
  });
}

const CreateProjectSuccess = projectSuccess('CreateProjectSuccess', 'The project was created.');
const UpdateProjectSuccess = projectSuccess('UpdateProjectSuccess', 'The project was changed.');

const DeleteProjectSuccess = builder.objectRef<DeletedOutcome>('DeleteProjectSuccess').implement({
  description: 'The project was deleted (newer Waldur releases soft-delete it: it disappears from every list).',
  fields: (t) => ({
    deletedUuid: t.exposeString('deletedUuid', { nullable: false, description: 'The uuid of the deleted project (32 lowercase hex digits).' }),
  }),
});

builder.mutationFields((t) => ({
  createProject: t.field({
    type: CreateProjectSuccess,
    description: 'Creates a project in a customer (`POST /api/projects/`); needs customer owner or staff rights.',
    args: { input: t.arg({ type: CreateProjectInput, required: true, description: 'The customer and the project fields.' }) },
    errors: waldurErrors('CreateProject'),
    resolve: (_root, { input }, ctx) => mutate.createProject(ctx, input),
  }),
  updateProject: t.field({
    type: UpdateProjectSuccess,
    description: 'Changes the given fields of a project (`PATCH /api/projects/<uuid>/`); needs project manager rights or more.',
    args: { input: t.arg({ type: UpdateProjectInput, required: true, description: 'The project and the fields to change.' }) },
    errors: waldurErrors('UpdateProject'),
    resolve: (_root, { input }, ctx, info) => mutate.updateProject(ctx, info, input),
  }),
  deleteProject: t.field({
    type: DeleteProjectSuccess,
    description: 'Deletes a project without active resources (`DELETE /api/projects/<uuid>/`); needs customer owner or staff rights.',
    args: { input: t.arg({ type: DeleteProjectInput, required: true, description: 'The project to delete.' }) },
    errors: waldurErrors('DeleteProject'),
    resolve: (_root, { input }, ctx, info) => mutate.deleteProject(ctx, info, input),
  }),
}));
