import { currentUser, type Call } from '../api/call.ts';
import { serialize } from '../api/fields.ts';
import { listResponse } from '../api/listing.ts';
import { BodyForm } from '../http/body-form.ts';
import { invalidState, permissionDenied } from '../http/errors.ts';
import { links } from '../http/links.ts';
import { json, type ApiResponse } from '../http/types.ts';
import { backendRequestList } from '../filters/backend-requests.ts';
import type { BackendRequestState, BackendResourceRequest } from '../model.ts';
import { runtimeRandom } from '../random.ts';
import { backendRequestFields } from '../serializers/backend-request.ts';
import { nowMicros } from '../time.ts';
import { findBackendRequest } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

/** Staff ask an offering's site agent to report importable backend resources: Sent → Processing → Done | Erred. */
function create(call: Call): ApiResponse {
  currentUser(call);
  const form = new BodyForm(call.req.body);
  const uuid = form.uuid('offering', { required: true });
  const offering = uuid ? call.store.offerings.get(uuid) : undefined;
  if (uuid && !offering) form.fail('offering', `Object with uuid=${String(form.data.offering)} does not exist.`);
  form.check();
  if (!call.scope.isStaff && !call.scope.isProviderOwner(offering)) throw permissionDenied();
  const now = nowMicros();
  const request: BackendResourceRequest = {
    uuid: runtimeRandom.uuidHex(), offeringUuid: offering!.uuid, state: 'Sent', created: now, modified: now,
    started: null, finished: null, errorMessage: '', errorTraceback: '',
  };
  call.store.addBackendRequest(request);
  return json(201, serialize(backendRequestFields, request, call), { Location: links.backendRequest(call.req.origin, request.uuid) });
}

interface Step {
  from: readonly BackendRequestState[] | null;
  to: BackendRequestState;
  status: string;
}

const STEPS: Record<string, Step> = {
  start_processing: { from: ['Sent'], to: 'Processing', status: 'Backend resource request has been started.' },
  set_done: { from: ['Processing'], to: 'Done', status: 'Backend resource request has been completed.' },
  // No source-state guard is documented for set_erred (docs/contracts/waldur.md §12).
  set_erred: { from: null, to: 'Erred', status: 'Backend resource request has been marked as erred.' },
};

function step(call: Call, uuid: string, name: string): ApiResponse {
  const request = findBackendRequest(call, uuid);
  if (!call.scope.isStaff && !call.scope.isProviderOwner(call.store.offerings.get(request.offeringUuid))) throw permissionDenied();
  const { from, to, status } = STEPS[name];
  if (from && !from.includes(request.state)) throw invalidState(from);
  const now = nowMicros();
  if (to === 'Erred') {
    const form = new BodyForm(call.req.body);
    request.errorMessage = form.string('error_message') ?? '';
    request.errorTraceback = form.string('error_traceback') ?? '';
  }
  request.state = to;
  request.modified = now;
  if (to === 'Processing') request.started = now;
  if (to === 'Done' || to === 'Erred') request.finished = now;
  return json(200, { status });
}

export const backendRequestRoutes: RouteDefinition[] = [
  {
    path: '/api/backend-resource-requests/',
    methods: {
      GET: (call) => listResponse(call, [...call.store.backendRequests.values()].filter((r) => call.scope.canSeeBackendRequest(r)), backendRequestList),
      POST: create,
    },
  },
  {
    path: '/api/backend-resource-requests/:uuid/',
    methods: { GET: (call, [uuid]) => json(200, serialize(backendRequestFields, findBackendRequest(call, uuid), call)) },
  },
  ...Object.keys(STEPS).map((name): RouteDefinition => ({
    path: `/api/backend-resource-requests/:uuid/${name}/`,
    methods: { POST: (call, [uuid]) => step(call, uuid, name) },
  })),
];
