/** Backend resource requests: create, then Sent → Processing → Done | Erred (docs/contracts/waldur.md §8.6). */
import type { Context } from '../../../context.ts';
import type { Row } from '../../../loaders/waldur/row.ts';
import type { BackendResourceRequest } from '../../../upstream/waldur/types.ts';
import { encodeGlobalId } from '../../global-id.ts';
import { justBefore, literal, upstream } from './common.ts';
import { Checks } from './validate.ts';

/** The request a mutation made or moved; `request` is set when Waldur answered with it, else it is re-read. */
export interface BackendRequestOutcome {
  uuid: string;
  request?: Row<BackendResourceRequest>;
}

export interface FailBackendRequestInput {
  uuid: string;
  errorMessage?: string | null;
  errorTraceback?: string | null;
}

/** POST `{"offering": "<uuid>"}`: this endpoint takes the offering's UUID, not its URL. */
export async function createBackendResourceRequest(ctx: Context, input: { offeringUuid: string }): Promise<BackendRequestOutcome> {
  const check = new Checks();
  const offeringUuid = check.uuid('offeringUuid', input.offeringUuid);
  check.done();
  const verifyWith = `backendResourceRequests(filter: { offering: ${literal(offeringUuid)}, createdAfter: ${literal(justBefore())} }) { nodes { uuid state } }`;
  const request = await upstream(
    () => ctx.waldur.create<Row<BackendResourceRequest>>('backend-resource-requests', { offering: offeringUuid }),
    { verifyWith, fields: { offering: 'offeringUuid' } },
  );
  return { uuid: request.uuid, request };
}

/** One state step; Waldur answers `{status}`, so the request is re-read (fresh) when the success object is selected. */
async function step(ctx: Context, uuidInput: string, action: string, body?: (check: Checks) => Record<string, unknown>): Promise<BackendRequestOutcome> {
  const check = new Checks();
  const uuid = check.uuid('uuid', uuidInput);
  const payload = body?.(check);
  check.done();
  const verifyWith = `node(id: ${literal(encodeGlobalId('BackendResourceRequest', uuid))}) { ... on BackendResourceRequest { state errorMessage } }`;
  await upstream(() => ctx.waldur.action('backend-resource-requests', uuid, action, payload), {
    verifyWith, fields: { error_message: 'errorMessage', error_traceback: 'errorTraceback' },
  });
  ctx.loaders.waldur.backendResourceRequest().clear(uuid);
  return { uuid };
}

/** `start_processing/`: Sent → Processing. */
export const startBackendResourceRequest = (ctx: Context, input: { uuid: string }) => step(ctx, input.uuid, 'start_processing');

/** `set_done/`: Processing → Done. */
export const completeBackendResourceRequest = (ctx: Context, input: { uuid: string }) => step(ctx, input.uuid, 'set_done');

/** `set_erred/` with the agent's error message and traceback (empty strings when not given). */
export const failBackendResourceRequest = (ctx: Context, input: FailBackendRequestInput) => step(ctx, input.uuid, 'set_erred', (check) => ({
  error_message: check.text('errorMessage', input.errorMessage) ?? '',
  error_traceback: check.text('errorTraceback', input.errorTraceback) ?? '',
}));
