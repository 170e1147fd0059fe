import type { AddressInfo } from 'node:net';
import { Scope } from './api/scope.ts';
import type { ProvisionHook } from './lifecycle/provisioning.ts';
import type { Principal } from './seed/index.ts';
import { createWaldurServer } from './server.ts';
import { orchestrationProjectOf } from './orchestration-link.ts';
import { Simulation, type ProjectLink } from './simulation.ts';

export type { ProvisionHook, ProvisionRequest } from './lifecycle/provisioning.ts';
export type { Principal } from './seed/index.ts';
export type { ProjectLink } from './simulation.ts';

export interface WaldurSimulatorOptions {
  port?: number;
  host?: string;
  /** Added to every API response. */
  latencyMs?: number;
  seed?: number;
  /** Multiplies the data set: scale 1 has 108 resources, scale 100 has 10,800. */
  scale?: number;
  /** How long an executing order (other than site-agent ones) takes to become done. */
  orderStepMs?: number;
  onProvision?: ProvisionHook;
}

export interface WaldurSimulator {
  /** origin + '/api/' */
  url: string;
  origin: string;
  principals: Principal[];
  /** Every project's orchestration project id and the allocations its resources point at (current data). */
  readonly links: ProjectLink[];
  /** The offering whose resources' provider-set backend_id names an orchestration project (LINK_OFFERING_UUIDS). */
  readonly orchestrationOfferingUuid: string;
  /** The orchestration project ids of the Waldur projects a user can see ('*' for staff). */
  visibleOrchestrationProjects(userUuid: string): string[] | '*';
  close(): Promise<void>;
}

export async function startWaldurSimulator(options: WaldurSimulatorOptions = {}): Promise<WaldurSimulator> {
  const { port = 0, host = '127.0.0.1', latencyMs = 0, seed = 1, scale = 1, orderStepMs = 1000, onProvision } = options;
  const sim = new Simulation({ seed, scale, orderStepMs, onProvision });
  const { server } = createWaldurServer(sim, latencyMs);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  const origin = `http://${address.family === 'IPv6' ? `[${address.address}]` : address.address}:${address.port}`;
  return {
    url: `${origin}/api/`,
    origin,
    get principals() {
      return sim.principals;
    },
    get links() {
      return sim.links();
    },
    get orchestrationOfferingUuid() {
      return sim.store.orchestrationOfferingUuid;
    },
    visibleOrchestrationProjects(userUuid) {
      const user = sim.store.users.get(userUuid);
      const visible = new Scope(sim.store, user ?? null).visibleProjectUuids();
      if (!visible) return '*';
      return [...visible].map((uuid) => orchestrationProjectOf(sim.store, uuid)).filter(Boolean);
    },
    async close() {
      sim.orders.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
