import { badInput, JunctionError } from '../errors.ts';
import type { LinkedProject } from '../loaders/links.ts';
import type { OrchestrationCaller } from '../upstream/orchestration/client.ts';
import { isOrchestrationId, ORCHESTRATION_ID_RULE } from '../upstream/orchestration/ids.ts';
import type { Principal } from './principal.ts';

/**
 * Who decides whether a caller may reach orchestration project P (docs/ARCHITECTURE.md "Credentials and access").
 *
 * - pass-through: the caller sent `X-Orchestration-Authorization`; it is forwarded and the Orchestration API
 *   decides (its 403 maps to FORBIDDEN). The gateway adds no check of its own.
 * - service-account: the gateway's own token could reach every project, so P is reachable only through a
 *   Waldur project the caller's own Waldur credentials can see whose link field equals P exactly. The evidence
 *   comes from a request-scoped loader, so it is fetched once per project per request.
 */
export interface OrchestrationAccess {
  readonly mode: 'pass-through' | 'service-account';
  /** Resolves when the caller may read (or, with 'write', change) P; rejects FORBIDDEN, BAD_USER_INPUT for a malformed id, or the Waldur failure. */
  require(projectId: string, need?: AccessNeed): Promise<void>;
  /** Every operation of `caller` preceded by `require(projectId)`: the only orchestration caller resolvers get. */
  guard(caller: OrchestrationCaller): OrchestrationCaller;
}

/** Every operation of the Orchestration API is scoped by a project id in first position; the guard relies on it. */
type ProjectScoped = { [K in keyof OrchestrationCaller]: (projectId: string, ...rest: never[]) => Promise<unknown> };
const everyOperationIsProjectScoped = (caller: OrchestrationCaller): ProjectScoped => caller;

/** Validates an orchestration project id given by a client; the message says what was expected and received. */
export function checkProjectId(projectId: string, what = 'projectId'): string {
  if (!isOrchestrationId(projectId)) {
    throw badInput(`${what}: expected an Orchestration project id (${ORCHESTRATION_ID_RULE}), received ${JSON.stringify(projectId)}`);
  }
  return projectId;
}

export function forbiddenProject(projectId: string): JunctionError {
  return new JunctionError('FORBIDDEN',
    `You cannot reach Orchestration project ${JSON.stringify(projectId)}: none of the Waldur projects your credentials can see links to it`,
    { service: 'orchestration' });
}

export type AccessNeed = 'read' | 'write';

/**
 * Seeing a linked Waldur project lets a caller read through the service account; changing anything (allocations,
 * payloads, reservations) needs what Waldur calls managing it — a read-only project member must not be able to
 * delete allocations with the gateway's credentials. The table is exhaustive: a new operation fails to compile
 * until someone decides which it is.
 */
const NEEDS = {
  listAllocations: 'read', getAllocation: 'read', listPayloads: 'read', getPayload: 'read', listArtefacts: 'read', getArtefact: 'read',
  createAllocation: 'write', updateAllocation: 'write', deleteAllocation: 'write', setAllocationEnabled: 'write',
  updateAllocationImage: 'write', deletePayload: 'write', setPayloadLabel: 'write', setPayloadAnnotation: 'write',
  createReservation: 'write', deleteReservation: 'write',
} as const satisfies Record<keyof OrchestrationCaller, AccessNeed>;

export function forbiddenChange(projectId: string): JunctionError {
  return new JunctionError('FORBIDDEN',
    `You cannot change Orchestration project ${JSON.stringify(projectId)}: that takes managing a Waldur project linked to it, and you only see one`,
    { service: 'orchestration' });
}

/** What the access decision may consult, all of it read with the caller's own Waldur credentials in this request. */
export interface AccessEvidence {
  /** Waldur projects the caller sees whose link field is P. */
  linkedProjects(projectId: string): Promise<LinkedProject[]>;
  /** Waldur projects the caller manages (`can_manage`) whose link field is P. */
  managedProjects(projectId: string): Promise<LinkedProject[]>;
  /** Whether a project row linking to P was already read in this request (it proves the caller sees one). */
  sawLinkTo(projectId: string): boolean;
  /** Staff may change anything; real Waldur's `can_manage` lists only owned and managed projects, even for staff. */
  isStaff(): Promise<boolean>;
}

export function createOrchestrationAccess(
  principal: Pick<Principal, 'orchestrationAuthorization'>,
  evidence: AccessEvidence,
): OrchestrationAccess {
  const mode = principal.orchestrationAuthorization ? 'pass-through' : 'service-account';
  const links = (projects: LinkedProject[], projectId: string) => projects.some((p) => p.orchestrationProjectId === projectId);
  // Projects whose write evidence held in this request (this object lives as long as the loaders behind it).
  // Managing implies seeing, so the read-back after a write (e.g. the payload a label was set on) asks nothing more.
  const managed = new Set<string>();

  async function require(projectId: string, need: AccessNeed = 'read'): Promise<void> {
    checkProjectId(projectId);
    if (mode === 'pass-through') return;
    if (need === 'read' && (managed.has(projectId) || evidence.sawLinkTo(projectId))) return;
    // Managing implies seeing, so a write is usually proven with one call; the others only choose the refusal's words.
    if (need === 'write' && (links(await evidence.managedProjects(projectId), projectId) || await evidence.isStaff())) {
      return void managed.add(projectId);
    }
    if (!links(await evidence.linkedProjects(projectId), projectId)) throw forbiddenProject(projectId);
    if (need === 'write') throw forbiddenChange(projectId);
  }

  function guard(caller: OrchestrationCaller): OrchestrationCaller {
    const operations = everyOperationIsProjectScoped(caller) as unknown as Record<string, (projectId: string, ...rest: unknown[]) => Promise<unknown>>;
    const guarded: Record<string, unknown> = {};
    for (const [name, operation] of Object.entries(operations)) {
      const need: AccessNeed = NEEDS[name as keyof typeof NEEDS] ?? 'write';
      guarded[name] = async (projectId: string, ...rest: unknown[]) => {
        await require(projectId, need);
        return operation(projectId, ...rest);
      };
    }
    return guarded as unknown as OrchestrationCaller;
  }

  return { mode, require, guard };
}
