import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import type { BackendResourceRequest, Customer, Order, Project, PublicOffering, Resource, User } from '../../upstream/waldur/types.ts';
import { offeringLoader, retrieveLoader } from './by-uuid.ts';
import { childrenLoader, type ChildrenSpec } from './children.ts';
import { listLoaders } from './lists.ts';
import { memo, queryKey } from './memo.ts';
import { resourceExtraLoaders, type ResourceExtraLoaders } from './resource-extras.ts';
import type { Row } from './row.ts';
import type { BatchObserver } from '../batch-size.ts';

/**
 * The Waldur loaders of one request. Each factory takes the field set the operation needs for that type
 * (resolvers/field-plan.ts) and returns the one DataLoader for it, so every batch of a type uses one field set.
 */
export function createWaldurLoaders(waldur: WaldurCaller, observe?: BatchObserver) {
  const loaders = memo<unknown>();
  const byFields = (name: string, fields: readonly string[]) => `${name}|${[...fields].sort().join(',')}`;
  const retrieve = <T>(collection: string) => (fields: readonly string[]) =>
    loaders(byFields(collection, fields), () => retrieveLoader<T>(waldur, collection, fields, observe)) as ReturnType<typeof retrieveLoader<T>>;
  let viewer: Promise<Row<User>> | undefined;

  return {
    customer: retrieve<Customer>('customers'),
    project: retrieve<Project>('projects'),
    resource: retrieve<Resource>('marketplace-resources'),
    order: retrieve<Order>('marketplace-orders'),
    /** No `field=` support on this endpoint (contract §4): always the whole object. */
    backendResourceRequest: () =>
      loaders('backend-resource-requests|*', () => retrieveLoader<BackendResourceRequest>(waldur, 'backend-resource-requests', undefined)) as ReturnType<typeof retrieveLoader<BackendResourceRequest>>,
    offering: (fields: readonly string[]) =>
      loaders(byFields('offerings', fields), () => offeringLoader<PublicOffering>(waldur, fields, observe)) as ReturnType<typeof offeringLoader<PublicOffering>>,
    /** Children of many parents through a CSV parent filter; see children.ts for when it answers `alone`. */
    children: <T>(spec: ChildrenSpec) =>
      loaders(`children|${spec.collection}|${spec.parentParam}|${queryKey(spec.query)}|${byFields('', spec.fields)}`,
        () => childrenLoader<T>(waldur, spec, observe)) as ReturnType<typeof childrenLoader<T>>,
    /** `users/me/` once per request (the first caller's field set wins; the planner gives every caller the same). */
    viewer: (fields: readonly string[]) =>
      (viewer ??= waldur.get<Row<User>>('users/me', [...new Set(['uuid', ...fields])].map((f): [string, string] => ['field', f]))),
    /** The per-resource actions (`offering/`, `team/`, `details/`, …) behind Resource's link fields; see resource-extras.ts. */
    resourceExtras: () => loaders('resource-extras', () => resourceExtraLoaders(waldur)) as ResourceExtraLoaders,
    /** Drops what every field set's loader holds for one object of `collection` (after a mutation changed it). */
    forget(collection: 'projects' | 'marketplace-resources' | 'marketplace-orders', uuid: string) {
      for (const loader of loaders.withPrefix(`${collection}|`)) (loader as { clear(key: string): unknown }).clear(uuid);
    },
    ...listLoaders(waldur),
  };
}

export type WaldurLoaders = ReturnType<typeof createWaldurLoaders>;
