import { checkProjectId } from '../../auth/orchestration-access.ts';
import type { Context } from '../../context.ts';
import type { ScopedAllocation, ScopedPayload } from '../../loaders/orchestration.ts';
import { checkId } from './allocation.ts';
import { parsePayloadKey } from './ids.ts';

/** Root `payload(projectId:, allocationId:, id:)`: null when the API answers 404, FORBIDDEN when not reachable. */
export function payloadById(projectId: string, allocationId: string, payloadId: string, ctx: Context): Promise<ScopedPayload | null> {
  return ctx.loaders.orchestration.payload(checkProjectId(projectId), checkId(allocationId, 'allocationId'), checkId(payloadId, 'id'));
}

/** `node(id:)` for a Payload: the same access rule as the root field. */
export function payloadNode(key: string, ctx: Context): Promise<ScopedPayload | null> {
  const { projectId, allocationId, payloadId } = parsePayloadKey(key);
  return payloadById(projectId, allocationId, payloadId, ctx);
}

/** `Payload.allocation`: from the request's cache when the allocation was already read. */
export function payloadAllocation(payload: ScopedPayload, ctx: Context): Promise<ScopedAllocation | null> {
  return ctx.loaders.orchestration.allocation(payload.projectId, payload.allocation_id);
}
