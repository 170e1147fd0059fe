import { conflict } from './errors.ts';
import { checkAnnotation, checkLabel } from './metadata.ts';
import { beginShutdown } from './payloads.ts';
import { ALLOCATION_PATH, PAYLOAD_PATH, type ApiCall, type RouteDef } from './router.ts';
import { payloadJson } from './serialize.ts';
import type { Sim } from './sim.ts';

function target(sim: Sim, call: ApiCall) {
  const allocation = sim.world.allocation(call.params.project, call.params.allocation);
  return { allocation, payload: sim.world.payload(allocation, call.params.payload) };
}

const field = (body: unknown, name: string): unknown => (typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[name] : undefined);

export const payloadRoutes: RouteDef[] = [
  {
    method: 'GET', path: `${ALLOCATION_PATH}/payloads`,
    handler: (sim, call) => {
      const allocation = sim.world.allocation(call.params.project, call.params.allocation);
      const payloads = [...allocation.payloads.values()].sort((a, b) => a.created - b.created || (a.id < b.id ? -1 : 1));
      return { results: payloads.map(payloadJson) };
    },
  },
  { method: 'GET', path: PAYLOAD_PATH, handler: (sim, call) => ({ result: payloadJson(target(sim, call).payload) }) },
  {
    method: 'DELETE', path: PAYLOAD_PATH,
    handler: (sim, call) => {
      const { payload } = target(sim, call);
      const force = ['true', '1'].includes(call.query.get('force_delete') ?? '');
      if (payload.state === 'Reserved' && !force) throw conflict(`payload ${payload.id} is Reserved; set force_delete=true to delete it`);
      beginShutdown(payload, sim.world.tickTime, sim.world.options, 'deleted by request');
      return {};
    },
  },
  {
    method: 'PUT', path: `${PAYLOAD_PATH}/metadata/label`,
    handler: (sim, call) => {
      const { payload } = target(sim, call);
      const [key, value] = checkLabel(field(call.body, 'key'), field(call.body, 'value'));
      payload.metadata.labels[key] = value;
      return {};
    },
  },
  {
    method: 'PUT', path: `${PAYLOAD_PATH}/metadata/annotation`,
    handler: (sim, call) => {
      const { payload } = target(sim, call);
      const [key, value] = checkAnnotation(field(call.body, 'key'), field(call.body, 'value'));
      payload.metadata.annotations[key] = value;
      return {};
    },
  },
];
