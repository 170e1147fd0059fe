/**
 * What a project, allocation or payload id may look like. It becomes a path segment, so it must never be able to
 * change the route; every check of a client-given id (queries, mutations, the access guard) uses this one rule.
 */
const ID = /^[\x21-\x2E\x30-\x5B\x5D-\x7E]{1,256}$/;

export const ORCHESTRATION_ID_RULE = '1–256 visible ASCII characters without "/", "\\" or "..", and not "."';

/**
 * Whether `value` is an acceptable Orchestration API id. A segment "." (or ".."), once URL-normalised by the
 * upstream or a proxy, drops out of the path and sends the request to another route. Everything else is
 * percent-encoded into its segment.
 */
export function isOrchestrationId(value: string): boolean {
  return ID.test(value) && !value.includes('..') && value !== '.';
}
