import DataLoader from 'dataloader';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import { asError, hexUuid, type LinkedProject, type LinkEvidence } from './types.ts';

/**
 * The opt-in link (LINK_TRUST_PROJECT_FIELD): a Waldur project's own field names its orchestration project. Real
 * Waldur lets every holder of PROJECT.UPDATE (customer owners, project managers) write `backend_id`, so this is safe
 * only where the deployment makes that field staff-only.
 *
 * `linkedProjects(P)` is `GET projects/?<field>=P&field=uuid&field=<field>&page_size=300`, keeping only rows whose
 * field equals P exactly (Waldur ignores an unknown filter, and a filter may match loosely: the equality decides).
 */
export function projectFieldEvidence(waldur: WaldurCaller, field: string): LinkEvidence {
  const projectsLinkedTo = (extra: Array<[string, string]>) => new DataLoader<string, LinkedProject[]>((ids) => Promise.all(ids.map(async (id) => {
    try {
      const page = await waldur.list<Record<string, unknown> & { uuid: string }>('projects', { query: [[field, id], ...extra], fields: ['uuid', field], pageSize: 300 });
      return page.items.filter((row) => row[field] === id).map((row) => ({ uuid: hexUuid(row.uuid), orchestrationProjectId: id }));
    } catch (error) {
      return asError(error);
    }
  })));
  const linkedProjects = projectsLinkedTo([]);
  const managedProjects = projectsLinkedTo([['can_manage', 'true']]);

  // Link values of project rows this request already read, so `projects { allocations resources { allocation } }`
  // does not fetch each project again.
  const seenLinks = new Map<string, string | null>();
  const seenTargets = new Set<string>();
  const remember = (projectUuid: string, value: unknown) => {
    const linked = typeof value === 'string' && value.trim() !== '' ? value : null;
    seenLinks.set(hexUuid(projectUuid), linked);
    if (linked) seenTargets.add(linked);
    return linked;
  };
  const fetched = new DataLoader<string, string | null>((uuids) => Promise.all(uuids.map(async (uuid) => {
    try {
      return remember(uuid, (await waldur.retrieve<Record<string, unknown>>('projects', uuid, ['uuid', field]))[field]);
    } catch (error) {
      return asError(error);
    }
  })));

  return {
    async projectLink(projectUuid) {
      const known = seenLinks.get(hexUuid(projectUuid));
      return known !== undefined ? known : fetched.load(hexUuid(projectUuid));
    },
    linkedProjects: (id) => linkedProjects.load(id),
    managedProjects: (id) => managedProjects.load(id),
    sawLinkTo: (id) => seenTargets.has(id),
    rememberProjectLink: remember,
  };
}
