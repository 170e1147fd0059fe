/**
 * Enums and the project, member and order inputs of the Waldur mutations (resource and backend-request inputs sit
 * with their mutations). Inputs take uuids; Junction builds the hyperlinks Waldur wants.
 */
import type { InputFieldBuilder } from '@pothos/core';
import { builder, type JunctionSchemaTypes } from '../../builder.ts';

export type Types = PothosSchemaTypes.ExtendDefaultTypes<JunctionSchemaTypes>;
export const UUID = 'Waldur UUID (32 hex digits, dashes optional)';

export const ProjectRole = builder.enumType('ProjectRole', {
  description: 'A role in a Waldur project.',
  values: {
    ADMIN: { value: 'PROJECT.ADMIN', description: 'Project administrator (Waldur `PROJECT.ADMIN`).' },
    MANAGER: { value: 'PROJECT.MANAGER', description: 'Project manager: approves orders, manages members (Waldur `PROJECT.MANAGER`).' },
    MEMBER: { value: 'PROJECT.MEMBER', description: 'Project member: sees the project; its orders wait for consumer review (Waldur `PROJECT.MEMBER`).' },
  } as const,
});

export const ReviewSide = builder.enumType('OrderReviewSide', {
  description: 'On whose behalf an order is reviewed.',
  values: {
    CONSUMER: { value: 'consumer', description: 'The consumer side: a project manager or customer owner (`*_by_consumer`).' },
    PROVIDER: { value: 'provider', description: 'The service provider owning the offering (`*_by_provider`).' },
  } as const,
});

export const ProjectKind = builder.enumType('ProjectKind', {
  description: 'The kind of a Waldur project.',
  values: {
    DEFAULT: { value: 'default', description: 'An ordinary project (Waldur `default`).' },
    COURSE: { value: 'course', description: 'A course project (Waldur `course`).' },
    PUBLIC: { value: 'public', description: 'A public project (Waldur `public`).' },
  } as const,
});

/** An input naming one object by uuid, plus whatever else `more` adds. */
export function uuidInput<F extends object>(name: string, description: string, what: string, more: (t: InputFieldBuilder<Types, 'InputObject'>) => F) {
  return builder.inputType(name, {
    description,
    fields: (t) => ({ uuid: t.string({ required: true, description: `The ${what}'s ${UUID}.` }), ...more(t) }),
  });
}

const projectFields = (t: InputFieldBuilder<Types, 'InputObject'>) => ({
  description: t.string({ description: 'Free-text description.' }),
  backendId: t.string({ description: 'Identifier in an external system (at most 255 characters); Junction links it to an orchestration project.' }),
  startDate: t.string({ description: 'When the project starts, `YYYY-MM-DD`; null clears it. Orders wait until then.' }),
  endDate: t.string({ description: 'When the project ends, `YYYY-MM-DD`, not before startDate; null clears it.' }),
  kind: t.field({ type: ProjectKind, description: 'The project kind.' }),
  oecdFos2007Code: t.string({ description: 'OECD field-of-science code such as "1.1"; null or "" clears it.' }),
  isIndustry: t.boolean({ description: 'Whether this is an industry project.' }),
});

export const CreateProjectInput = builder.inputType('CreateProjectInput', {
  description: 'A new project in a customer (organization).',
  fields: (t) => ({
    customerUuid: t.string({ required: true, description: `The customer's ${UUID}.` }),
    name: t.string({ required: true, description: 'The project name: 1–500 characters, not only whitespace (sent trimmed).' }),
    ...projectFields(t),
  }),
});

export const UpdateProjectInput = uuidInput('UpdateProjectInput', 'Changes to a project: only the fields given change (PATCH); at least one.', 'project', (t) => ({
  name: t.string({ description: 'A new name: 1–500 characters, not only whitespace (sent trimmed).' }),
  ...projectFields(t),
}));

export const DeleteProjectInput = uuidInput('DeleteProjectInput', 'The project to delete (it must have no active resources).', 'project', () => ({}));

const memberFields = (t: InputFieldBuilder<Types, 'InputObject'>) => ({
  projectUuid: t.string({ required: true, description: `The project's ${UUID}.` }),
  userUuid: t.string({ required: true, description: `The user's ${UUID}.` }),
  role: t.field({ type: ProjectRole, required: true, description: 'The role.' }),
});

export const AddProjectMemberInput = builder.inputType('AddProjectMemberInput', {
  description: 'A role to grant a user in a project.',
  fields: (t) => ({ ...memberFields(t), expirationTime: t.field({ type: 'DateTime', description: 'When the role expires (must be in the future); omit for never.' }) }),
});

export const RemoveProjectMemberInput = builder.inputType('RemoveProjectMemberInput', {
  description: 'A role to revoke from a user in a project (revoking a role the user does not hold succeeds).',
  fields: (t) => memberFields(t),
});

export const CreateOrderInput = builder.inputType('CreateOrderInput', {
  description: 'An order for a new resource: an offering (and plan) in a project.',
  fields: (t) => ({
    projectUuid: t.string({ required: true, description: `The project's ${UUID}.` }),
    offeringUuid: t.string({ required: true, description: `The offering's ${UUID} (sent as its public-offering URL).` }),
    planUuid: t.string({ description: `The plan's ${UUID} (sent as its public plan URL); required by billable offerings with several plans.` }),
    attributes: t.field({ type: 'JSON', description: 'A JSON object: `name` becomes the resource name; other keys are the offering\'s option values.' }),
    limits: t.field({ type: 'JSON', description: 'A JSON object of component → non-negative integer, e.g. `{"cpu": 4}`.' }),
    requestComment: t.string({ description: 'A comment for the reviewers (at most 255 characters).' }),
    startDate: t.string({ description: 'Carry the order out no earlier than this date, `YYYY-MM-DD`.' }),
    acceptingTermsOfService: t.boolean({ description: 'Must be true when the offering has terms of service.' }),
  }),
});

const orderUuid = (t: InputFieldBuilder<Types, 'InputObject'>) => t.string({ required: true, description: `The order's ${UUID}.` });

export const ApproveOrderInput = builder.inputType('ApproveOrderInput', {
  description: 'An order to approve, and on whose behalf.',
  fields: (t) => ({ orderUuid: orderUuid(t), as: t.field({ type: ReviewSide, required: true, description: 'Approve as consumer (pending-consumer orders) or provider (pending-provider orders).' }) }),
});

export const RejectOrderInput = builder.inputType('RejectOrderInput', {
  description: 'An order to reject, on whose behalf, and why.',
  fields: (t) => ({
    orderUuid: orderUuid(t),
    as: t.field({ type: ReviewSide, required: true, description: 'Reject as consumer (pending-consumer orders) or provider (pending-provider orders).' }),
    comment: t.string({ description: 'Why (sent as the side\'s rejection comment).' }),
  }),
});

export const CancelOrderInput = builder.inputType('CancelOrderInput', {
  description: 'An order to cancel (pending or executing, of a Basic or Support offering).',
  fields: (t) => ({ orderUuid: orderUuid(t) }),
});
