import { Conflict, Forbidden, NoPayloadAvailable, NotFound, publicMessageOf, ValidationFailed } from '../../resolvers/mutations/typed-errors.ts';
import { builder } from '../builder.ts';

export const MutationError = builder.interfaceRef<Error>('MutationError').implement({
  description: 'Something a client can act on: every typed mutation error implements this. Branch on `__typename`.',
  fields: (t) => ({
    message: t.string({
      nullable: false,
      description: 'What went wrong, in words fit to show a user.',
      // Outside development an upstream's free text is replaced (errors.ts SAFE_DETAILS says which texts pass).
      resolve: (error, _args, ctx) => (ctx.config.production && publicMessageOf(error)) || error.message,
    }),
  }),
});

const FieldProblem = builder.objectRef<{ field: string; message: string; publicMessage?: string }>('FieldProblem').implement({
  description: 'One problem with one input field.',
  fields: (t) => ({
    field: t.exposeString('field', { nullable: false, description: 'The input field at fault (`_` for the input as a whole), in the upstream\'s or the argument\'s naming.' }),
    message: t.string({
      nullable: false,
      description: 'What was expected, and what was received.',
      resolve: (problem, _args, ctx) => (ctx.config.production && problem.publicMessage) || problem.message,
    }),
  }),
});

builder.objectType(ValidationFailed, {
  name: 'ValidationError',
  description: 'The input was rejected, by Junction before any upstream call or by the upstream service.',
  interfaces: [MutationError],
  isTypeOf: (value) => value instanceof ValidationFailed,
  fields: (t) => ({
    fields: t.field({ type: [FieldProblem], nullable: false, description: 'Each problem, by field.', resolve: (e) => e.fields }),
  }),
});

builder.objectType(Conflict, {
  name: 'ConflictError',
  description: 'The object is not in a state that allows this operation.',
  interfaces: [MutationError],
  isTypeOf: (value) => value instanceof Conflict,
  fields: (t) => ({
    validStates: t.stringList({ nullable: false, description: 'The states in which the operation is allowed, as the upstream named them.', resolve: (e) => e.validStates }),
  }),
});

builder.objectType(NotFound, {
  name: 'NotFoundError',
  description: 'The object does not exist, or the caller cannot see it.',
  interfaces: [MutationError],
  isTypeOf: (value) => value instanceof NotFound,
  fields: () => ({}),
});

builder.objectType(Forbidden, {
  name: 'ForbiddenError',
  description: 'The caller can see the object but may not perform this operation on it.',
  interfaces: [MutationError],
  isTypeOf: (value) => value instanceof Forbidden,
  fields: () => ({}),
});

builder.objectType(NoPayloadAvailable, {
  name: 'NoPayloadAvailableError',
  description: 'No payload matched any of the reservation selectors (the allocation may be at its maximum, or none is Ready).',
  interfaces: [MutationError],
  isTypeOf: (value) => value instanceof NoPayloadAvailable,
  fields: () => ({}),
});

/** The typed errors every Waldur mutation can return. */
export const WALDUR_MUTATION_ERRORS = [ValidationFailed, Conflict, NotFound, Forbidden];
/** The typed errors every orchestration mutation can return (the same four; reservePayload adds NoPayloadAvailable itself). */
export const ORCHESTRATION_MUTATION_ERRORS = [ValidationFailed, Conflict, NotFound, Forbidden];
