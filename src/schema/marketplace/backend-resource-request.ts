import type { BackendResourceRequest as WaldurRequest } from '../../upstream/waldur/types.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import * as resolve from '../../resolvers/marketplace/backend-resource-request.ts';
import { BACKEND_REQUEST_STATES, enumOut } from '../../resolvers/marketplace/enums.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { connectionOf } from '../connection.ts';
import { uuidNodeId } from '../node.ts';
import { BackendResourceRequestState, orderEnum } from './enums.ts';
import { Offering } from './offering.ts';
import { alwaysLink, reads, UUID_DESCRIPTION } from './reads.ts';

/** A request to a site agent to report an offering's importable backend resources. */
export const BackendResourceRequest = builder.objectRef<Row<WaldurRequest>>('BackendResourceRequest');
export const BackendResourceRequestConnection = connectionOf(BackendResourceRequest, 'BackendResourceRequest', 'backend resource requests');

export const BackendResourceRequestOrder = orderEnum('BackendResourceRequestOrder', 'Sort orders for backend resource requests (Waldur `o`).', {
  CREATED: ['created', 'creation time'],
});

export const BackendResourceRequestFilter = builder.inputType('BackendResourceRequestFilter', {
  description: 'Filters for backend resource requests; each maps onto a Waldur `/api/backend-resource-requests/` filter.',
  fields: (t) => ({
    offering: t.string({ description: 'Only requests for this offering (uuid; `offering_uuid`).' }),
    state: t.field({ type: [BackendResourceRequestState], description: 'Only requests in these states (repeated `state`).' }),
    createdAfter: t.field({ type: 'DateTime', description: 'Created at or after this time (`created`).' }),
    modifiedAfter: t.field({ type: 'DateTime', description: 'Modified at or after this time (`modified`).' }),
    startedAfter: t.field({ type: 'DateTime', description: 'Started at or after this time (`started`).' }),
    finishedAfter: t.field({ type: 'DateTime', description: 'Finished at or after this time (`finished`).' }),
  }),
});

builder.node(BackendResourceRequest, {
  description: 'A staff request that a site agent report the backend resources of an offering that could be imported.',
  id: uuidNodeId('BackendResourceRequest'),
  loadWithoutCache: (uuid, ctx) => resolve.loadBackendResourceRequest(ctx, uuid),
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'BackendResourceRequest') }),
    state: t.field({ type: BackendResourceRequestState, description: 'Its progress.', extensions: reads('state'), resolve: (r, _a, ctx) => enumOut(ctx, 'BackendResourceRequestState', BACKEND_REQUEST_STATES, r.state) }),
    created: t.expose('created', { type: 'DateTime', description: 'When it was made.', extensions: reads('created') }),
    modified: t.expose('modified', { type: 'DateTime', description: 'When it last changed.', extensions: reads('modified') }),
    started: t.expose('started', { type: 'DateTime', description: 'When the agent started processing it.', extensions: reads('started') }),
    finished: t.expose('finished', { type: 'DateTime', description: 'When it finished (done or erred).', extensions: reads('finished') }),
    errorMessage: t.exposeString('error_message', { description: 'Why it erred.', extensions: reads('error_message') }),
    offering: t.field({
      type: Offering, description: 'The offering whose backend is inspected (uuid/name come from the request itself).',
      extensions: alwaysLink({ uuid: 'offering', name: 'offering_name' }), resolve: resolve.backendRequestOffering,
    }),
  }),
});

builder.queryField('backendResourceRequests', (t) => t.connection({
  type: BackendResourceRequest,
  description: 'Backend resource requests the caller can see (staff and offering managers).',
  args: {
    filter: t.arg({ type: BackendResourceRequestFilter, description: 'Filters, mapped onto Waldur\'s filters.' }),
    orderBy: t.arg({ type: [BackendResourceRequestOrder], description: 'Sort order (Waldur `o`).' }),
  },
  resolve: resolve.backendResourceRequests,
}, BackendResourceRequestConnection));
