import DataLoader from 'dataloader';
import type { Config } from '../config.ts';
import type { WaldurCaller } from '../upstream/waldur/client.ts';
import type { Resource } from '../upstream/waldur/types.ts';
import { allRows, firstPage, MAX_BATCHED_ROWS } from './waldur/pages.ts';
import { asError } from './link-evidence/types.ts';
import type { Row } from './waldur/row.ts';
import { projectFieldEvidence } from './link-evidence/project-field.ts';
import { providerResourceEvidence } from './link-evidence/provider-resources.ts';
import type { LinkEvidence } from './link-evidence/types.ts';

export type { LinkedProject } from './link-evidence/types.ts';

/**
 * The Waldur side of the cross-backend links, always read with the caller's own Waldur credentials: the link evidence
 * (by default what the service provider records on its resources; the project's own field only when the operator
 * opts in with LINK_TRUST_PROJECT_FIELD) and the reverse lookup of marketplace resources by backend_id.
 */
export function createLinkLoaders(waldur: WaldurCaller, links: Config['links']) {
  const evidence: LinkEvidence = links.trustProjectField
    ? projectFieldEvidence(waldur, links.trustProjectField)
    : providerResourceEvidence(waldur, links.offeringUuids);

  const resourceLoaders = new Map<string, DataLoader<string, Row<Resource> | null>>();
  /** Marketplace resources by (Waldur project, backend_id), fetched with `fields` (+ what the match needs). */
  const resourceByBackendId = (fields: readonly string[]) => {
    const all = [...new Set(['uuid', 'backend_id', 'project_uuid', 'state', ...fields])].sort();
    const cacheKey = all.join(',');
    let loader = resourceLoaders.get(cacheKey);
    if (!loader) resourceLoaders.set(cacheKey, (loader = resourceLoader(waldur, all)));
    return { load: (projectUuid: string, backendId: string) => loader.load(`${projectUuid}\u0000${backendId}`) };
  };

  return { ...evidence, resourceByBackendId };
}

export type LinkLoaders = ReturnType<typeof createLinkLoaders>;

/**
 * One key = (project uuid, backend_id). A project asked for once is read with `project_uuid=X&backend_id=A`;
 * a project asked for several backend ids is listed once (pages of 300) and matched here, so
 * `allocations { marketplaceResource }` costs one Waldur call per project, not per allocation.
 * A live resource wins over a Terminated one that once held the same backend_id.
 */
function resourceLoader(waldur: WaldurCaller, fields: readonly string[]) {
  return new DataLoader<string, Row<Resource> | null>(async (keys) => {
    const byProject = new Map<string, Set<string>>();
    for (const k of keys) {
      const [projectUuid, backendId] = k.split('\u0000');
      (byProject.get(projectUuid) ?? byProject.set(projectUuid, new Set()).get(projectUuid)!).add(backendId);
    }
    const found = new Map<string, Row<Resource> | Error>();
    await Promise.all([...byProject].map(async ([projectUuid, backendIds]) => {
      try {
        const rows = await resourcesWithBackendIds(waldur, projectUuid, [...backendIds], fields);
        for (const backendId of backendIds) {
          const matches = rows.filter((r) => r.backend_id === backendId);
          const best = matches.find((r) => r.state !== 'Terminated') ?? matches[0];
          if (best) found.set(`${projectUuid}\u0000${backendId}`, best);
        }
      } catch (error) {
        for (const backendId of backendIds) found.set(`${projectUuid}\u0000${backendId}`, asError(error));
      }
    }));
    return keys.map((k) => found.get(k) ?? null);
  });
}

/**
 * The resources of a project that may hold these backend ids: one `backend_id=` call for a single id; for several,
 * the project's whole list (one call for up to 300), unless it is large — then one `backend_id=` call per id.
 */
async function resourcesWithBackendIds(waldur: WaldurCaller, projectUuid: string, backendIds: string[], fields: readonly string[]) {
  const byId = (backendId: string) => firstPage<Resource>(waldur, COLLECTION, [['project_uuid', projectUuid], ['backend_id', backendId]], fields);
  if (backendIds.length === 1) return (await byId(backendIds[0])).items;
  const first = await firstPage<Resource>(waldur, COLLECTION, [['project_uuid', projectUuid]], fields);
  if ((first.total ?? 0) > MAX_BATCHED_ROWS) return (await Promise.all(backendIds.map(byId))).flatMap((page) => page.items);
  return allRows<Resource>(waldur, COLLECTION, [['project_uuid', projectUuid]], fields, first);
}

const COLLECTION = 'marketplace-resources';
