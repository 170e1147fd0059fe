import type { Customer, Offering, Project } from '../model.ts';
import { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { DAY, micros } from '../time.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';

/**
 * The provider's "Orchestration project" offering and, for every seeded project, one running resource of it whose
 * backend_id — set by the provider, never by the consumer — names the project's orchestration project. This is the
 * link Junction trusts by default. The projects' own backend_id carries the same id (what the opt-in
 * LINK_TRUST_PROJECT_FIELD mode reads). Drawn from its own random stream so the rest of the seed is unchanged.
 */
export function seedOrchestrationLinks(store: Store, seed: number, provider: Customer, projects: Project[]): Offering {
  const rng = new Random(seed * 7919 + 8);
  const uuid = rng.uuidHex();
  const offering: Offering = {
    uuid, name: 'Orchestration project', slug: 'orchestration-project', type: OFFERING_TYPES.orchestration, state: 'Active',
    description: 'A project in the game-server orchestration service; the provider records its id on the resource.',
    customerUuid: provider.uuid, categoryUuid: rng.uuidHex(), categoryTitle: 'Orchestration', shared: true, billable: false,
    created: micros('2023-05-20T08:00:00Z'), components: [], options: { order: [], options: {} }, attributes: {},
    plans: [{
      uuid: rng.uuidHex(), offeringUuid: uuid, name: 'Project', description: 'One orchestration project.', unit: 'month',
      unitPrice: '0.0000000000', archived: false, prices: {}, quotas: {},
    }],
  };
  store.addOffering(offering);
  store.orchestrationOfferingUuid = uuid;

  for (const project of projects) {
    if (!project.backendId) continue;
    // Linked after the project's other seeded resources, so lists in creation order show those first.
    const created = project.created + 40 * DAY;
    const name = `orchestration-${project.backendId}`;
    store.addResource({
      uuid: rng.uuidHex(), name, slug: name, description: '', projectUuid: project.uuid, offeringUuid: uuid,
      planUuid: offering.plans[0].uuid, state: 'OK', backendId: project.backendId, effectiveId: '', attributes: { name },
      limits: {}, currentUsages: {}, options: {}, endDate: null, created, modified: created, lastSync: created,
      errorMessage: '', errorTraceback: '', creationOrderUuid: null, paused: false, downscaled: false, restrictMemberAccess: false,
    });
  }
  return offering;
}
