import type { User } from '../model.ts';
import { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { DAY, micros } from '../time.ts';
import { FIRST_NAMES, LAST_NAMES } from './names.ts';

export interface Principal {
  name: string;
  role: string;
  waldurToken: string;
  userUuid: string;
}

export interface People {
  principals: Principal[];
  staff: User;
  owner: User;
  manager: User;
  member: User;
  nobody: User;
  provider: User;
  /** Users without a demo role: owners of the other customers and project members. */
  pool: User[];
}

const DEMO_PRINCIPALS = [
  { name: 'staff', role: 'staff', username: 'sam.staff', fullName: 'Sam Staff', isStaff: true },
  { name: 'owner', role: 'customer-owner', username: 'olivia.owner', fullName: 'Olivia Owner', isStaff: false },
  { name: 'manager', role: 'project-manager', username: 'max.manager', fullName: 'Max Manager', isStaff: false },
  { name: 'member', role: 'project-member', username: 'mia.member', fullName: 'Mia Member', isStaff: false },
  { name: 'nobody', role: 'no-roles', username: 'nina.nobody', fullName: 'Nina Nobody', isStaff: false },
  { name: 'provider', role: 'provider-owner', username: 'pete.provider', fullName: 'Pete Provider', isStaff: false },
] as const;

const JOINED = micros('2023-03-01T09:00:00Z');

/** Demo principals first (their tokens do not depend on the scale), then a pool sized by the scale. */
export function seedPeople(store: Store, seed: number, scale: number): People {
  const rng = new Random(seed * 7919 + 1);
  const byName = new Map<string, User>();
  const principals: Principal[] = DEMO_PRINCIPALS.map((spec, index) => {
    const user: User = {
      uuid: rng.uuidHex(),
      username: spec.username,
      fullName: spec.fullName,
      email: `${spec.username}@example.com`,
      isStaff: spec.isStaff,
      isSupport: false,
      token: rng.token(),
      dateJoined: JOINED + index * DAY,
    };
    store.addUser(user);
    byName.set(spec.name, user);
    return { name: spec.name, role: spec.role, waldurToken: user.token!, userUuid: user.uuid };
  });

  const poolRng = new Random(seed * 7919 + 2);
  const pool: User[] = [];
  for (let i = 0; i < 8 * scale; i++) {
    const first = FIRST_NAMES[i % FIRST_NAMES.length];
    const last = LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length];
    const username = `${first}.${last}${i >= FIRST_NAMES.length * LAST_NAMES.length ? i : ''}`.toLowerCase().replace('ä', 'a');
    const user: User = {
      uuid: poolRng.uuidHex(),
      username,
      fullName: `${first} ${last}`,
      email: `${username}@example.org`,
      isStaff: false,
      isSupport: false,
      // Every tenth pool user (the 8th, 18th, …) has never logged in: impersonating them is refused.
      token: i % 10 === 7 ? null : poolRng.token(),
      dateJoined: JOINED + (i + 10) * DAY,
    };
    store.addUser(user);
    pool.push(user);
  }

  const get = (name: string) => byName.get(name)!;
  return {
    principals,
    staff: get('staff'),
    owner: get('owner'),
    manager: get('manager'),
    member: get('member'),
    nobody: get('nobody'),
    provider: get('provider'),
    pool,
  };
}
