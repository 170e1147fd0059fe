import type { Context } from '../../../context.ts';
import type { ScopedPayload } from '../../../loaders/orchestration.ts';
import { JunctionError } from '../../../errors.ts';
import type { PayloadSelector, ReservationRequest, ReservationResult } from '../../../upstream/orchestration/types.ts';
import type { EnumValue } from '../../orchestration/enums.ts';
import { entriesToMap, metadataToWire, type MetadataEntryInput, type MetadataInput } from './metadata.ts';
import { freshPayload, mutate, validated, verify, type Target } from './run.ts';
import type { PayloadTarget } from './payload.ts';
import { checkCount, checkKnown, LIMITS, stateToWire } from './validate.ts';

export interface PayloadSelectorInput {
  matchLabels?: readonly MetadataEntryInput[] | null;
  /** READY (the default) or RESERVED (back-fill: find a payload that is already reserved). */
  state?: EnumValue<'PayloadState'> | null;
}

export interface ReservePayloadInput extends Target {
  selectors?: readonly PayloadSelectorInput[] | null;
  payloadMetadata?: MetadataInput | null;
}

/** The reservation as the API answers it, with where it was made (to read the payload on demand). */
export type Reservation = ReservationResult & { projectId: string; allocationId: string };

function selectorsToWire(input: ReservePayloadInput): ReservationRequest {
  const body: ReservationRequest = {};
  validated(input, (p) => {
    if (input.selectors != null && checkCount(p, 'input.selectors', input.selectors, LIMITS.selectors)) {
      body.selectors = input.selectors.map((s, i): PayloadSelector => ({
        match_labels: entriesToMap(p, `input.selectors[${i}].matchLabels`, s.matchLabels ?? [], 'label'),
        payload_state: stateToWire(checkKnown(p, `input.selectors[${i}].state`, s.state ?? 'READY', ['READY', 'RESERVED'])),
      }));
    }
    if (input.payloadMetadata != null) body.payload_metadata = metadataToWire(p, 'input.payloadMetadata', input.payloadMetadata);
  });
  return body;
}

/**
 * CreateReservation (POST, never retried): the first selector that matches picks the payload, which becomes
 * Reserved and gets `payloadMetadata` merged in. No match anywhere → 412 → NoPayloadAvailableError.
 */
export async function reservePayload(input: ReservePayloadInput, ctx: Context): Promise<Reservation> {
  const body = selectorsToWire(input);
  const result = await mutate(() => ctx.orchestration.createReservation(input.projectId, input.allocationId, body),
    verify.allocation(input, 'payloads(state: [RESERVED]) { payloadId lastReserved labels { key value } }'), { reservation: true });
  return { ...result, projectId: input.projectId, allocationId: input.allocationId };
}

/** `PayloadReservation.payload`: read when asked for, past the loaders (the state just changed); null when gone. */
export async function reservedPayload(reservation: Reservation, ctx: Context): Promise<ScopedPayload | null> {
  try {
    return await freshPayload(ctx, reservation.projectId, reservation.allocationId, reservation.payload_id);
  } catch (error) {
    if (error instanceof JunctionError && error.code === 'NOT_FOUND') return null;
    throw error;
  }
}

/** DeleteReservation: the payload goes back to Ready (409 → ConflictError when it was not Reserved); read again. */
export async function releaseReservation(input: PayloadTarget, ctx: Context): Promise<ScopedPayload> {
  validated(input);
  return mutate(async () => {
    await ctx.orchestration.deleteReservation(input.projectId, input.allocationId, input.payloadId);
    return freshPayload(ctx, input.projectId, input.allocationId, input.payloadId);
  }, verify.payload(input, 'state lastReserved'));
}
