import type { FieldSpec } from '../api/fields.ts';
import { links } from '../http/links.ts';
import type { BackendResourceRequest } from '../model.ts';
import { dateTime } from './common.ts';

/** `BackendResourceReq` of OAS 8.0.5, in its property order. */
export const backendRequestFields: FieldSpec<BackendResourceRequest> = [
  ['url', (r, call) => links.backendRequest(call.req.origin, r.uuid)],
  ['uuid', (r) => r.uuid],
  ['created', (r) => dateTime(r.created)],
  ['modified', (r) => dateTime(r.modified)],
  ['started', (r) => dateTime(r.started)],
  ['finished', (r) => dateTime(r.finished)],
  ['state', (r) => r.state],
  ['offering', (r) => r.offeringUuid],
  ['offering_name', (r, call) => call.store.offerings.get(r.offeringUuid)?.name ?? ''],
  ['offering_url', (r, call) => links.providerOffering(call.req.origin, r.offeringUuid)],
  ['error_message', (r) => r.errorMessage],
  ['error_traceback', (r) => r.errorTraceback],
];
