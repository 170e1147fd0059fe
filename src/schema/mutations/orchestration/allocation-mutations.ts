import {
  createAllocation, deleteAllocation, setAllocationEnabled, updateAllocation, updateAllocationImage,
} from '../../../resolvers/mutations/orchestration/allocation.ts';
import { builder } from '../../builder.ts';
import { allocationSuccess, DeleteAllocationSuccess, typedResult } from './results.ts';
import { AllocationSpecInput, MetadataInput } from './spec-inputs.ts';

const PROJECT = 'The orchestration project id (a linked Waldur project\'s `orchestrationProjectId`).';
const ALLOCATION = 'The allocation id (a UUID).';
const ACCESS = 'ForbiddenError unless the caller can reach the project (see `allocations`). Input is validated before any upstream call.';

const AllocationTarget = builder.inputType('AllocationTargetInput', {
  description: 'Which allocation: its orchestration project and its id.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: PROJECT }),
    allocationId: t.string({ required: true, description: ALLOCATION }),
  }),
});

const CreateAllocationInput = builder.inputType('CreateAllocationInput', {
  description: 'A new allocation: where, what it runs, how many.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: PROJECT }),
    name: t.string({ description: 'A name for the allocation (optional, up to 256 characters).' }),
    spec: t.field({ type: AllocationSpecInput, required: true, description: 'The payload spec and scaling rules.' }),
    metadata: t.field({ type: MetadataInput, description: 'Labels and annotations of the allocation (not copied to its payloads).' }),
  }),
});

const UpdateAllocationInput = builder.inputType('UpdateAllocationInput', {
  description: 'A full replacement of an allocation\'s name and spec (the API requires both), and optionally its metadata.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: PROJECT }),
    allocationId: t.string({ required: true, description: ALLOCATION }),
    name: t.string({ required: true, description: 'The allocation name (required by the API on update; up to 256 characters).' }),
    spec: t.field({ type: AllocationSpecInput, required: true, description: 'The new payload spec and scaling rules (replaces the old ones).' }),
    metadata: t.field({ type: MetadataInput, description: 'Left out: unchanged. null: cleared. Given: replaces labels and annotations.' }),
  }),
});

const SetAllocationEnabledInput = builder.inputType('SetAllocationEnabledInput', {
  description: 'Enable or disable an allocation.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: PROJECT }),
    allocationId: t.string({ required: true, description: ALLOCATION }),
    enabled: t.boolean({ required: true, description: 'true: enable (payloads are created again); false: disable (drains, waiting for Reserved payloads).' }),
  }),
});

const UpdateAllocationImageInput = builder.inputType('UpdateAllocationImageInput', {
  description: 'A new container image for an allocation.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: PROJECT }),
    allocationId: t.string({ required: true, description: ALLOCATION }),
    image: t.string({ required: true, description: 'The new image (non-empty, no whitespace); non-Reserved payloads are replaced, Reserved ones keep theirs.' }),
  }),
});

const CreateAllocationSuccess = allocationSuccess('CreateAllocationSuccess', 'The allocation was created (it starts in NEW).');
const UpdateAllocationSuccess = allocationSuccess('UpdateAllocationSuccess', 'The allocation was changed and reconciles again (UPDATING).');
const SetAllocationEnabledSuccess = allocationSuccess('SetAllocationEnabledSuccess', 'The allocation was enabled or disabled; it is read again afterwards.');
const UpdateAllocationImageSuccess = allocationSuccess('UpdateAllocationImageSuccess', 'The allocation\'s image was changed; it is read again afterwards.');

builder.mutationFields((t) => ({
  createAllocation: t.field({
    type: CreateAllocationSuccess, errors: typedResult('createAllocation'),
    description: `Creates an allocation (never retried: after a timeout, list \`allocations\` to see whether it exists). ${ACCESS}`,
    args: { input: t.arg({ type: CreateAllocationInput, required: true, description: 'The new allocation.' }) },
    resolve: (_root, { input }, ctx) => createAllocation(input, ctx),
  }),
  updateAllocation: t.field({
    type: UpdateAllocationSuccess, errors: typedResult('updateAllocation'),
    description: `Replaces an allocation's name and spec (and metadata when given); it reconciles again (UPDATING). ${ACCESS}`,
    args: { input: t.arg({ type: UpdateAllocationInput, required: true, description: 'The allocation and its new name, spec and metadata.' }) },
    resolve: (_root, { input }, ctx) => updateAllocation(input, ctx),
  }),
  deleteAllocation: t.field({
    type: DeleteAllocationSuccess, errors: typedResult('deleteAllocation'),
    description: `Deletes an allocation: it drains, then stays visible as DELETED for a while. ${ACCESS}`,
    args: { input: t.arg({ type: AllocationTarget, required: true, description: 'The allocation to delete.' }) },
    resolve: (_root, { input }, ctx) => deleteAllocation(input, ctx),
  }),
  setAllocationEnabled: t.field({
    type: SetAllocationEnabledSuccess, errors: typedResult('setAllocationEnabled'),
    description: `Enables or disables an allocation; answers the allocation read again afterwards. ${ACCESS}`,
    args: { input: t.arg({ type: SetAllocationEnabledInput, required: true, description: 'The allocation and whether it should be enabled.' }) },
    resolve: (_root, { input }, ctx) => setAllocationEnabled(input, ctx),
  }),
  updateAllocationImage: t.field({
    type: UpdateAllocationImageSuccess, errors: typedResult('updateAllocationImage'),
    description: `Changes the container image of an allocation's payloads; answers the allocation read again afterwards. ${ACCESS}`,
    args: { input: t.arg({ type: UpdateAllocationImageInput, required: true, description: 'The allocation and its new image.' }) },
    resolve: (_root, { input }, ctx) => updateAllocationImage(input, ctx),
  }),
}));
