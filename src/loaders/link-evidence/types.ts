/** A Waldur project the caller can see that is linked to an orchestration project. */
export interface LinkedProject { uuid: string; orchestrationProjectId: string }

/**
 * Where the links between Waldur projects and orchestration projects come from, always read with the caller's own
 * Waldur credentials in one request (ARCHITECTURE.md "Credentials and access"). Every answer proves something the
 * caller's credentials can see; nothing here is remembered beyond the request.
 */
export interface LinkEvidence {
  /** The orchestration project a Waldur project (hex uuid) links to; null when none, or the caller cannot see it. */
  projectLink(projectUuid: string): Promise<string | null>;
  /** Waldur projects visible to the caller that link to orchestration project P (empty: no access). */
  linkedProjects(orchestrationProjectId: string): Promise<LinkedProject[]>;
  /** Of those, the ones the caller manages (Waldur's `can_manage`): the evidence for changing anything in P. */
  managedProjects(orchestrationProjectId: string): Promise<LinkedProject[]>;
  /** Whether a link to P was already read in this request (with the caller's credentials, so it proves a visible one). */
  sawLinkTo(orchestrationProjectId: string): boolean;
  /** Records a link read from a project row the caller fetched (project-field mode only; ignored otherwise). */
  rememberProjectLink(projectUuid: string, value: unknown): string | null;
}

export const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** Waldur uuids come dashed or not; compare them as lower-case hex. */
export const hexUuid = (value: unknown) => (typeof value === 'string' ? value.replace(/-/g, '').toLowerCase() : '');
