import DataLoader from 'dataloader';
import type { Page } from '../../upstream/waldur/types.ts';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import { countOfOneRowPage } from '../../upstream/waldur/counts.ts';
import { queryKey, type Query } from './memo.ts';

export interface PageRequest {
  /** A collection (`marketplace-orders`) or a paginated sub-resource path (`projects/<uuid>/list_users`). */
  path: string;
  query: Query;
  /** Sparse fieldset, sent as it is (no `uuid` added); omit for endpoints without `field=` support (backend resource requests). */
  fields?: readonly string[];
  page: number;
  pageSize: number;
}

/**
 * De-duplicated list pages and counts: the same call asked twice in one operation (aliases, a repeated
 * fragment) goes upstream once. Calls for different parents run in parallel; nothing here batches them,
 * because the filters they use (`project_uuid`, `customer_uuid`, `resource_uuid`) take a single value.
 */
export function listLoaders(waldur: WaldurCaller) {
  const pages = new DataLoader<PageRequest, Page<unknown>, string>(
    (requests) => Promise.all(requests.map((r) => waldur.listPath(r.path, { query: r.query, fields: r.fields, exactFields: true, page: r.page, pageSize: r.pageSize })
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
    { cacheKeyFn: (r) => `${r.path}?${queryKey(r.query)}&fields=${r.fields?.join(',') ?? '*'}&page=${r.page}&size=${r.pageSize}` },
  );
  const counts = new DataLoader<{ path: string; query: Query }, number | null, string>(
    (requests) => Promise.all(requests.map((r) => countOf(waldur, r.path, r.query)
      .catch((error: unknown) => (error instanceof Error ? error : new Error(String(error)))))),
    { cacheKeyFn: (r) => `${r.path}?${queryKey(r.query)}` },
  );
  return {
    /** One page of a list; rejects with the client's JunctionError. */
    page: <T>(request: PageRequest) => pages.load(request) as Promise<Page<T>>,
    /** X-Result-Count of a HEAD (a one-row GET for sub-resource lists); null when Waldur cannot say; rejects with the client's JunctionError. */
    count: (path: string, query: Query) => counts.load({ path, query }),
  };
}

/**
 * The API documents HEAD (`*_count`) only for top-level collections; a sub-resource list such as
 * `projects/<uuid>/list_users` is counted with the smallest GET it allows, which carries the same X-Result-Count.
 */
async function countOf(waldur: WaldurCaller, path: string, query: Query): Promise<number | null> {
  if (!path.includes('/')) return waldur.count(path, query);
  return countOfOneRowPage(await waldur.listPath(path, { query, fields: ['uuid'], pageSize: 1 }));
}
