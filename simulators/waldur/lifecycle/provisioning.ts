import type { Order } from '../model.ts';
import { orchestrationProjectOf } from '../orchestration-link.ts';
import type { Store } from '../store.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';

export interface ProvisionRequest {
  /** 'project': a new orchestration project for an "Orchestration project" order; 'allocation': a game server in one. */
  kind: 'project' | 'allocation';
  /** The orchestration project to provision into ('' for kind 'project'). */
  orchestrationProjectId: string;
  resourceUuid: string;
  resourceName: string;
}

/** Creates the orchestration project or the game server's allocation; returns its id, or undefined when nothing was provisioned. */
export type ProvisionHook = (request: ProvisionRequest) => string | undefined | Promise<string | undefined>;

/**
 * Before a Create order of the provider's orchestration offerings is done, the provider creates what was ordered in
 * the orchestration service and records its id as the resource's backend_id — what a real provider does with
 * `marketplace-provider-resources/{uuid}/set_backend_id/`. An "Orchestration project" order creates a project (the
 * link Junction trusts); a game server creates an allocation in the orchestration project the provider recorded for
 * the Waldur project, never the one the consumer-writable project backend_id names. Returns an error message when
 * the hook failed, else null.
 */
export async function provisionOrchestration(store: Store, hook: ProvisionHook | undefined, order: Order): Promise<string | null> {
  const offering = store.offerings.get(order.offeringUuid);
  const resource = store.resources.get(order.resourceUuid);
  if (!hook || !resource || order.type !== 'Create' || !offering) return null;
  const kind = offering.uuid === store.orchestrationOfferingUuid ? 'project' : offering.type === OFFERING_TYPES.gameServer ? 'allocation' : null;
  if (!kind) return null;
  try {
    const orchestrationProjectId = kind === 'project' ? '' : orchestrationProjectOf(store, order.projectUuid);
    const id = await hook({ kind, orchestrationProjectId, resourceUuid: resource.uuid, resourceName: resource.name });
    if (id) resource.backendId = id;
    return null;
  } catch (error) {
    return `Provisioning failed: ${(error as Error).message}`;
  }
}
