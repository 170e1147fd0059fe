import { startOrchestrationSimulator, type OrchestrationSimulator } from './orchestration/index.ts';
import { Random } from './waldur/random.ts';
import { startWaldurSimulator, type WaldurSimulator } from './waldur/index.ts';

export interface SimulatorsOptions {
  seed?: number;
  scale?: number;
  latencyMs?: number;
  /** Time per automatic step of both state machines (Waldur orders, orchestration payloads). */
  orderStepMs?: number;
  waldurPort?: number;
  orchestrationPort?: number;
  host?: string;
}

export interface SimulatedPrincipal {
  name: string;
  role: string;
  waldurToken: string;
  orchestrationToken: string;
  userUuid: string;
}

export interface Simulators {
  waldurUrl: string;
  orchestrationUrl: string;
  orchestrationTokenUrl: string;
  serviceAccount: { clientId: string; clientSecret: string; refreshToken: string };
  principals: SimulatedPrincipal[];
  waldur: WaldurSimulator;
  orchestration: OrchestrationSimulator;
  close(): Promise<void>;
}

/**
 * Starts the Waldur simulator, then the orchestration simulator seeded from Waldur's project links.
 * Waldur's game-server orders provision allocations through the orchestration simulator, which starts
 * second, so the provisioning hook is bound late.
 */
export async function startSimulators(options: SimulatorsOptions = {}): Promise<Simulators> {
  const { seed = 1, scale = 1, latencyMs = 0, orderStepMs = 1000, host = '127.0.0.1' } = options;
  let orchestration: OrchestrationSimulator | undefined;
  const waldur = await startWaldurSimulator({
    port: options.waldurPort ?? 0, host, latencyMs, seed, scale, orderStepMs,
    onProvision: ({ kind, orchestrationProjectId, resourceName }) => {
      if (kind === 'project') return orchestration?.provisionProject();
      return orchestrationProjectId ? orchestration?.provisionAllocation(orchestrationProjectId, resourceName) : undefined;
    },
  });

  const rng = new Random(seed * 7919 + 99);
  const serviceAccount = { clientId: 'junction-gateway', clientSecret: `sim-secret-${rng.hex(24)}`, refreshToken: `sim-refresh-${rng.hex(32)}` };
  const principals = waldur.principals.map((principal) => ({
    ...principal,
    orchestrationToken: `sim-${principal.name}-${rng.hex(24)}`,
  }));
  try {
    orchestration = await startOrchestrationSimulator({
      port: options.orchestrationPort ?? 0, host, latencyMs, seed, stepMs: orderStepMs,
      projects: waldur.links.map((link) => ({
        projectId: link.orchestrationProjectId,
        allocations: link.allocations.map(({ id, name }) => ({ id, name })),
      })),
      serviceAccount,
      userTokens: principals.map((principal) => ({
        token: principal.orchestrationToken,
        name: principal.name,
        projects: waldur.visibleOrchestrationProjects(principal.userUuid),
      })),
    });
  } catch (error) {
    await waldur.close();
    throw error;
  }
  const started = orchestration;

  return {
    waldurUrl: waldur.url,
    orchestrationUrl: started.url,
    orchestrationTokenUrl: started.tokenUrl,
    serviceAccount: started.serviceAccount,
    principals,
    waldur,
    orchestration: started,
    async close() {
      await Promise.all([waldur.close(), started.close()]);
    },
  };
}
