import DataLoader from 'dataloader';
import type { Config } from '../config.ts';
import type { WaldurCaller } from '../upstream/waldur/client.ts';
import type { Resource } from '../upstream/waldur/types.ts';
import { allRows, firstPage, MAX_BATCHED_ROWS } from './waldur/pages.ts';
import type { Row } from './waldur/row.ts';

/** A Waldur project the caller can see whose link field equals an orchestration project id. */
export interface LinkedProject { uuid: string; orchestrationProjectId: string }

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/**
 * The Waldur side of the cross-backend links, always read with the caller's own Waldur credentials.
 *
 * `linkedProjects(P)` is the evidence for access in service-account mode:
 * `GET projects/?<linkField>=P&field=uuid&field=<linkField>&page_size=300`, keeping only rows whose link field
 * equals P exactly (Waldur silently ignores an unknown filter, and a filter may match loosely, so the filter
 * only narrows; the equality decides). One call per orchestration project per request.
 */
export function createLinkLoaders(waldur: WaldurCaller, links: Config['links']) {
  const field = links.projectField;
  // One loader for the projects the caller can see, one for those it can manage (Waldur's can_manage filter).
  const linkedLoader = (extra: Array<[string, string]>) => new DataLoader<string, LinkedProject[]>((ids) => Promise.all(ids.map(async (id) => {
    try {
      const page = await waldur.list<Row<Record<string, unknown>>>('projects', { query: [[field, id], ...extra], fields: ['uuid', field], pageSize: 300 });
      return page.items.filter((row) => row[field] === id).map((row) => ({ uuid: row.uuid, orchestrationProjectId: id }));
    } catch (error) {
      return asError(error);
    }
  })));
  const linkedProjects = linkedLoader([]);
  const managedProjects = linkedLoader([['can_manage', 'true']]);

  const resourceLoaders = new Map<string, DataLoader<string, Row<Resource> | null>>();
  /** Marketplace resources by (Waldur project, backend_id), fetched with `fields` (+ what the match needs). */
  const resourceByBackendId = (fields: readonly string[]) => {
    const all = [...new Set(['uuid', 'backend_id', 'project_uuid', 'state', ...fields])].sort();
    const cacheKey = all.join(',');
    let loader = resourceLoaders.get(cacheKey);
    if (!loader) resourceLoaders.set(cacheKey, (loader = resourceLoader(waldur, all)));
    return { load: (projectUuid: string, backendId: string) => loader.load(`${projectUuid}\u0000${backendId}`) };
  };

  // Link values of Waldur project rows this request already read (with the caller's credentials), so
  // `projects { orchestrationProjectId resources { allocation } }` does not fetch each project again.
  const seenLinks = new Map<string, string | null>();
  const seenTargets = new Set<string>();

  return {
    /** Remembers the link value of a Waldur project row read in this request (null: blank). */
    rememberProjectLink(projectUuid: string, orchestrationProjectId: string | null) {
      seenLinks.set(projectUuid, orchestrationProjectId);
      if (orchestrationProjectId) seenTargets.add(orchestrationProjectId);
    },
    /**
     * Whether a project row linking to P passed through here: it was read with the caller's own credentials, so it
     * proves the caller sees a project linked to P, and `projects { allocations }` needs no `backend_id=P` call each.
     */
    sawLinkTo: (orchestrationProjectId: string) => seenTargets.has(orchestrationProjectId),
    /** The remembered link value; undefined when no row of that project was seen yet. */
    knownProjectLink: (projectUuid: string) => seenLinks.get(projectUuid),
    /** Waldur projects visible to the caller that link to orchestration project P (empty: no access). */
    linkedProjects: (orchestrationProjectId: string) => linkedProjects.load(orchestrationProjectId),
    /** Waldur projects the caller can MANAGE that link to P: the evidence for changing anything in P. */
    managedProjects: (orchestrationProjectId: string) => managedProjects.load(orchestrationProjectId),
    resourceByBackendId,
  };
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
