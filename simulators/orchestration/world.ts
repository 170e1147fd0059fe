import { Addressing } from './addressing.ts';
import { ArtefactStore } from './artefacts.ts';
import { reconcile } from './autoscaler.ts';
import { notFound } from './errors.ts';
import type { Allocation, AllocationSpec, Metadata, Payload, PayloadState } from './model.ts';
import { step, type Timing } from './payloads.ts';
import { Rng, deriveSeed, payloadId } from './random.ts';

export interface WorldOptions extends Timing { seed: number; deletedGraceMs: number }

// After a very long clock jump the system has long settled; replaying every step would only cost time.
const MAX_CATCH_UP_TICKS = 2000;

/** All simulated state: projects → allocations → payloads, artefacts, and the tick that drives them. */
export class World {
  readonly projects = new Map<string, Map<string, Allocation>>();
  readonly artefacts = new ArtefactStore();
  readonly rng: Rng;
  private readonly addressing: Addressing;
  private lastTick: number;

  constructor(readonly options: WorldOptions, now: number) {
    this.rng = new Rng(deriveSeed(options.seed, 'data'));
    this.addressing = new Addressing(new Rng(deriveSeed(options.seed, 'network')));
    this.lastTick = now;
  }

  /**
   * The time of the last tick. Timers started between ticks (deletion, crashes) count from it, so they end
   * after a whole number of ticks instead of one tick late.
   */
  get tickTime(): number {
    return this.lastTick;
  }

  hasProject(projectId: string): boolean {
    return this.projects.has(projectId);
  }

  ensureProject(projectId: string): Map<string, Allocation> {
    let project = this.projects.get(projectId);
    if (!project) this.projects.set(projectId, (project = new Map()));
    return project;
  }

  project(projectId: string): Map<string, Allocation> {
    const project = this.projects.get(projectId);
    if (!project) throw notFound(`project "${projectId}" does not exist or you do not have access to it`);
    return project;
  }

  allocation(projectId: string, allocationId: string): Allocation {
    const allocation = this.project(projectId).get(allocationId);
    if (!allocation) throw notFound(`allocation "${allocationId}" not found in project "${projectId}"`);
    return allocation;
  }

  payload(allocation: Allocation, id: string): Payload {
    const payload = allocation.payloads.get(id);
    if (!payload) throw notFound(`payload "${id}" not found in allocation "${allocation.id}"`);
    return payload;
  }

  createAllocation(projectId: string, input: { id?: string; name: string; spec: AllocationSpec; metadata: Metadata | null }, t: number): Allocation {
    const allocation: Allocation = {
      id: input.id ?? this.rng.uuidV4(), projectId, name: input.name, created: t, modified: t, enabled: true,
      spec: input.spec, specVersion: 1, metadata: input.metadata, state: 'New', details: 'not processed yet',
      settling: true, deleting: false, payloads: new Map(),
    };
    this.ensureProject(projectId).set(allocation.id, allocation);
    return allocation;
  }

  spawn(allocation: Allocation, t: number, state: PayloadState = 'Creating'): Payload {
    let id = payloadId(this.rng);
    while (allocation.payloads.has(id)) id = payloadId(this.rng);
    const { spec, ports } = this.addressing.assign(allocation.spec.payload_spec);
    const payload: Payload = {
      id, allocationId: allocation.id, clusterId: `ims-zeuz-${allocation.spec.region}-1`, spec, specVersion: allocation.specVersion,
      state, details: state === 'Creating' ? 'scheduling' : '', stateSince: t, created: t, address: this.addressing.address(), ports,
      metadata: { labels: {}, annotations: {} }, restarts: 0,
    };
    allocation.payloads.set(id, payload);
    return payload;
  }

  /** The platform uploads the log once more right before a payload terminates. */
  remove(allocation: Allocation, payload: Payload, t: number): void {
    allocation.payloads.delete(payload.id);
    this.addressing.release(payload.ports);
    this.artefacts.put({ allocationId: allocation.id, payloadId: payload.id, filePath: 'logs/server.log', sizeBytes: 2048 + this.rng.int(0, 65536), created: t, updated: t });
  }

  /** Runs every tick due up to `now`, each at its own sim time; returns how many ran. */
  catchUp(now: number): number {
    const { stepMs } = this.options;
    let ticks = 0;
    while (this.lastTick + stepMs <= now) {
      if (ticks === MAX_CATCH_UP_TICKS) {
        this.lastTick = now - ((now - this.lastTick) % stepMs);
        this.tick(this.lastTick);
        break;
      }
      this.lastTick += stepMs;
      this.tick(this.lastTick);
      ticks++;
    }
    this.artefacts.expire(now);
    return ticks;
  }

  private tick(t: number): void {
    for (const project of this.projects.values()) {
      for (const allocation of [...project.values()]) {
        for (const payload of [...allocation.payloads.values()]) {
          if (step(payload, t, this.options)) this.remove(allocation, payload, t);
        }
        reconcile(this, allocation, t);
        if (allocation.state === 'Deleted' && t - (allocation.deletedAt ?? t) >= this.options.deletedGraceMs) project.delete(allocation.id);
      }
    }
  }
}
