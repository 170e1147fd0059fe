import { releaseReservation, reservePayload } from '../../../resolvers/mutations/orchestration/reservation.ts';
import { NoPayloadAvailable } from '../../../resolvers/mutations/typed-errors.ts';
import { builder } from '../../builder.ts';
import { PayloadState } from '../../orchestration/enums.ts';
import { PayloadTargetInput } from './payload-mutations.ts';
import { payloadSuccess, ReservePayloadSuccess, typedResult } from './results.ts';
import { MetadataEntryInput, MetadataInput } from './spec-inputs.ts';

const ACCESS = 'ForbiddenError unless the caller can reach the project (see `allocations`). Input is validated before any upstream call.';

const PayloadSelectorInput = builder.inputType('PayloadSelectorInput', {
  description: 'Which payloads a reservation may pick: those in `state` that carry every one of `matchLabels`.',
  fields: (t) => ({
    matchLabels: t.field({ type: [MetadataEntryInput], description: 'Labels the payload must carry, each with exactly this value (left out or empty: any labels).' }),
    state: t.field({
      type: PayloadState, defaultValue: 'READY',
      description: 'READY (a free payload) or RESERVED (back-fill: a payload that is already reserved); other states are rejected.',
    }),
  }),
});

const ReservePayloadInput = builder.inputType('ReservePayloadInput', {
  description: 'A reservation against an allocation: the first selector that matches a payload wins.',
  fields: (t) => ({
    projectId: t.string({ required: true, description: 'The orchestration project id.' }),
    allocationId: t.string({ required: true, description: 'The allocation to reserve a payload of.' }),
    selectors: t.field({ type: [PayloadSelectorInput], description: 'Tried in order (at most 32); left out or empty: any READY payload.' }),
    payloadMetadata: t.field({ type: MetadataInput, description: 'Labels and annotations merged into the chosen payload (e.g. so a back-fill is not handed out twice).' }),
  }),
});

const ReleaseReservationSuccess = payloadSuccess('ReleaseReservationSuccess', 'The reservation was released: the payload is READY again (and the autoscaler may remove it).');

builder.mutationFields((t) => ({
  reservePayload: t.field({
    type: ReservePayloadSuccess, errors: typedResult('reservePayload', [NoPayloadAvailable]),
    description: 'Reserves one payload of an allocation for a game session and answers where to connect. NoPayloadAvailableError when no '
      + `payload matches any selector. Never retried: after a timeout, list the allocation's RESERVED payloads. ${ACCESS}`,
    args: { input: t.arg({ type: ReservePayloadInput, required: true, description: 'The allocation, the ordered selectors and the metadata to apply.' }) },
    resolve: (_root, { input }, ctx) => reservePayload(input, ctx),
  }),
  releaseReservation: t.field({
    type: ReleaseReservationSuccess, errors: typedResult('releaseReservation'),
    description: `Releases a reservation: the payload goes back to READY (ConflictError when it is not RESERVED). ${ACCESS}`,
    args: { input: t.arg({ type: PayloadTargetInput, required: true, description: 'The reserved payload.' }) },
    resolve: (_root, { input }, ctx) => releaseReservation(input, ctx),
  }),
}));
