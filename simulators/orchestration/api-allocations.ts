import { badRequest, conflict } from './errors.ts';
import type { Allocation } from './model.ts';
import { ALLOCATION_PATH, type ApiCall, type RouteDef } from './router.ts';
import { allocationJson } from './serialize.ts';
import type { Sim } from './sim.ts';
import { parseAllocationBody } from './spec.ts';

const MAX_LIMIT = 1000;

function parseLimit(raw: string | null): number {
  if (raw === null || raw === '') return MAX_LIMIT;
  const limit = /^-?\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(limit >= 1 && limit <= MAX_LIMIT)) throw badRequest(`limit must be an integer between 1 and ${MAX_LIMIT}`);
  return limit;
}

const allocationOf = (sim: Sim, call: ApiCall) => sim.world.allocation(call.params.project, call.params.allocation);

/** Edits are refused once deletion has started; the allocation is only kept around to be looked at. */
function editable(a: Allocation): Allocation {
  if (a.deleting) throw conflict(`allocation ${a.id} is being deleted`);
  return a;
}

/** Any spec/image/enable change reconciles again: Updating until the buffer is Ready on the current spec. */
function resettle(a: Allocation, now: number, specChanged: boolean): void {
  if (specChanged) a.specVersion++;
  a.modified = now;
  a.settling = true;
  if (a.enabled && a.errorHook === undefined) {
    a.state = 'Updating';
    a.details = 'reconciling';
  }
}

export const allocationRoutes: RouteDef[] = [
  {
    method: 'GET', path: '/projects/{project}/allocations',
    handler: (sim, call) => {
      const limit = parseLimit(call.query.get('limit'));
      const all = [...sim.world.project(call.params.project).values()].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
      return { results: all.slice(0, limit).map(allocationJson) };
    },
  },
  {
    method: 'POST', path: '/projects/{project}/allocations',
    handler: (sim, call) => {
      sim.world.project(call.params.project);
      const { name, spec, metadata } = parseAllocationBody(call.body, false);
      const a = sim.world.createAllocation(call.params.project, { name, spec, metadata: metadata ?? null }, call.now);
      return { result: allocationJson(a) };
    },
  },
  { method: 'GET', path: ALLOCATION_PATH, handler: (sim, call) => ({ result: allocationJson(allocationOf(sim, call)) }) },
  {
    method: 'PUT', path: ALLOCATION_PATH,
    handler: (sim, call) => {
      const a = editable(allocationOf(sim, call));
      const { name, spec, metadata } = parseAllocationBody(call.body, true);
      const specChanged = JSON.stringify(spec.payload_spec) !== JSON.stringify(a.spec.payload_spec);
      a.name = name;
      a.spec = spec;
      if (metadata !== undefined) a.metadata = metadata;
      resettle(a, call.now, specChanged);
      return { result: allocationJson(a) };
    },
  },
  {
    method: 'DELETE', path: ALLOCATION_PATH,
    handler: (sim, call) => {
      const a = allocationOf(sim, call);
      if (!a.deleting) {
        a.deleting = true;
        a.state = 'Draining';
        a.details = 'deleting';
      }
      return {};
    },
  },
  {
    method: 'PUT', path: `${ALLOCATION_PATH}/enabled`,
    handler: (sim, call) => {
      const a = editable(allocationOf(sim, call));
      const enabled = (call.body as { enabled?: unknown } | null)?.enabled;
      if (typeof enabled !== 'boolean') throw badRequest('enabled is required and must be a boolean');
      if (enabled === a.enabled) return {};
      a.enabled = enabled;
      if (enabled) {
        resettle(a, call.now, false);
      } else {
        a.modified = call.now;
        a.state = 'Draining';
        a.details = 'disabling';
      }
      return {};
    },
  },
  {
    method: 'PUT', path: `${ALLOCATION_PATH}/image`,
    handler: (sim, call) => {
      const a = editable(allocationOf(sim, call));
      const image = (call.body as { image?: unknown } | null)?.image;
      if (typeof image !== 'string' || image === '') throw badRequest('image is required and must be a non-empty string');
      if (image !== a.spec.payload_spec.image) {
        a.spec.payload_spec.image = image;
        resettle(a, call.now, true);
      }
      return {};
    },
  },
];
