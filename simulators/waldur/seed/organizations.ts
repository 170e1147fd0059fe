import type { Customer, Project, ProjectRoleName, User } from '../model.ts';
import { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { DAY, HOUR, micros } from '../time.ts';
import { COUNTRIES, CUSTOMER_PREFIXES, CUSTOMER_SUFFIXES, GREEK, PROJECT_THEMES, slugify } from './names.ts';
import type { People } from './people.ts';

export const PROJECTS_PER_CUSTOMER = 3;
const FOUNDED = micros('2023-06-01T10:00:00Z');

export interface Organizations {
  consumers: Customer[];
  providers: Customer[];
  projects: Project[];
}

function customerName(index: number): string {
  const base = `${CUSTOMER_PREFIXES[index % CUSTOMER_PREFIXES.length]} ${CUSTOMER_SUFFIXES[Math.floor(index / CUSTOMER_PREFIXES.length) % CUSTOMER_SUFFIXES.length]}`;
  return index < CUSTOMER_PREFIXES.length * CUSTOMER_SUFFIXES.length ? base : `${base} ${index}`;
}

function makeCustomer(rng: Random, name: string, index: number, owners: User[]): Customer {
  const slug = slugify(name);
  const abbreviation = name.split(' ').map((word) => word[0]).join('').toUpperCase() + (index > 0 ? index : '');
  return {
    uuid: rng.uuidHex(), name, slug, abbreviation: abbreviation.slice(0, 12), nativeName: name,
    description: `${name}, a demo organization.`, backendId: '', email: `billing@${slug}.example.com`,
    phoneNumber: `+372 5${String(rng.int(100000, 999999))}`, domain: `${slug}.example.com`,
    country: COUNTRIES[index % COUNTRIES.length], registrationCode: String(10000000 + index * 7919),
    agreementNumber: `AGR-${2023 + (index % 3)}-${String(index + 1).padStart(4, '0')}`, contactDetails: `${name}, Tartu`,
    created: FOUNDED + index * DAY + rng.int(0, 1_000_000), archived: false, blocked: false,
    isServiceProvider: false, serviceProviderUuid: null, ownerUuids: new Set(owners.map((user) => user.uuid)),
  };
}

/**
 * Consumer customers 0..4·scale-1 (0 is the owner's; 3 is archived), two provider customers owned by
 * the provider principal, three projects per consumer, and project roles for the demo principals and the pool.
 */
export function seedOrganizations(store: Store, seed: number, scale: number, people: People): Organizations {
  const rng = new Random(seed * 7919 + 3);
  const providers = ['Stellar Compute', 'Arcade Cloud'].map((name, index) => {
    const customer = makeCustomer(rng, name, 900 + index, [people.provider]);
    customer.isServiceProvider = true;
    customer.serviceProviderUuid = rng.uuidHex();
    store.addCustomer(customer);
    return customer;
  });

  const consumers: Customer[] = [];
  const projects: Project[] = [];
  const usedProjectIds = new Set<string>();
  const roleRng = new Random(seed * 7919 + 4);
  const addRole = (project: Project, user: User, role: ProjectRoleName, createdBy: User | null) =>
    store.addRole({
      uuid: roleRng.uuidHex(), projectUuid: project.uuid, userUuid: user.uuid, role,
      created: project.created + HOUR, expirationTime: null, createdByUuid: createdBy?.uuid ?? null,
    });

  for (let c = 0; c < 4 * scale; c++) {
    const owner = c === 0 ? people.owner : people.pool[(c * 3) % people.pool.length];
    const customer = makeCustomer(rng, customerName(c), c, [owner]);
    customer.archived = c === 3;
    store.addCustomer(customer);
    consumers.push(customer);

    for (let p = 0; p < PROJECTS_PER_CUSTOMER; p++) {
      let orchestrationId: string;
      do orchestrationId = `${rng.pick(GREEK)}-${rng.pick(GREEK)}-${rng.int(100000, 999999)}`;
      while (usedProjectIds.has(orchestrationId));
      usedProjectIds.add(orchestrationId);
      const theme = PROJECT_THEMES[(c * PROJECTS_PER_CUSTOMER + p) % PROJECT_THEMES.length];
      const created = customer.created + (p + 1) * 5 * DAY + rng.int(0, 1_000_000);
      const project: Project = {
        uuid: rng.uuidHex(), name: `${theme} ${c + 1}.${p + 1}`, slug: slugify(`${theme}-${c + 1}-${p + 1}`),
        description: `${theme} work of ${customer.name}.`, customerUuid: customer.uuid, backendId: orchestrationId,
        created, modified: created, oecdFos2007Code: p === 0 ? '1.1' : null, isIndustry: c % 2 === 1,
        kind: p === 2 && c % 5 === 4 ? 'course' : 'default', isRemoved: false,
        // A project that has not started yet parks new orders in pending-project; an expired one blocks approval.
        startDate: p === 2 && c % 4 === 2 ? '2030-01-01' : null,
        endDate: p === 2 && c % 4 === 1 ? '2024-12-31' : null,
      };
      store.addProject(project);
      projects.push(project);

      addRole(project, people.pool[(c * 5 + p * 2 + 1) % people.pool.length], 'PROJECT.ADMIN', owner);
      if ((c + p) % 2 === 0) addRole(project, people.pool[(c * 5 + p * 2 + 2) % people.pool.length], 'PROJECT.MEMBER', owner);
      if (c === 0 && p === 1) addRole(project, people.member, 'PROJECT.MEMBER', owner);
      if (c === 1 && p === 0) addRole(project, people.manager, 'PROJECT.MANAGER', owner);
    }
  }
  return { consumers, providers, projects };
}
