import { reserve, unreserve } from './reservations.ts';
import { ALLOCATION_PATH, type RouteDef } from './router.ts';

export const reservationRoutes: RouteDef[] = [
  {
    method: 'POST', path: `${ALLOCATION_PATH}/reservations`,
    handler: (sim, call) => reserve(sim.world.allocation(call.params.project, call.params.allocation), call.body, call.now),
  },
  {
    method: 'DELETE', path: `${ALLOCATION_PATH}/reservations/{payload}`,
    handler: (sim, call) => {
      const allocation = sim.world.allocation(call.params.project, call.params.allocation);
      unreserve(sim.world.payload(allocation, call.params.payload), call.now);
      return {};
    },
  },
];
