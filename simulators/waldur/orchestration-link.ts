import type { Store } from './store.ts';

/**
 * The orchestration project a Waldur project is linked to, as the service provider recorded it: the backend_id of
 * the project's live resource of the orchestration offering. Only the provider can write that field
 * (`marketplace-provider-resources/{uuid}/set_backend_id/`, RESOURCE.SET_BACKEND_ID on the offering or its
 * customer; waldur-mastermind src/waldur_mastermind/marketplace/views.py ProviderResourceViewSet.set_backend_id),
 * unlike the project's own backend_id, which every holder of PROJECT.UPDATE may PATCH. '' when there is none.
 */
export function orchestrationProjectOf(store: Store, projectUuid: string): string {
  const linked = store.resourcesOf(projectUuid)
    .filter((r) => r.offeringUuid === store.orchestrationOfferingUuid && r.state !== 'Terminated' && r.backendId !== '')
    .sort((a, b) => a.created - b.created);
  return linked[0]?.backendId ?? '';
}
