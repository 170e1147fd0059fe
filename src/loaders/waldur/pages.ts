import { JunctionError } from '../../errors.ts';
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

/** Whether rows follow a page: by the count when Waldur sent one, else its `Link` header, else a full page. */
export function hasMoreAfter(page: Page<unknown>, pageNumber: number, pageSize = MAX_PAGE): boolean {
  if (page.total !== undefined) return pageNumber * pageSize < page.total;
  if (Object.keys(page.links).length > 0) return Boolean(page.links.next);
  return page.items.length >= pageSize;
}

/**
 * Every row of a list: the first page, then the remaining pages in parallel. Without `X-Result-Count` the pages
 * are read one after another while more follow, up to MAX_BATCHED_ROWS (then UPSTREAM_ERROR, never a short list).
 */
export async function allRows<T>(waldur: WaldurCaller, collection: string, query: Query, fields: readonly string[], first: Page<Row<T>>): Promise<Row<T>[]> {
  if (first.total === undefined) return rowsWithoutCount(waldur, collection, query, fields, first);
  const rest = await Promise.all(Array.from({ length: Math.ceil((first.total ?? 0) / MAX_PAGE) - 1 }, (_, i) =>
    waldur.list<Row<T>>(collection, { query, fields, page: i + 2, pageSize: MAX_PAGE })));
  return [first, ...rest].flatMap((page) => page.items);
}

async function rowsWithoutCount<T>(waldur: WaldurCaller, collection: string, query: Query, fields: readonly string[], first: Page<Row<T>>): Promise<Row<T>[]> {
  const rows = [...first.items];
  let page = first;
  for (let number = 1; hasMoreAfter(page, number) && page.items.length > 0; number++) {
    if (rows.length >= MAX_BATCHED_ROWS) {
      throw new JunctionError('UPSTREAM_ERROR', `Waldur sent more than ${MAX_BATCHED_ROWS} ${collection} without a count; refusing to read on`, { service: 'waldur' });
    }
    try {
      page = await waldur.list<Row<T>>(collection, { query, fields, page: number + 1, pageSize: MAX_PAGE });
    } catch (error) {
      // 404 "Invalid page." past the end: a full last page had nothing after it.
      if (error instanceof JunctionError && error.code === 'NOT_FOUND') break;
      throw error;
    }
    rows.push(...page.items);
  }
  return rows;
}
