import type { Context } from '../../../context.ts';
import type { ScopedAllocation } from '../../../loaders/orchestration.ts';
import type { AllocationInput } from '../../../upstream/orchestration/types.ts';
import { InputProblems } from '../typed-errors.ts';
import { metadataToWire, type MetadataInput } from './metadata.ts';
import { freshAllocation, mutate, validated, verify, type Target } from './run.ts';
import { allocationSpecToWire, type AllocationSpecInput } from './spec.ts';
import { checkId, checkText, LIMITS } from './validate.ts';

export interface CreateAllocationInput {
  projectId: string;
  name?: string | null;
  spec: AllocationSpecInput;
  metadata?: MetadataInput | null;
}

export interface UpdateAllocationInput extends Target {
  name: string;
  spec: AllocationSpecInput;
  /** Left out: kept as it is; null: cleared. */
  metadata?: MetadataInput | null;
}

/** CreateAllocation (POST, never retried): the allocation the API answers with. */
export async function createAllocation(input: CreateAllocationInput, ctx: Context): Promise<ScopedAllocation> {
  const p = new InputProblems();
  checkId(p, 'input.projectId', input.projectId, 'an Orchestration project');
  const body: AllocationInput = { spec: allocationSpecToWire(p, 'input.spec', input.spec) };
  if (input.name != null) body.name = checkText(p, 'input.name', input.name, { max: LIMITS.name });
  if (input.metadata != null) body.metadata = metadataToWire(p, 'input.metadata', input.metadata);
  p.throwIfAny();
  const created = await mutate(() => ctx.orchestration.createAllocation(input.projectId, body), verify.allocations(input.projectId));
  return { ...created, projectId: input.projectId };
}

/** UpdateAllocation (PUT of spec and name, and metadata when given): the allocation the API answers with. */
export async function updateAllocation(input: UpdateAllocationInput, ctx: Context): Promise<ScopedAllocation> {
  let body!: AllocationInput & { name: string };
  validated(input, (p) => {
    body = { spec: allocationSpecToWire(p, 'input.spec', input.spec), name: checkText(p, 'input.name', input.name, { max: LIMITS.name }) };
    if (input.metadata === null) body.metadata = null;
    else if (input.metadata !== undefined) body.metadata = metadataToWire(p, 'input.metadata', input.metadata);
  });
  const updated = await mutate(() => ctx.orchestration.updateAllocation(input.projectId, input.allocationId, body),
    verify.allocation(input, 'name modified spec { bufferSize minPayloads maxPayloads payloadSpec { image } }'));
  return { ...updated, projectId: input.projectId };
}

/** DeleteAllocation: the allocation drains, then stays visible as DELETED for a while. */
export async function deleteAllocation(input: Target, ctx: Context): Promise<{ projectId: string; allocationId: string }> {
  validated(input);
  await mutate(() => ctx.orchestration.deleteAllocation(input.projectId, input.allocationId), verify.allocation(input, 'status'));
  return { projectId: input.projectId, allocationId: input.allocationId };
}

/** SetAllocationEnabled answers `{}`: the allocation is read again so the client sees its new state. */
export async function setAllocationEnabled(input: Target & { enabled: boolean }, ctx: Context): Promise<ScopedAllocation> {
  validated(input);
  return mutate(async () => {
    await ctx.orchestration.setAllocationEnabled(input.projectId, input.allocationId, input.enabled);
    return freshAllocation(ctx, input.projectId, input.allocationId);
  }, verify.allocation(input, 'enabled status'));
}

/** UpdateAllocationImage answers `{}`: the allocation is read again (non-Reserved payloads get replaced). */
export async function updateAllocationImage(input: Target & { image: string }, ctx: Context): Promise<ScopedAllocation> {
  validated(input, (p) => checkText(p, 'input.image', input.image, { max: LIMITS.image, noWhitespace: true }));
  return mutate(async () => {
    await ctx.orchestration.updateAllocationImage(input.projectId, input.allocationId, input.image);
    return freshAllocation(ctx, input.projectId, input.allocationId);
  }, verify.allocation(input, 'status spec { payloadSpec { image } }'));
}
