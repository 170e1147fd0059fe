import type { Context } from '../../context.ts';
import { JunctionError } from '../../errors.ts';
import type { Row } from '../../loaders/waldur/row.ts';
import { isOrchestrationId } from '../../upstream/orchestration/ids.ts';
import type { Project } from '../../upstream/waldur/types.ts';

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
 * The orchestration project a Waldur project links to, or null. By default what the service provider recorded (the
 * backend_id of the project's resource of a LINK_OFFERING_UUIDS offering), read once per project per request. In the
 * opt-in LINK_TRUST_PROJECT_FIELD mode, the project's own field: from the row when the planner pushed it down
 * (the schema declares `backend_id`), else fetched.
 */
export async function linkedOrchestrationProjectId(project: Row<Project>, ctx: Context): Promise<string | null> {
  const field = ctx.config.links.trustProjectField;
  const value = field === undefined ? undefined : (project as Record<string, unknown>)[field];
  // A row without its uuid (the OpenAPI document allows it) cannot be looked up: it links to nothing we can prove.
  if (value === undefined && !project.uuid) return null;
  const linked = value !== undefined ? ctx.loaders.links.rememberProjectLink(project.uuid, value) : await ctx.loaders.links.projectLink(project.uuid);
  // A value that is no orchestration id (free text such as "My unique string") means "not linked", not bad input.
  return linked !== null && isOrchestrationId(linked) ? linked : null;
}
