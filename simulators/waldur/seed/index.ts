import type { Offering } from '../model.ts';
import { BACKEND_REQUEST_STATES } from '../vocabulary.ts';
import { Random } from '../random.ts';
import { Store } from '../store.ts';
import { DAY, HOUR, micros } from '../time.ts';
import { seedCatalog } from './catalog.ts';
import { seedMarketplace } from './marketplace.ts';
import { seedOrchestrationLinks } from './orchestration-links.ts';
import { seedOrganizations } from './organizations.ts';
import { seedPeople, type Principal } from './people.ts';

export type { Principal } from './people.ts';

export interface SeededData {
  store: Store;
  principals: Principal[];
}

/** Builds the whole demo data set; the same seed and scale always give the same data. */
export function seedData(seed: number, scale: number): SeededData {
  const store = new Store();
  const people = seedPeople(store, seed, scale);
  const organizations = seedOrganizations(store, seed, scale, people);
  const offerings = seedCatalog(store, seed, scale, organizations.providers);
  seedMarketplace(store, seed, organizations.projects, offerings, people);
  seedBackendRequests(store, seed, offerings);
  seedOrchestrationLinks(store, seed, organizations.providers[1], organizations.projects);
  return { store, principals: people.principals };
}

function seedBackendRequests(store: Store, seed: number, offerings: Offering[]): void {
  const rng = new Random(seed * 7919 + 7);
  const start = micros('2024-09-02T07:00:00Z');
  offerings.forEach((offering, index) => {
    BACKEND_REQUEST_STATES.forEach((state, step) => {
      const created = start + (index * 4 + step) * DAY;
      const started = state === 'Sent' ? null : created + HOUR;
      const finished = state === 'Done' || state === 'Erred' ? created + 2 * HOUR : null;
      store.addBackendRequest({
        uuid: rng.uuidHex(), offeringUuid: offering.uuid, state, created, modified: finished ?? started ?? created,
        started, finished, errorMessage: state === 'Erred' ? 'Site agent could not list backend resources.' : '',
        errorTraceback: state === 'Erred' ? 'Traceback (most recent call last):\n  ...\nConnectionError' : '',
      });
    });
  });
}
