import { choiceFilter, sinceFilter, uuidFilter } from '../api/filtering.ts';
import type { ListDefinition } from '../api/listing.ts';
import type { BackendResourceRequest } from '../model.ts';
import { BACKEND_REQUEST_STATES } from '../vocabulary.ts';
import { backendRequestFields } from '../serializers/backend-request.ts';

export const backendRequestList: ListDefinition<BackendResourceRequest> = {
  filters: [
    uuidFilter('offering_uuid', (r) => r.offeringUuid),
    choiceFilter('state', BACKEND_REQUEST_STATES, (r) => r.state),
    sinceFilter('created', (r) => r.created),
    sinceFilter('modified', (r) => r.modified),
    sinceFilter('started', (r) => r.started),
    sinceFilter('finished', (r) => r.finished),
  ],
  sortKeys: { created: (r) => r.created },
  defaultOrder: ['created'],
  spec: backendRequestFields,
  supportsFieldParam: false,
};
