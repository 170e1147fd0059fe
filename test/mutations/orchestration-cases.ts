import type { Stack } from '../helpers/stack.ts';
import { prefix, SPEC_INPUT, SPEC_WIRE, type MutationName, type Target } from './orchestration-helpers.ts';

export interface Write { method: string; path: string; query: string; body?: unknown }

/** A valid input of each mutation for a target, and the one write request Junction must send for it. */
export interface Case {
  input: (t: Target) => Record<string, unknown>;
  write: (t: Target, pre: string) => Write;
  /** Whether a real 404 can be provoked with unknown ids (createAllocation has none to get wrong). */
  realNotFound: boolean;
}

const A = (t: Target, pre: string) => `${pre}/projects/${t.projectId}/allocations/${t.allocationId}`;
const ids = (t: Target) => ({ projectId: t.projectId, allocationId: t.allocationId });
const readyIds = (t: Target) => ({ ...ids(t), payloadId: t.ready[0] });

export const CASES: Record<MutationName, Case> = {
  createAllocation: {
    input: (t) => ({ projectId: t.projectId, name: 'arena-us', spec: SPEC_INPUT }),
    write: (t, pre) => ({ method: 'POST', path: `${pre}/projects/${t.projectId}/allocations`, query: '', body: { spec: SPEC_WIRE, name: 'arena-us' } }),
    realNotFound: false,
  },
  updateAllocation: {
    input: (t) => ({ ...ids(t), name: 'arena-renamed', spec: SPEC_INPUT }),
    write: (t, pre) => ({ method: 'PUT', path: A(t, pre), query: '', body: { spec: SPEC_WIRE, name: 'arena-renamed' } }),
    realNotFound: true,
  },
  deleteAllocation: {
    input: ids,
    write: (t, pre) => ({ method: 'DELETE', path: A(t, pre), query: '', body: null }),
    realNotFound: true,
  },
  setAllocationEnabled: {
    input: (t) => ({ ...ids(t), enabled: false }),
    write: (t, pre) => ({ method: 'PUT', path: `${A(t, pre)}/enabled`, query: '', body: { enabled: false } }),
    realNotFound: true,
  },
  updateAllocationImage: {
    input: (t) => ({ ...ids(t), image: 'registry.ims.io/games/arena:9.9.9' }),
    write: (t, pre) => ({ method: 'PUT', path: `${A(t, pre)}/image`, query: '', body: { image: 'registry.ims.io/games/arena:9.9.9' } }),
    realNotFound: true,
  },
  deletePayload: {
    input: readyIds,
    write: (t, pre) => ({ method: 'DELETE', path: `${A(t, pre)}/payloads/${t.ready[0]}`, query: '', body: null }),
    realNotFound: true,
  },
  setPayloadLabel: {
    input: (t) => ({ ...readyIds(t), key: 'team', value: 'blue' }),
    write: (t, pre) => ({ method: 'PUT', path: `${A(t, pre)}/payloads/${t.ready[0]}/metadata/label`, query: '', body: { key: 'team', value: 'blue' } }),
    realNotFound: true,
  },
  setPayloadAnnotation: {
    input: (t) => ({ ...readyIds(t), key: 'match.settings', value: '{"mode":"ctf"}' }),
    write: (t, pre) => ({ method: 'PUT', path: `${A(t, pre)}/payloads/${t.ready[0]}/metadata/annotation`, query: '', body: { key: 'match.settings', value: '{"mode":"ctf"}' } }),
    realNotFound: true,
  },
  reservePayload: {
    input: (t) => ({ ...ids(t), selectors: [{ state: 'READY' }] }),
    write: (t, pre) => ({ method: 'POST', path: `${A(t, pre)}/reservations`, query: '', body: { selectors: [{ match_labels: {}, payload_state: 'Ready' }] } }),
    realNotFound: true,
  },
  releaseReservation: {
    input: (t) => ({ ...ids(t), payloadId: t.reserved }),
    write: (t, pre) => ({ method: 'DELETE', path: `${A(t, pre)}/reservations/${t.reserved}`, query: '', body: null }),
    realNotFound: true,
  },
};

/** The same target with ids that are well-formed but do not exist upstream. */
export function missing(t: Target, name: MutationName): Target {
  const payloadLevel = ['deletePayload', 'setPayloadLabel', 'setPayloadAnnotation', 'releaseReservation'].includes(name);
  return payloadLevel
    ? { ...t, ready: ['zzzzz-zzzzz'], reserved: 'zzzzz-zzzzz' }
    : { ...t, allocationId: '00000000-0000-4000-8000-000000000000' };
}

export const writeOf = (stack: Stack, name: MutationName, t: Target): Write => CASES[name].write(t, prefix(stack));
