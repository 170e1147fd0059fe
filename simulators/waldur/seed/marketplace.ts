import type { Offering, Order, OrderState, OrderType, Project, Resource, User } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { estimateCost } from '../lifecycle/pricing.ts';
import { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { DAY, HOUR } from '../time.ts';
import { RESOURCE_WORDS } from './names.ts';
import type { People } from './people.ts';
import { resourceScenario, type Scenario } from './scenarios.ts';

export const RESOURCES_PER_PROJECT = 9;

interface Catalog {
  byKind: Record<Scenario['offering'], Offering[]>;
  gameServer: Offering;
}

function catalogOf(offerings: Offering[]): Catalog {
  const active = offerings.filter((offering) => offering.state === 'Active');
  const ofType = (...types: string[]) => active.filter((offering) => types.includes(offering.type));
  return {
    gameServer: ofType(OFFERING_TYPES.gameServer)[0],
    byKind: {
      any: active,
      agent: ofType(OFFERING_TYPES.slurm),
      'provider-review': ofType(OFFERING_TYPES.basic, OFFERING_TYPES.slurm),
      cancelable: ofType(OFFERING_TYPES.basic, OFFERING_TYPES.support),
      'game-server': ofType(OFFERING_TYPES.gameServer),
    },
  };
}

function limitsFor(rng: Random, offering: Offering): Record<string, number> {
  const limits: Record<string, number> = {};
  for (const component of offering.components) {
    if (component.billingType !== 'limit') continue;
    const min = component.minValue ?? 1;
    limits[component.type] = rng.int(min, Math.max(min, Math.floor((component.maxValue ?? 100) / 4)));
  }
  return limits;
}

function backendIdFor(rng: Random, offering: Offering): string {
  switch (offering.type) {
    case OFFERING_TYPES.gameServer: return rng.uuidDashed();
    case OFFERING_TYPES.slurm: return `hpc_${rng.hex(8)}`;
    case OFFERING_TYPES.script: return `vm-${rng.hex(8)}`;
    default: return '';
  }
}

/** Resources in every state, each with the order history that leads to that state (see scenarios.ts). */
export function seedMarketplace(store: Store, seed: number, projects: Project[], offerings: Offering[], people: People): void {
  const rng = new Random(seed * 7919 + 6);
  const catalog = catalogOf(offerings);
  let serial = 0;

  projects.forEach((project, projectIndex) => {
    const customer = store.customers.get(project.customerUuid)!;
    const owner = store.users.get([...customer.ownerUuids][0])!;
    const admin = store.users.get(store.rolesInProject(project.uuid).find((role) => role.role === 'PROJECT.ADMIN')!.userUuid)!;

    for (let k = 0; k < RESOURCES_PER_PROJECT; k++) {
      const scenario = resourceScenario(projectIndex, k);
      const offering = rng.pick(catalog.byKind[scenario.offering]);
      const plan = rng.pick(offering.plans);
      serial += 1;
      const name = `${offering.slug.split('-')[0]}-${rng.pick(RESOURCE_WORDS)}-${serial}`;
      const created = project.created + 2 * DAY + k * 3 * DAY + rng.int(0, 3_600_000_000);
      const createdDone = scenario.steps[0][1] === 'done';
      const keepsBackend = createdDone || scenario.keepsBackendId === true;
      const attributes: Record<string, unknown> = { name };
      if (offering.type === OFFERING_TYPES.gameServer) Object.assign(attributes, { region: rng.pick(['eu-west', 'us-east', 'ap-south']), map: 'harbor' });
      const limits = limitsFor(rng, offering);
      const resource: Resource = {
        uuid: rng.uuidHex(), name, slug: name, description: '', projectUuid: project.uuid, offeringUuid: offering.uuid,
        planUuid: plan.uuid, state: scenario.state, backendId: keepsBackend ? backendIdFor(rng, offering) : '',
        effectiveId: '', attributes, limits, currentUsages: {}, options: {}, endDate: k % 4 === 3 ? '2026-12-31' : null,
        created, modified: created, lastSync: created, errorMessage: '', errorTraceback: '', creationOrderUuid: null,
        paused: false, downscaled: false, restrictMemberAccess: false,
      };
      for (const component of offering.components) {
        if (component.billingType === 'usage' && createdDone) resource.currentUsages[component.type] = rng.int(0, 500);
      }
      if (scenario.state === 'Erred') resource.errorMessage = 'Backend reported a failure.';
      store.addResource(resource);

      scenario.steps.forEach(([type, state], step) => {
        const creator = (serial + step) % 2 === 0 || state === 'pending-consumer' || state === 'rejected' ? admin : owner;
        const order = makeOrder(rng, { resource, offering, type, state, created: created + step * 10 * DAY, creator, owner, provider: people.provider, limits });
        store.addOrder(order);
        if (type === 'Update' && state === 'done') resource.limits = { ...order.limits };
        if (step === 0) resource.creationOrderUuid = order.uuid;
        resource.modified = Math.max(resource.modified, order.modified);
      });
    }
  });
}

interface OrderSeed {
  resource: Resource;
  offering: Offering;
  type: OrderType;
  state: OrderState;
  created: number;
  creator: User;
  owner: User;
  provider: User;
  limits: Record<string, number>;
}

function makeOrder(rng: Random, seed: OrderSeed): Order {
  const { resource, offering, type, state, created, creator, owner, provider, limits } = seed;
  const plan = offering.plans.find((candidate) => candidate.uuid === resource.planUuid);
  const consumerReviewed = creator !== owner && state !== 'pending-consumer';
  const providerReviewed = [OFFERING_TYPES.basic, OFFERING_TYPES.slurm].includes(offering.type as never)
    && !['pending-consumer', 'pending-provider', 'pending-project', 'pending-start-date', 'canceled'].includes(state)
    && !(state === 'rejected' && consumerReviewed);
  const finished = ['done', 'erred', 'canceled', 'rejected'].includes(state);
  return {
    uuid: rng.uuidHex(), type, state, projectUuid: resource.projectUuid, offeringUuid: offering.uuid,
    planUuid: resource.planUuid, oldPlanUuid: null, resourceUuid: resource.uuid,
    attributes: type === 'Create' ? { ...resource.attributes } : type === 'Update' ? { old_limits: { ...limits } } : {},
    limits: type === 'Update' ? Object.fromEntries(Object.entries(limits).map(([key, value]) => [key, value + 1])) : { ...limits },
    cost: estimateCost(offering, plan, limits), created, modified: finished ? created + HOUR : created,
    completedAt: state === 'done' || state === 'erred' ? created + HOUR : null, createdByUuid: creator.uuid,
    consumerReviewedByUuid: consumerReviewed ? owner.uuid : null, consumerReviewedAt: consumerReviewed ? created + 600_000_000 : null,
    providerReviewedByUuid: providerReviewed ? provider.uuid : null, providerReviewedAt: providerReviewed ? created + 1_200_000_000 : null,
    errorMessage: state === 'erred' ? 'Provisioning failed on the backend.' : '', errorTraceback: state === 'erred' ? 'Traceback (most recent call last):\n  ...\nBackendError' : '',
    requestComment: null, callbackUrl: null, startDate: state === 'pending-start-date' ? '2030-06-01' : null,
    consumerRejectionComment: state === 'rejected' && consumerReviewed ? 'Not in this quarter\'s budget.' : '',
    providerRejectionComment: state === 'rejected' && !consumerReviewed ? 'Capacity is exhausted.' : '', output: '',
  };
}

