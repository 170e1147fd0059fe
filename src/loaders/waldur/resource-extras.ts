import DataLoader from 'dataloader';
import { JunctionError } from '../../errors.ts';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import { waldurPath } from '../../upstream/waldur/paths.ts';
import type { RenewalEstimate, ResourcePlanPeriod, ResourceTeamMember } from '../../upstream/waldur/resource-extras.ts';
import type { PublicOffering } from '../../upstream/waldur/types.ts';

const COLLECTION = 'marketplace-resources';

export interface RenewalEstimateKey {
  resourceUuid: string;
  extensionMonths: number;
  limits?: Record<string, number>;
}

const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** One call per key, in parallel: these endpoints take one resource each (no batching filter exists). */
function perKey<K, V>(run: (key: K) => Promise<V>, cacheKeyFn?: (key: K) => string) {
  return new DataLoader<K, V, string>((keys) => Promise.all(keys.map((key) => run(key).catch(asError))), cacheKeyFn && { cacheKeyFn });
}

/**
 * The per-resource actions behind Resource's link fields: `GET marketplace-resources/<uuid>/<action>/`. Each is
 * fetched only when its field is selected, once per resource per request however often the operation selects it.
 * None of these operations declares `field=`, so nothing is pushed down: the whole body comes back.
 * A 404 (the `details/` answer for a resource without a backend object; or a resource that vanished) loads as null.
 */
export function resourceExtraLoaders(waldur: WaldurCaller) {
  const read = <T>(action: string) => perKey<string, T | null>(async (uuid) => {
    try {
      return (await waldur.action<T | undefined>(COLLECTION, uuid, action, undefined, 'GET')) ?? null;
    } catch (error) {
      if (error instanceof JunctionError && error.code === 'NOT_FOUND') return null;
      throw error;
    }
  });

  return {
    /** `offering/`: PublicOfferingDetails of the resource's offering, even one the caller could not list. */
    offering: read<PublicOffering>('offering'),
    /** `team/`: the project's users with their offering accounts (not paginated). */
    team: read<ResourceTeamMember[]>('team'),
    /** `details/`: the backend object as its plugin serializes it; null when there is none (404) or no serializer (204). */
    details: read<Record<string, unknown>>('details'),
    /** `plan_periods/`: current and future plan periods (not paginated). */
    planPeriods: read<ResourcePlanPeriod[]>('plan_periods'),
    /** `glauth_users_config/`: text/plain. A 400 (offering without offering users) rejects with BAD_USER_INPUT. */
    glauthUsersConfig: perKey<string, string>((uuid) => waldur.getText(waldurPath(COLLECTION, uuid, 'glauth_users_config'))),
    /** `POST estimate_renewal/`: a read without side effects, de-duplicated per resource and arguments. */
    renewalEstimate: perKey<RenewalEstimateKey, RenewalEstimate>(
      ({ resourceUuid, extensionMonths, limits }) => waldur.action<RenewalEstimate>(COLLECTION, resourceUuid, 'estimate_renewal', {
        extension_months: extensionMonths, ...(limits && { limits }),
      }),
      (key) => `${key.resourceUuid}|${key.extensionMonths}|${JSON.stringify(key.limits ?? null)}`,
    ),
  };
}

export type ResourceExtraLoaders = ReturnType<typeof resourceExtraLoaders>;
