import { DEFAULT_PROFILE, type Profile } from './api/profile.ts';
import { OrderLifecycle } from './lifecycle/orders.ts';
import type { ProvisionHook } from './lifecycle/provisioning.ts';
import { orchestrationProjectOf } from './orchestration-link.ts';
import { OFFERING_TYPES } from './vocabulary.ts';
import { seedData, type Principal } from './seed/index.ts';
import type { Store } from './store.ts';

export interface SimulationOptions {
  seed: number;
  scale: number;
  orderStepMs: number;
  onProvision?: ProvisionHook;
}

export interface ProjectLink {
  orchestrationProjectId: string;
  waldurProjectUuid: string;
  allocations: Array<{ id: string; name: string; resourceUuid: string }>;
}

/** The simulated Waldur: its data, its principals and its order state machine; HTTP lives elsewhere. */
export class Simulation {
  store!: Store;
  principals!: Principal[];
  /** Which Waldur version it plays (api/profile.ts); a reset goes back to the default. */
  profile: Profile = { ...DEFAULT_PROFILE };
  readonly orders: OrderLifecycle;

  constructor(readonly options: SimulationOptions) {
    const simulation = this;
    this.orders = new OrderLifecycle({
      get store() {
        return simulation.store;
      },
      orderStepMs: options.orderStepMs,
      onProvision: (request) => options.onProvision?.(request),
    });
    this.reseed();
  }

  /** Back to the initial data set of the seed (pending timers are dropped). */
  reseed(): void {
    this.orders.stop();
    this.profile = { ...DEFAULT_PROFILE };
    const data = seedData(this.options.seed, this.options.scale);
    this.store = data.store;
    this.principals = data.principals;
  }

  /**
   * Every project linked to an orchestration project by the provider (all seeded ones are: see
   * orchestration-link.ts), with the allocations its game-server resources point at.
   */
  links(): ProjectLink[] {
    const { store } = this;
    return [...store.projects.values()].filter((project) => !project.isRemoved).map((project) => ({
      orchestrationProjectId: orchestrationProjectOf(store, project.uuid),
      waldurProjectUuid: project.uuid,
      allocations: store.resourcesOf(project.uuid)
        .filter((resource) => resource.backendId !== '' && resource.state !== 'Terminated'
          && store.offerings.get(resource.offeringUuid)?.type === OFFERING_TYPES.gameServer)
        .map((resource) => ({ id: resource.backendId, name: resource.name, resourceUuid: resource.uuid })),
    })).filter((link) => link.orchestrationProjectId !== '');
  }
}
