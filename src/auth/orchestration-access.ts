import { badInput, JunctionError } from '../errors.ts';
import type { LinkedProject } from '../loaders/links.ts';
import type { OrchestrationCaller } from '../upstream/orchestration/client.ts';
import type { Principal } from './principal.ts';

/**
 * Who decides whether a caller may reach orchestration project P (ARCHITECTURE.md "Credentials and access").
 *
 * - pass-through: the caller sent `X-Orchestration-Authorization`; it is forwarded and the Orchestration API
 *   decides (its 403 maps to FORBIDDEN). The gateway adds no check of its own.
 * - service-account: the gateway's own token could reach every project, so P is reachable only through a
 *   Waldur project the caller's own Waldur credentials can see whose link field equals P exactly. The evidence
 *   comes from a request-scoped loader, so it is fetched once per project per request.
 */
export interface OrchestrationAccess {
  readonly mode: 'pass-through' | 'service-account';
  /** Resolves when the caller may reach P; rejects FORBIDDEN, BAD_USER_INPUT for a malformed id, or the Waldur failure. */
  require(projectId: string): Promise<void>;
  /** Every operation of `caller` preceded by `require(projectId)`: the only orchestration caller resolvers get. */
  guard(caller: OrchestrationCaller): OrchestrationCaller;
}

/** Every operation of the Orchestration API is scoped by a project id in first position; the guard relies on it. */
type ProjectScoped = { [K in keyof OrchestrationCaller]: (projectId: string, ...rest: never[]) => Promise<unknown> };
const everyOperationIsProjectScoped = (caller: OrchestrationCaller): ProjectScoped => caller;

const PROJECT_ID = /^[^\s/\\]{1,256}$/;

/** Validates an orchestration project id given by a client; the message says what was expected and received. */
export function checkProjectId(projectId: string, what = 'projectId'): string {
  if (!PROJECT_ID.test(projectId) || projectId.includes('..')) {
    throw badInput(`${what}: expected an Orchestration project id (1–256 characters, no whitespace, "/" or ".."), received ${JSON.stringify(projectId)}`);
  }
  return projectId;
}

export function forbiddenProject(projectId: string): JunctionError {
  return new JunctionError('FORBIDDEN',
    `You cannot reach Orchestration project ${JSON.stringify(projectId)}: none of the Waldur projects your credentials can see links to it`,
    { service: 'orchestration' });
}

export function createOrchestrationAccess(
  principal: Pick<Principal, 'orchestrationAuthorization'>,
  linkedProjects: (projectId: string) => Promise<LinkedProject[]>,
): OrchestrationAccess {
  const mode = principal.orchestrationAuthorization ? 'pass-through' : 'service-account';

  async function require(projectId: string): Promise<void> {
    checkProjectId(projectId);
    if (mode === 'pass-through') return;
    const linked = await linkedProjects(projectId);
    if (!linked.some((p) => p.orchestrationProjectId === projectId)) throw forbiddenProject(projectId);
  }

  function guard(caller: OrchestrationCaller): OrchestrationCaller {
    const operations = everyOperationIsProjectScoped(caller) as unknown as Record<string, (projectId: string, ...rest: unknown[]) => Promise<unknown>>;
    const guarded: Record<string, unknown> = {};
    for (const [name, operation] of Object.entries(operations)) {
      guarded[name] = async (projectId: string, ...rest: unknown[]) => {
        await require(projectId);
        return operation(projectId, ...rest);
      };
    }
    return guarded as unknown as OrchestrationCaller;
  }

  return { mode, require, guard };
}
