import type { Allocation, Payload, PayloadState } from './model.ts';
import { payloadId } from './random.ts';
import { gameServerSpec } from './spec.ts';
import { World, type WorldOptions } from './world.ts';

export interface SeedProject { projectId: string; allocations: Array<{ id: string; name: string }> }

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const IMAGES = ['registry.ims.io/games/arena:1.4.2', 'registry.ims.io/games/racer:2.0.1', 'registry.ims.io/games/siege:0.9.7'];
const REGIONS = ['eu-west', 'us-east', 'ap-southeast'];
// Every active allocation gets Ready, Ready, Reserved; these are dealt out round-robin so every state exists.
const EXTRA_STATES: PayloadState[] = ['Creating', 'Preparing', 'Starting', 'Error', 'Unhealthy', 'Shutdown'];
const DETAILS: Partial<Record<PayloadState, string>> = {
  Creating: 'scheduling', Preparing: 'pulling image', Starting: 'waiting for the game server to call ready', Ready: 'ready',
  Reserved: 'reserved', Error: 'game server exited before ready; restarting', Unhealthy: 'game server exited', Shutdown: 'deleted by request',
};

type Role = 'active' | 'disabled' | 'stopped';

// With five or more allocations, every fourth and fifth one shows the Disabled and Stopped states.
const roleOf = (index: number, total: number): Role => (total < 5 ? 'active' : (['active', 'active', 'active', 'disabled', 'stopped'] as const)[index % 5]);

/**
 * Builds the demo data set; the same seed and project list always give the same ids, ports and states.
 * Each project keeps at least one active allocation, and its active allocations share the extra states.
 */
export function seedWorld(options: WorldOptions, projects: SeedProject[], now: number): World {
  const world = new World(options, now);
  const total = projects.reduce((n, p) => n + p.allocations.length, 0);
  let index = 0;
  for (const project of projects) {
    world.ensureProject(project.projectId);
    const roles = project.allocations.map((_, i) => roleOf(index + i, total));
    if (roles.length > 0 && !roles.includes('active')) roles[0] = 'active';
    const active = roles.flatMap((role, i) => (role === 'active' ? [i] : []));
    const extras = roles.map((): PayloadState[] => []);
    EXTRA_STATES.forEach((state, j) => extras[active[j % active.length]]?.push(state));
    project.allocations.forEach((a, i) => seedAllocation(world, { projectId: project.projectId, ...a }, index++, roles[i], extras[i], now));
  }
  return world;
}

function seedAllocation(world: World, entry: { projectId: string; id: string; name: string }, index: number, role: Role, extras: PayloadState[], now: number): void {
  const image = IMAGES[index % IMAGES.length];
  const game = image.split('/').pop()!.split(':')[0];
  const states: PayloadState[] = role === 'active' ? ['Ready', 'Ready', 'Reserved', ...extras] : [];
  const scale = role === 'stopped' ? { buffer: 0, min: 0, max: 4 } : { buffer: 2, min: 1, max: Math.max(6, states.length + 1) };
  const created = now - 30 * DAY + index * MINUTE;
  const metadata = { labels: { game, env: 'demo' }, annotations: { session_type: `${game}-ranked`, owner: 'platform-team@example.com' } };
  const a = world.createAllocation(entry.projectId, { id: entry.id, name: entry.name, spec: gameServerSpec(scale, image, REGIONS[index % REGIONS.length]), metadata }, created);
  a.modified = created + HOUR;
  a.settling = false;
  a.enabled = role !== 'disabled';
  a.state = role === 'active' ? 'Running' : role === 'disabled' ? 'Disabled' : 'Stopped';
  a.details = role === 'active' ? 'seeded' : role === 'disabled' ? 'disabled' : 'no payloads running';
  states.forEach((state, j) => seedPayload(world, a, state, index === 0 && j === 2, (states.length - j) * 10 * MINUTE, now));
  seedGhostArtefacts(world, a, now);
}

function seedPayload(world: World, a: Allocation, state: PayloadState, needsBackfill: boolean, age: number, now: number): void {
  const p = world.spawn(a, now - age, state);
  p.stateSince = now;
  p.details = DETAILS[state] ?? '';
  p.metadata.labels = { region: a.spec.region, version: a.spec.payload_spec.image.split(':')[1] ?? 'latest' };
  if (state !== 'Creating' && state !== 'Preparing') p.started = p.created + 2 * MINUTE;
  if (state === 'Reserved') {
    p.lastReserved = now - 5 * MINUTE;
    p.metadata.labels['needs-backfill'] = needsBackfill ? 'true' : 'false';
    p.metadata.annotations = { match_id: `m-${world.rng.hex(8)}`, players: '12' };
  }
  if (state === 'Error') {
    p.restarts = 2;
    p.restartAt = now + 2 * world.options.stepMs;
  }
  if (state === 'Shutdown') p.removeAt = now + world.options.shutdownMs;
  if (p.started !== undefined) seedArtefacts(world, a, p, now);
}

function seedArtefacts(world: World, a: Allocation, p: Payload, now: number): void {
  const put = (filePath: string, sizeBytes: number) => world.artefacts.put({
    allocationId: a.id, payloadId: p.id, filePath, sizeBytes, created: p.started!, updated: now - world.rng.int(1, 5) * MINUTE,
  });
  put('logs/server.log', world.rng.int(4_096, 200_000));
  put('metrics/summary.json', world.rng.int(300, 2_000));
  if (p.state === 'Reserved' || p.state === 'Unhealthy' || p.state === 'Shutdown') put(`replays/match-${world.rng.hex(6)}.replay`, world.rng.int(1_000_000, 20_000_000));
}

/** Artefacts of payloads long gone: one set 3 days old, one a few hours from the 7-day expiry. */
function seedGhostArtefacts(world: World, a: Allocation, now: number): void {
  for (const age of [3 * DAY, 6 * DAY + 20 * HOUR]) {
    const ghost = payloadId(world.rng);
    for (const filePath of ['logs/server.log', `replays/match-${world.rng.hex(6)}.replay`]) {
      world.artefacts.put({ allocationId: a.id, payloadId: ghost, filePath, sizeBytes: world.rng.int(4_096, 5_000_000), created: now - age - HOUR, updated: now - age });
    }
  }
}
