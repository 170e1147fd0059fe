import type { Resource } from '../model.ts';
import { runtimeRandom } from '../random.ts';
import { slugify } from '../seed/names.ts';
import type { Store } from '../store.ts';
import type { Micros } from '../time.ts';
import type { OrderDraft } from './orders.ts';

/** The marketplace resource a Create order makes at once, in state Creating; its name comes from `attributes.name`. */
export function createResource(store: Store, draft: OrderDraft, now: Micros): Resource {
  const name = typeof draft.attributes.name === 'string' && draft.attributes.name
    ? draft.attributes.name
    : `${draft.offering.slug.split('-')[0]}-${draft.project.slug}-${runtimeRandom.int(100, 999)}`;
  const resource: Resource = {
    uuid: runtimeRandom.uuidHex(), name, slug: slugify(name) || 'resource', description: String(draft.attributes.description ?? ''),
    projectUuid: draft.project.uuid, offeringUuid: draft.offering.uuid, planUuid: draft.plan?.uuid ?? null, state: 'Creating',
    backendId: '', effectiveId: '', attributes: draft.attributes, limits: draft.limits, currentUsages: {}, options: {},
    endDate: null, created: now, modified: now, lastSync: now, errorMessage: '', errorTraceback: '', creationOrderUuid: null,
    paused: false, downscaled: false, restrictMemberAccess: false,
  };
  store.addResource(resource);
  return resource;
}
