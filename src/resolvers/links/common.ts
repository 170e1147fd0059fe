import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../../context.ts';
import { JunctionError } from '../../errors.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { isOrchestrationId } from '../../upstream/orchestration/ids.ts';
import type { Project } from '../../upstream/waldur/types.ts';
import { waldurFieldsFor } from '../field-plan.ts';

/**
 * A link field answers null, never an error, when the other side is missing (404) or not reachable by this
 * caller (FORBIDDEN from the access guard, or the Orchestration API's own 403 in pass-through mode).
 */
export async function nullWhenUnreachable<T>(work: () => Promise<T | null>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof JunctionError && (error.code === 'NOT_FOUND' || error.code === 'FORBIDDEN')) return null;
    throw error;
  }
}

/**
 * The orchestration project id a Waldur project links to: its `links.projectField` (default `backend_id`), or
 * null when blank. The schema declares `backend_id` on the link fields so the planner pushes it down; when it
 * is not in the row (another link field configured, or a row built elsewhere), the project is fetched with the
 * operation's Project field set plus the link field, through the request's project loader — unless a row of
 * the same project already passed through here in this request (e.g. the parent of the resources asked for).
 */
export async function linkedOrchestrationProjectId(project: Row<Project>, ctx: Context, info: GraphQLResolveInfo): Promise<string | null> {
  const field = ctx.config.links.projectField;
  const links = ctx.loaders.links;
  let value = (project as Record<string, unknown>)[field];
  // A row without its uuid (the document allows it) cannot be looked up again: it links to nothing we can prove.
  if (value === undefined && !project.uuid) return null;
  if (value === undefined) {
    const known = links.knownProjectLink(project.uuid);
    if (known !== undefined) return known;
    const fields = [...new Set([...waldurFieldsFor(info, 'Project'), field])].sort();
    const row = await ctx.loaders.waldur.project(fields).load(project.uuid);
    value = (row as Record<string, unknown> | null)?.[field];
  }
  // A value that is no orchestration id (free text such as "My unique string") means "not linked", not bad input.
  const linked = typeof value === 'string' && isOrchestrationId(value) ? value : null;
  links.rememberProjectLink(project.uuid, linked);
  return linked;
}
