/** Orchestration API path templates (docs/orchestration-wire.md), overridable per operation by ORCHESTRATION_PATHS. */
import { ORCHESTRATION_OPERATIONS, type OrchestrationOperation } from '../../config.ts';
import { badInput, JunctionError } from '../../errors.ts';

export type OrchestrationPaths = Readonly<Record<OrchestrationOperation, string>>;

const P = '/projects/{project_id}';
const A = `${P}/allocations/{allocation_id}`;

/** The defaults Junction and its simulator settled on; relative to ORCHESTRATION_URL (which carries the prefix). */
export const DEFAULT_ORCHESTRATION_PATHS: OrchestrationPaths = Object.freeze({
  listAllocations: `${P}/allocations`,
  createAllocation: `${P}/allocations`,
  getAllocation: A,
  updateAllocation: A,
  deleteAllocation: A,
  setAllocationEnabled: `${A}/enabled`,
  updateAllocationImage: `${A}/image`,
  listPayloads: `${A}/payloads`,
  getPayload: `${A}/payloads/{payload_id}`,
  deletePayload: `${A}/payloads/{payload_id}`,
  setPayloadLabel: `${A}/payloads/{payload_id}/metadata/label`,
  setPayloadAnnotation: `${A}/payloads/{payload_id}/metadata/annotation`,
  listArtefacts: `${A}/artefacts`,
  getArtefact: `${A}/payloads/{payload_id}/artefact`,
  createReservation: `${A}/reservations`,
  deleteReservation: `${A}/reservations/{payload_id}`,
});

/** The defaults with the configured overrides applied; never throws (config validated the overrides). */
export function resolveOrchestrationPaths(overrides: Partial<Record<OrchestrationOperation, string>> = {}): OrchestrationPaths {
  const paths = { ...DEFAULT_ORCHESTRATION_PATHS };
  for (const operation of ORCHESTRATION_OPERATIONS) {
    const override = overrides[operation];
    if (override) paths[operation] = override;
  }
  return Object.freeze(paths);
}

/**
 * Fills `{name}` placeholders with percent-encoded values. Rejects (BAD_USER_INPUT) ids that are empty or contain
 * '/' or '..', or are '.', so an id can never change the route; a placeholder without a value is an INTERNAL error.
 */
export function fill(template: string, params: Readonly<Record<string, string>>): string {
  return template.replace(/\{([a-z_]+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new JunctionError('INTERNAL', `Orchestration path template needs {${name}}`);
    if (value === '' || value === '.' || value.includes('/') || value.includes('\\') || value.includes('..')) {
      throw badInput(`Not a valid Orchestration API id for ${name}`);
    }
    return encodeURIComponent(value);
  });
}
