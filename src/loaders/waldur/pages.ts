import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import type { Page } from '../../upstream/waldur/types.ts';
import type { Query } from './memo.ts';
import type { Row } from './row.ts';

/** Waldur's largest page (contract §3). */
export const MAX_PAGE = 300;

/** Above this many rows a combined list moves too many bytes: callers fall back to narrower calls instead. */
export const MAX_BATCHED_ROWS = 1500;

/** The first page of a list at the largest page size; its `total` tells the caller whether to go on. */
export function firstPage<T>(waldur: WaldurCaller, collection: string, query: Query, fields: readonly string[]): Promise<Page<Row<T>>> {
  return waldur.list<Row<T>>(collection, { query, fields, page: 1, pageSize: MAX_PAGE });
}

/** Every row of a list: the first page, then the remaining pages in parallel. */
export async function allRows<T>(waldur: WaldurCaller, collection: string, query: Query, fields: readonly string[], first: Page<Row<T>>): Promise<Row<T>[]> {
  const rest = await Promise.all(Array.from({ length: Math.ceil(first.total / MAX_PAGE) - 1 }, (_, i) =>
    waldur.list<Row<T>>(collection, { query, fields, page: i + 2, pageSize: MAX_PAGE })));
  return [first, ...rest].flatMap((page) => page.items);
}
