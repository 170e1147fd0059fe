import type { Order } from '../model.ts';
import { orchestrationProjectOf } from '../orchestration-link.ts';
import type { Store } from '../store.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';

export interface ProvisionRequest {
  orchestrationProjectId: string;
  resourceUuid: string;
  resourceName: string;
}

/** Creates the game server's allocation; returns its id, or undefined when nothing was provisioned. */
export type ProvisionHook = (request: ProvisionRequest) => string | undefined | Promise<string | undefined>;

/**
 * Before a game server's Create order is done, its allocation is created in the orchestration service and
 * its id becomes the resource's backend_id. Returns an error message when the hook failed, else null.
 */
export async function provisionGameServer(store: Store, hook: ProvisionHook | undefined, order: Order): Promise<string | null> {
  const offering = store.offerings.get(order.offeringUuid);
  const resource = store.resources.get(order.resourceUuid);
  if (!hook || !resource || order.type !== 'Create' || offering?.type !== OFFERING_TYPES.gameServer) return null;
  // The provider provisions into the orchestration project it recorded itself, never the consumer-writable project field.
  try {
    const allocationId = await hook({ orchestrationProjectId: orchestrationProjectOf(store, order.projectUuid), resourceUuid: resource.uuid, resourceName: resource.name });
    if (allocationId) resource.backendId = allocationId;
    return null;
  } catch (error) {
    return `Provisioning failed: ${(error as Error).message}`;
  }
}
