import DataLoader from 'dataloader';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import type { Query } from '../waldur/memo.ts';
import { allRows, firstPage, MAX_BATCHED_ROWS } from '../waldur/pages.ts';
import { asError, hexUuid, type LinkedProject, type LinkEvidence } from './types.ts';

const COLLECTION = 'marketplace-resources';
const FIELDS = ['backend_id', 'created', 'offering_uuid', 'project_uuid', 'state', 'uuid'];
interface LinkRow { uuid: string; backend_id?: string | null; created?: string | null; offering_uuid?: string | null; project_uuid?: string | null; state?: string | null }
interface Link { projectUuid: string; orchestrationProjectId: string; created: string; uuid: string }

/**
 * The default link: a Waldur project W is linked to orchestration project P when the caller can see a live resource of
 * one of the configured orchestration offerings in W whose backend_id is P. Only the service provider writes that
 * backend_id (`marketplace-provider-resources/{uuid}/set_backend_id/`, RESOURCE.SET_BACKEND_ID on the offering or its
 * customer); a consumer's resource update carries only name, description and end_date. So a consumer cannot forge it.
 *
 * Filters only narrow what Waldur returns: every row is checked here (offering, state, exact backend_id and project),
 * because an older Waldur may ignore a filter it does not know and answer with more.
 */
export function providerResourceEvidence(waldur: WaldurCaller, offeringUuids: readonly string[]): LinkEvidence {
  const offerings = [...offeringUuids];
  const seenTargets = new Set<string>();

  const linksIn = (rows: LinkRow[]): Link[] => rows.flatMap((row) => {
    const backendId = typeof row.backend_id === 'string' ? row.backend_id : '';
    const projectUuid = hexUuid(row.project_uuid);
    if (!offerings.includes(hexUuid(row.offering_uuid)) || row.state === 'Terminated' || backendId.trim() === '' || !projectUuid) return [];
    seenTargets.add(backendId);
    return [{ projectUuid, orchestrationProjectId: backendId, created: String(row.created ?? ''), uuid: row.uuid }];
  });

  /** One list per offering (not every Waldur takes a CSV offering_uuid); all pages while the list stays small. */
  const read = (query: Query) => Promise.all(offerings.map(async (offering) => {
    const q: Query = [['offering_uuid', offering], ...query];
    const first = await firstPage<LinkRow>(waldur, COLLECTION, q, FIELDS);
    return (first.total ?? 0) <= MAX_BATCHED_ROWS ? allRows<LinkRow>(waldur, COLLECTION, q, FIELDS, first) : first.items;
  })).then((lists) => linksIn(lists.flat()));

  /** The oldest live link of a project decides its orchestration project when the provider recorded several. */
  const earliest = (links: Link[]) => [...links].sort((a, b) => a.created.localeCompare(b.created) || a.uuid.localeCompare(b.uuid))[0];

  // Several projects at once (e.g. `projects { allocations }`): the caller's whole list of link resources, when small.
  const projectLinks = new DataLoader<string, string | null>(async (projectUuids) => {
    try {
      let links: Link[] | undefined;
      if (projectUuids.length > 1) {
        const whole = await Promise.all(offerings.map((offering) => firstPage<LinkRow>(waldur, COLLECTION, [['offering_uuid', offering]], FIELDS)
          .then((first) => ((first.total ?? 0) <= MAX_BATCHED_ROWS ? allRows<LinkRow>(waldur, COLLECTION, [['offering_uuid', offering]], FIELDS, first) : undefined))));
        if (whole.every(Boolean)) links = linksIn(whole.flat() as LinkRow[]);
      }
      links ??= (await Promise.all(projectUuids.map((uuid) => read([['project_uuid', uuid]])))).flat();
      return projectUuids.map((uuid) => earliest(links!.filter((link) => link.projectUuid === uuid))?.orchestrationProjectId ?? null);
    } catch (error) {
      return projectUuids.map(() => asError(error));
    }
  });

  const linkedProjects = new DataLoader<string, LinkedProject[]>((ids) => Promise.all(ids.map(async (id) => {
    try {
      const links = (await read([['backend_id', id]])).filter((link) => link.orchestrationProjectId === id);
      return [...new Set(links.map((link) => link.projectUuid))].map((uuid) => ({ uuid, orchestrationProjectId: id }));
    } catch (error) {
      return asError(error);
    }
  })));

  // `query=<uuid>` narrows Waldur's project list to that uuid (structure/filters.py ProjectFilter.filter_query).
  const manages = new DataLoader<string, boolean>((uuids) => Promise.all(uuids.map(async (uuid) => {
    try {
      const page = await waldur.list<{ uuid: string }>('projects', { query: [['can_manage', 'true'], ['query', uuid]], fields: ['uuid'], pageSize: 300 });
      return page.items.some((row) => hexUuid(row.uuid) === uuid);
    } catch (error) {
      return asError(error);
    }
  })));

  return {
    projectLink: (projectUuid) => projectLinks.load(hexUuid(projectUuid)),
    linkedProjects: (id) => linkedProjects.load(id),
    async managedProjects(id) {
      const linked = await linkedProjects.load(id);
      const managed = await Promise.all(linked.map((project) => manages.load(project.uuid)));
      return linked.filter((_project, i) => managed[i]);
    },
    sawLinkTo: (id) => seenTargets.has(id),
    rememberProjectLink: () => null,
  };
}
