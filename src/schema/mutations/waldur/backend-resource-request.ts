/** createBackendResourceRequest and its transitions: start, complete (done), fail (erred). */
import * as mutate from '../../../resolvers/mutations/waldur/backend-resource-request.ts';
import type { BackendRequestOutcome } from '../../../resolvers/mutations/waldur/backend-resource-request.ts';
import { loadBackendResourceRequest } from '../../../resolvers/marketplace/backend-resource-request.ts';
import { builder } from '../../builder.ts';
import { BackendResourceRequest } from '../../marketplace/backend-resource-request.ts';
import { UUID, uuidInput } from './inputs.ts';
import { waldurErrors } from './results.ts';

const CreateInput = builder.inputType('CreateBackendResourceRequestInput', {
  description: 'The offering whose site agent should report its importable backend resources.',
  fields: (t) => ({ offeringUuid: t.string({ required: true, description: `The offering's ${UUID} (Waldur takes the uuid here, not a URL).` }) }),
});
const StartInput = uuidInput('StartBackendResourceRequestInput', 'A Sent backend resource request to start processing.', 'backend resource request', () => ({}));
const CompleteInput = uuidInput('CompleteBackendResourceRequestInput', 'A Processing backend resource request to mark done.', 'backend resource request', () => ({}));
const FailInput = uuidInput('FailBackendResourceRequestInput', 'A backend resource request that failed, and why.', 'backend resource request', (t) => ({
  errorMessage: t.string({ description: 'What went wrong, for people.' }),
  errorTraceback: t.string({ description: 'The agent\'s traceback, for debugging.' }),
}));

function success(name: string, description: string) {
  return builder.objectRef<BackendRequestOutcome>(name).implement({
    description,
    fields: (t) => ({
      backendResourceRequest: t.field({
        type: BackendResourceRequest, description: 'The request after the change (Waldur\'s answer, or read again when Waldur answered only a status).',
        resolve: (o, _a, ctx) => o.request ?? loadBackendResourceRequest(ctx, o.uuid),
      }),
    }),
  });
}

const CreateSuccess = success('CreateBackendResourceRequestSuccess', 'The request was sent (state Sent).');
const StartSuccess = success('StartBackendResourceRequestSuccess', 'The request is being processed (state Processing).');
const CompleteSuccess = success('CompleteBackendResourceRequestSuccess', 'The request is done (state Done).');
const FailSuccess = success('FailBackendResourceRequestSuccess', 'The request erred (state Erred).');

builder.mutationFields((t) => ({
  createBackendResourceRequest: t.field({
    type: CreateSuccess, errors: waldurErrors('CreateBackendResourceRequest'),
    description: 'Asks an offering\'s site agent to report importable backend resources (`POST /api/backend-resource-requests/`); staff or the offering\'s provider.',
    args: { input: t.arg({ type: CreateInput, required: true, description: 'The offering.' }) },
    resolve: (_root, { input }, ctx) => mutate.createBackendResourceRequest(ctx, input),
  }),
  startBackendResourceRequest: t.field({
    type: StartSuccess, errors: waldurErrors('StartBackendResourceRequest'),
    description: 'Marks a Sent request as being processed (`start_processing/`).',
    args: { input: t.arg({ type: StartInput, required: true, description: 'The request.' }) },
    resolve: (_root, { input }, ctx) => mutate.startBackendResourceRequest(ctx, input),
  }),
  completeBackendResourceRequest: t.field({
    type: CompleteSuccess, errors: waldurErrors('CompleteBackendResourceRequest'),
    description: 'Marks a Processing request as done (`set_done/`).',
    args: { input: t.arg({ type: CompleteInput, required: true, description: 'The request.' }) },
    resolve: (_root, { input }, ctx) => mutate.completeBackendResourceRequest(ctx, input),
  }),
  failBackendResourceRequest: t.field({
    type: FailSuccess, errors: waldurErrors('FailBackendResourceRequest'),
    description: 'Marks a request as erred, with the agent\'s error (`set_erred/`).',
    args: { input: t.arg({ type: FailInput, required: true, description: 'The request and its error.' }) },
    resolve: (_root, { input }, ctx) => mutate.failBackendResourceRequest(ctx, input),
  }),
}));
