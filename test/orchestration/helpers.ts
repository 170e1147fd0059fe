import { request } from 'undici';
import { encodeGlobalId } from '../../src/resolvers/global-id.ts';
import type { LoggedRequest, PrincipalName, Stack } from '../helpers/stack.ts';

export const PRINCIPALS: PrincipalName[] = ['staff', 'owner', 'manager', 'member', 'nobody'];

export const allocationGid = (projectId: string, allocationId: string) =>
  encodeGlobalId('Allocation', [projectId, allocationId].map(encodeURIComponent).join('/'));
export const payloadGid = (projectId: string, allocationId: string, payloadId: string) =>
  encodeGlobalId('Payload', [projectId, allocationId, payloadId].map(encodeURIComponent).join('/'));

/**
 * The provider-recorded links a principal's own Waldur token can see (asked of the Waldur simulator directly): the
 * live resources of the orchestration offering, as Waldur project uuid → orchestration project id.
 */
export async function visibleLinks(stack: Stack, name: PrincipalName): Promise<Map<string, string>> {
  const offering = stack.sims.waldur.orchestrationOfferingUuid;
  const response = await request(`${stack.sims.waldurUrl}marketplace-resources/?offering_uuid=${offering}&field=project_uuid&field=backend_id&field=state&page_size=300`, {
    headers: { authorization: `Token ${stack.principal(name).waldurToken}` },
  });
  const rows = (await response.body.json()) as Array<{ project_uuid: string; backend_id: string; state: string }>;
  return new Map(rows.filter((r) => r.backend_id && r.state !== 'Terminated').map((r) => [r.project_uuid, r.backend_id]));
}

/** The orchestration project ids a principal's own Waldur token can reach through the provider's links. */
export async function visibleOrchestrationProjects(stack: Stack, name: PrincipalName): Promise<Set<string>> {
  return new Set((await visibleLinks(stack, name)).values());
}

/** Every linked project of the seed, with a real payload id of its first allocation that has payloads. */
export async function seededTargets(stack: Stack) {
  const targets = [];
  for (const link of stack.sims.waldur.links) {
    if (!link.orchestrationProjectId || !link.allocations.length) continue;
    const answer = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId payloads { payloadId } } }`, { p: link.orchestrationProjectId });
    const withPayload = answer.data.allocations.find((a: { payloads: unknown[] }) => a.payloads.length > 0);
    targets.push({
      projectId: link.orchestrationProjectId,
      waldurProjectUuid: link.waldurProjectUuid,
      allocationId: withPayload?.allocationId ?? link.allocations[0].id,
      payloadId: withPayload?.payloads[0].payloadId as string | undefined,
      resourceUuid: link.allocations[0].resourceUuid,
    });
  }
  return targets;
}

/** Requests whose method and path match, e.g. count(log, 'GET', /\/allocations$/). */
export function matching(log: LoggedRequest[], method: string, path: RegExp): LoggedRequest[] {
  return log.filter((r) => r.method === method && path.test(r.path));
}
