import DataLoader from 'dataloader';
import { JunctionError } from '../../errors.ts';
import { measured, type BatchObserver } from '../batch-size.ts';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import type { Query } from './memo.ts';
import { allRows, firstPage, hasMoreAfter, MAX_BATCHED_ROWS } from './pages.ts';
import type { Row } from './row.ts';
import { sameUuid } from './same-uuid.ts';

/** Rows of many parents fetched in one go are sliced per parent only up to this many rows (5 full pages). */

export interface ChildrenSpec {
  collection: string;
  /** The CSV filter naming the parents, e.g. `customer` on projects or `offering_uuid` on resources. */
  parentParam: string;
  /** The field of a child that names its parent, e.g. `customer_uuid`; it is added to the field set. */
  parentField: string;
  /** Further filters and `o`, the same for every parent of the batch. */
  query: Query;
  fields: readonly string[];
}

/** All children of one parent, in list order; or `alone` when the caller should page this parent itself. */
export type Children<T> = { kind: 'all'; rows: Row<T>[] } | { kind: 'alone' };

/**
 * Children of several parents through a CSV filter in ONE call (`projects/?customer=a,b&page_size=300`).
 *
 * Why this shape: a Relay window (`first: 5, after: …`) is per parent, and a combined list cannot be paged per
 * parent. So a batch of two or more parents fetches every child of all of them (page 1 of 300, then the
 * remaining pages in parallel) and each parent slices its own window from its group: correct for any window,
 * one call for up to 300 children. A parent alone in its batch gains nothing from that, and a batch whose
 * children exceed MAX_BATCHED_ROWS would move too many bytes; both get `alone`, and the resolver pages that
 * parent with its own exact page/page_size call instead.
 */
export function childrenLoader<T>(waldur: WaldurCaller, spec: ChildrenSpec, observe?: BatchObserver) {
  const fields = [...new Set([...spec.fields, spec.parentField])];
  return new DataLoader<string, Children<T>>(measured<string, Children<T>>(`${spec.collection} by ${spec.parentParam}`, observe, async (parents) => {
    if (parents.length === 1) return [{ kind: 'alone' }];
    const alone = parents.map((): Children<T> => ({ kind: 'alone' }));
    const query: Query = [...spec.query, [spec.parentParam, parents.join(',')]];
    let first;
    try {
      first = await firstPage<T>(waldur, spec.collection, query, fields);
    } catch (error) {
      // A Waldur without the CSV form of this filter (7.x `offering_uuid` is a single UUIDFilter) answers 400.
      if (error instanceof JunctionError && error.code === 'BAD_USER_INPUT' && error.status === 400) return alone;
      throw error;
    }
    if ((first.total ?? 0) > MAX_BATCHED_ROWS || (first.total === undefined && hasMoreAfter(first, 1))) return alone;
    const groups = new Map<string, Row<T>[]>(parents.map((p) => [sameUuid(p), []]));
    const rows = await allRows<T>(waldur, spec.collection, query, fields, first);
    // A row of a parent not asked for means the filter was ignored: the grouped rows would be wrong, so each
    // parent is read with its own call instead. Waldur may render uuids dashed.
    if (rows.some((row) => !groups.has(sameUuid((row as Record<string, unknown>)[spec.parentField])))) return alone;
    for (const row of rows) groups.get(sameUuid((row as Record<string, unknown>)[spec.parentField]))!.push(row);
    return parents.map((p) => ({ kind: 'all', rows: groups.get(sameUuid(p)) ?? [] }));
  }), { maxBatchSize: 100 });
}
