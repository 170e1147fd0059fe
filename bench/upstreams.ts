/** The bench's upstreams: both simulators in their own process, the staff caller, and the fixture the screens use. */
import { forkBench, type BenchProcess } from './processes.ts';
import type { Fixture } from './scenarios.ts';

export interface Caller { role: string; waldurToken: string; orchestrationToken: string }
type Link = { waldurProjectUuid: string; orchestrationProjectId: string; allocations: Array<{ resourceUuid: string }> };

export interface BenchUpstreams { sims: BenchProcess; staff: Caller; fixture: Fixture }

/** Forks the simulators (SIM_LATENCY_MS, SIM_SCALE in `settings`) and picks the staff caller and the fixture. */
export async function startBenchUpstreams(settings: { latencyMs: number; scale: number }): Promise<BenchUpstreams> {
  const sims = await forkBench('simulators', settings);
  const staff = (sims.info.principals as Caller[]).find((p) => p.role === 'staff')!;
  return { sims, staff, fixture: pickFixture(sims.info.links as Link[]) };
}

/** A project linked to an orchestration project with two or more allocations, and one of its resources. */
function pickFixture(links: Link[]): Fixture {
  const link = links.find((l) => l.allocations.length >= 2) ?? links[0];
  return { projectUuid: link.waldurProjectUuid, orchestrationProjectId: link.orchestrationProjectId, resourceUuid: link.allocations[0].resourceUuid };
}
