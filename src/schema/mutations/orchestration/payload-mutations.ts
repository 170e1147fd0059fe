import { deletePayload, setPayloadAnnotation, setPayloadLabel } from '../../../resolvers/mutations/orchestration/payload.ts';
import { builder, type JunctionSchemaTypes } from '../../builder.ts';
import { DeletePayloadSuccess, payloadSuccess, typedResult } from './results.ts';

const ACCESS = 'ForbiddenError unless the caller can reach the project (see `allocations`). Input is validated before any upstream call.';

/** The ids of a payload, shared by every payload-level input. */
const ids = (t: PothosSchemaTypes.InputFieldBuilder<PothosSchemaTypes.ExtendDefaultTypes<JunctionSchemaTypes>, 'InputObject'>) => ({
  projectId: t.string({ required: true, description: 'The orchestration project id.' }),
  allocationId: t.string({ required: true, description: 'The id of the allocation the payload belongs to.' }),
  payloadId: t.string({ required: true, description: 'The payload id, e.g. "8hhtn-fvpvq".' }),
});

export const PayloadTargetInput = builder.inputType('PayloadTargetInput', {
  description: 'Which payload: its orchestration project, allocation and id.',
  fields: (t) => ids(t),
});

const DeletePayloadInput = builder.inputType('DeletePayloadInput', {
  description: 'A payload to delete.',
  fields: (t) => ({
    ...ids(t),
    force: t.boolean({ defaultValue: false, description: 'Delete it even if it is Reserved (players may be connected). Without it, a Reserved payload answers ConflictError.' }),
  }),
});

const PayloadLabelInput = builder.inputType('SetPayloadLabelInput', {
  description: 'One label to set on a payload (added, or overwritten when the key exists).',
  fields: (t) => ({
    ...ids(t),
    key: t.string({ required: true, description: 'The label key: 1–59 characters, letters, digits, ".", "_", "-", starting and ending with a letter or digit.' }),
    value: t.string({ required: true, description: 'The label value: empty, or up to 63 characters with the same rules as the key.' }),
  }),
});

const PayloadAnnotationInput = builder.inputType('SetPayloadAnnotationInput', {
  description: 'One annotation to set on a payload (added, or overwritten when the key exists).',
  fields: (t) => ({
    ...ids(t),
    key: t.string({ required: true, description: 'The annotation key: the same rules as a label key.' }),
    value: t.string({ required: true, description: 'The annotation value: any text, up to 16384 characters.' }),
  }),
});

const SetPayloadLabelSuccess = payloadSuccess('SetPayloadLabelSuccess', 'The label was set (added, or overwritten).');
const SetPayloadAnnotationSuccess = payloadSuccess('SetPayloadAnnotationSuccess', 'The annotation was set (added, or overwritten).');

builder.mutationFields((t) => ({
  deletePayload: t.field({
    type: DeletePayloadSuccess, errors: typedResult('deletePayload'),
    description: `Deletes a payload (asynchronously: it shows SHUTDOWN for a short while). ${ACCESS}`,
    args: { input: t.arg({ type: DeletePayloadInput, required: true, description: 'The payload, and whether to force it.' }) },
    resolve: (_root, { input }, ctx) => deletePayload(input, ctx),
  }),
  setPayloadLabel: t.field({
    type: SetPayloadLabelSuccess, errors: typedResult('setPayloadLabel'),
    description: `Sets one label on a payload; answers the payload read again afterwards. ${ACCESS}`,
    args: { input: t.arg({ type: PayloadLabelInput, required: true, description: 'The payload and the label.' }) },
    resolve: (_root, { input }, ctx) => setPayloadLabel(input, ctx),
  }),
  setPayloadAnnotation: t.field({
    type: SetPayloadAnnotationSuccess, errors: typedResult('setPayloadAnnotation'),
    description: `Sets one annotation on a payload; answers the payload read again afterwards. ${ACCESS}`,
    args: { input: t.arg({ type: PayloadAnnotationInput, required: true, description: 'The payload and the annotation.' }) },
    resolve: (_root, { input }, ctx) => setPayloadAnnotation(input, ctx),
  }),
}));
