import type { Context } from '../../../context.ts';
import type { ScopedPayload } from '../../../loaders/orchestration.ts';
import { freshPayload, mutate, validated, verify, type Target } from './run.ts';
import { checkAnnotationValue, checkKey, checkLabelValue } from './validate.ts';

export interface PayloadTarget extends Target { payloadId: string }
export interface MetadataWrite extends PayloadTarget { key: string; value: string }

/**
 * DeletePayload: removal is asynchronous (the payload stays visible in SHUTDOWN for a while). A Reserved
 * payload needs `force`, else the API answers 409 and the client gets ConflictError.
 */
export async function deletePayload(input: PayloadTarget & { force?: boolean | null }, ctx: Context): Promise<PayloadTarget & { forced: boolean }> {
  validated(input);
  const forced = input.force === true;
  await mutate(() => ctx.orchestration.deletePayload(input.projectId, input.allocationId, input.payloadId, forced), verify.payload(input, 'state'));
  return { projectId: input.projectId, allocationId: input.allocationId, payloadId: input.payloadId, forced };
}

/** SetPayloadLabel upserts one label (§7 rules checked here first) and answers `{}`: the payload is read again. */
export async function setPayloadLabel(input: MetadataWrite, ctx: Context): Promise<ScopedPayload> {
  validated(input, (p) => {
    checkKey(p, 'input.key', input.key, 'label');
    checkLabelValue(p, 'input.value', input.value);
  });
  return mutate(async () => {
    await ctx.orchestration.setPayloadLabel(input.projectId, input.allocationId, input.payloadId, input.key, input.value);
    return freshPayload(ctx, input.projectId, input.allocationId, input.payloadId);
  }, verify.payload(input, 'labels { key value }'));
}

/** SetPayloadAnnotation upserts one annotation (any value) and answers `{}`: the payload is read again. */
export async function setPayloadAnnotation(input: MetadataWrite, ctx: Context): Promise<ScopedPayload> {
  validated(input, (p) => {
    checkKey(p, 'input.key', input.key, 'annotation');
    checkAnnotationValue(p, 'input.value', input.value);
  });
  return mutate(async () => {
    await ctx.orchestration.setPayloadAnnotation(input.projectId, input.allocationId, input.payloadId, input.key, input.value);
    return freshPayload(ctx, input.projectId, input.allocationId, input.payloadId);
  }, verify.payload(input, 'annotations { key value }'));
}
