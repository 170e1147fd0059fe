import { encodeGlobalId } from '../../../resolvers/global-id.ts';
import { fromWire } from '../../../resolvers/orchestration/enums.ts';
import { allocationKeyOf, payloadKeyOf } from '../../../resolvers/orchestration/ids.ts';
import { reservedPayload, type Reservation } from '../../../resolvers/mutations/orchestration/reservation.ts';
import type { ScopedAllocation, ScopedPayload } from '../../../loaders/orchestration.ts';
import type { ReservationResult } from '../../../upstream/orchestration/types.ts';
import { builder } from '../../builder.ts';
import { Allocation } from '../../orchestration/allocation.ts';
import { PortProtocol } from '../../orchestration/enums.ts';
import { Payload } from '../../orchestration/payload.ts';
import { ORCHESTRATION_MUTATION_ERRORS } from '../errors.ts';

/** The `<Mutation>Success` objects of the orchestration mutations, and the `errors` option they share. */

export const DeleteAllocationSuccess = builder.objectRef<{ projectId: string; allocationId: string }>('DeleteAllocationSuccess').implement({
  description: 'The allocation is being deleted: it drains (Reserved payloads finish first), then stays visible as DELETED for a while.',
  fields: (t) => ({
    deletedId: t.id({
      nullable: false, description: 'The global id of the deleted allocation (as its `id` field gave it), to evict from client caches.',
      resolve: (d) => encodeGlobalId('Allocation', allocationKeyOf({ projectId: d.projectId, id: d.allocationId })),
    }),
    allocationId: t.exposeString('allocationId', { nullable: false, description: 'The allocation id (a UUID).' }),
  }),
});

export const DeletePayloadSuccess = builder.objectRef<{ projectId: string; allocationId: string; payloadId: string; forced: boolean }>('DeletePayloadSuccess').implement({
  description: 'The payload is being deleted: it stays visible in SHUTDOWN for a short while and can no longer be reserved.',
  fields: (t) => ({
    deletedId: t.id({
      nullable: false, description: 'The global id of the deleted payload (as its `id` field gave it), to evict from client caches.',
      resolve: (d) => encodeGlobalId('Payload', payloadKeyOf({ projectId: d.projectId, allocation_id: d.allocationId, id: d.payloadId })),
    }),
    payloadId: t.exposeString('payloadId', { nullable: false, description: 'The payload id.' }),
    forced: t.exposeBoolean('forced', { nullable: false, description: 'Whether `force` was sent (needed to delete a Reserved payload).' }),
  }),
});

const ReservedPort = builder.objectRef<NonNullable<ReservationResult['payload_ports']>[number]>('ReservedPort').implement({
  description: 'A host port of the reserved payload that players connect to.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The port name from the payload spec.' }),
    port: t.exposeInt('port', { description: 'The host port to connect to at `ReservePayloadSuccess.address`.' }),
    protocol: t.field({
      type: PortProtocol, nullable: false, description: 'The transport protocol (UNKNOWN when the API did not say).',
      resolve: (p, _args, ctx) => fromWire('PortProtocol', p.protocol, ctx.logger),
    }),
  }),
});

export const ReservePayloadSuccess = builder.objectRef<Reservation>('ReservePayloadSuccess').implement({
  description: 'A payload was reserved for a game session: where players connect. Release it with `releaseReservation`.',
  fields: (t) => ({
    payloadId: t.exposeString('payload_id', { nullable: false, description: 'The id of the reserved payload.' }),
    allocationId: t.exposeString('allocationId', { nullable: false, description: 'The allocation the payload belongs to.' }),
    address: t.string({ description: 'The public IP address to connect to.', resolve: (r) => r.payload_address || null }),
    ports: t.field({ type: [ReservedPort], nullable: false, description: 'The host ports to connect to, by name.', resolve: (r) => r.payload_ports ?? [] }),
    payload: t.field({
      type: Payload, description: 'The reserved payload, read again when asked for (one more upstream call); null if it is already gone.',
      resolve: (r, _args, ctx) => reservedPayload(r, ctx),
    }),
  }),
});

/** A success object carrying the allocation as the API answered the change (or as read right after it). */
export function allocationSuccess(name: string, description: string) {
  return builder.objectRef<ScopedAllocation>(name).implement({
    description,
    fields: (t) => ({
      allocation: t.field({ type: Allocation, nullable: false, description: 'The allocation after the change.', resolve: (a) => a }),
    }),
  });
}

/** A success object carrying the payload as read right after the change (the API answers `{}`). */
export function payloadSuccess(name: string, description: string) {
  return builder.objectRef<ScopedPayload>(name).implement({
    description,
    fields: (t) => ({
      payload: t.field({ type: Payload, nullable: false, description: 'The payload after the change, read again from the Orchestration API.', resolve: (p) => p }),
    }),
  });
}

/**
 * The `errors` option of every orchestration mutation (Pothos plugin-errors): the `<Mutation>Success` object itself
 * is a member of the `<Mutation>Result` union (`directResult`), next to the typed errors. Outages are not in the
 * union: they stay GraphQL errors with a code (a timeout names the query that tells the outcome).
 */
export function typedResult(mutation: string, extra: readonly (new (...args: never[]) => Error)[] = []) {
  const name = `${mutation.charAt(0).toUpperCase()}${mutation.slice(1)}`;
  const errors = ['ValidationError', 'ConflictError', 'NotFoundError', 'ForbiddenError', ...(extra.length ? ['NoPayloadAvailableError'] : [])];
  return {
    types: [...ORCHESTRATION_MUTATION_ERRORS, ...extra],
    directResult: true as const,
    union: { name: `${name}Result`, description: `What \`${mutation}\` returns: \`${name}Success\`, or a typed error to branch on with \`__typename\` (${errors.join(', ')}).` },
  };
}
