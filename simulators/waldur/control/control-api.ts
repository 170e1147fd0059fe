import { normalizeUuid } from '../http/ids.ts';
import { stateAfterConsumerReview } from '../lifecycle/order-rules.ts';
import type { Order, OrderState } from '../model.ts';
import { ORDER_STATES } from '../vocabulary.ts';
import type { Simulation } from '../simulation.ts';
import type { Faults, FaultSpec } from './faults.ts';
import type { RequestLog } from './request-log.ts';

export interface ControlReply {
  status: number;
  body?: unknown;
}

export interface ControlDeps {
  sim: Simulation;
  log: RequestLog;
  faults: Faults;
}

/** Without a target state, an order takes its next natural step. */
function nextState(sim: Simulation, order: Order): OrderState {
  const project = sim.store.projects.get(order.projectUuid)!;
  const offering = sim.store.offerings.get(order.offeringUuid)!;
  switch (order.state) {
    case 'pending-consumer': return stateAfterConsumerReview(project, offering, order);
    case 'pending-provider':
    case 'pending-project':
    case 'pending-start-date': return 'executing';
    default: return 'done';
  }
}

async function advance(sim: Simulation, body: Record<string, unknown>): Promise<ControlReply> {
  if (body.order === undefined) return { status: 200, body: { advanced: await sim.orders.stepAll() } };
  const order = sim.store.orders.get(normalizeUuid(body.order) ?? '');
  if (!order) return { status: 404, body: { detail: 'No Order matches the given query.' } };
  const to = (body.to ?? nextState(sim, order)) as OrderState;
  if (!ORDER_STATES.includes(to)) return { status: 400, body: { to: [`"${String(to)}" is not a valid choice.`] } };
  if (to === 'done') await sim.orders.complete(order);
  else sim.orders.moveTo(order, to, { cause: 'processing' });
  const resource = sim.store.resources.get(order.resourceUuid);
  return { status: 200, body: { uuid: order.uuid, state: order.state, resource_state: resource?.state ?? null, backend_id: resource?.backendId ?? null } };
}

function addFault(faults: Faults, body: Record<string, unknown>): ControlReply {
  if (typeof body.path !== 'string') return { status: 400, body: { path: ['This field is required.'] } };
  try {
    return { status: 201, body: { id: faults.add(body as unknown as FaultSpec).id } };
  } catch (error) {
    return { status: 400, body: { path: [(error as Error).message] } };
  }
}

/** `POST /__sim/profile {"version": "7.0.7", "resultCount": false}`: which Waldur to play (api/profile.ts). */
function setProfile(sim: Simulation, body: Record<string, unknown>): ControlReply {
  if (body.version !== undefined && (typeof body.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(body.version))) return { status: 400, body: { version: ['Expected a version such as "7.0.7".'] } };
  if (body.resultCount !== undefined && typeof body.resultCount !== 'boolean') return { status: 400, body: { resultCount: ['Expected a boolean.'] } };
  sim.profile = { version: (body.version as string | undefined) ?? sim.profile.version, resultCount: (body.resultCount as boolean | undefined) ?? sim.profile.resultCount };
  return { status: 200, body: sim.profile };
}

/** `/__sim/…`: the simulator's own control surface (no auth, not logged). */
export async function handleControl(
  deps: ControlDeps, method: string, route: string, query: URLSearchParams, body: Record<string, unknown>,
): Promise<ControlReply> {
  const { sim, log, faults } = deps;
  switch (`${method} ${route}`) {
    case 'GET requests': return { status: 200, body: log.list(Number(query.get('since') ?? 0)) };
    case 'GET counters': return { status: 200, body: log.counters() };
    case 'POST reset':
      log.clear();
      faults.clear();
      if (query.get('data') === 'true' || body.data === true) sim.reseed();
      return { status: 200, body: { reset: true } };
    case 'POST advance': return advance(sim, body);
    case 'GET faults': return { status: 200, body: faults.list().map(({ pattern, ...fault }) => ({ ...fault, remaining: Number.isFinite(fault.remaining) ? fault.remaining : null })) };
    case 'POST faults': return addFault(faults, body);
    case 'DELETE faults':
      faults.clear();
      return { status: 200, body: { cleared: true } };
    case 'GET credentials': return { status: 200, body: { principals: sim.principals } };
    case 'GET links': return { status: 200, body: sim.links() };
    case 'GET profile': return { status: 200, body: sim.profile };
    case 'POST profile': return setProfile(sim, body);
    default: return { status: 404, body: { detail: `Unknown control route: ${method} /__sim/${route}` } };
  }
}
