import type { FieldErrors } from '../http/errors.ts';
import { json, type ApiResponse } from '../http/types.ts';
import type { Call } from './call.ts';
import { selectedFields, serialize, type FieldSpec } from './fields.ts';
import { applyFilters, type Filter } from './filtering.ts';
import { orderingTerms, sortByTerms, type SortKeys } from './ordering.ts';
import { paginate } from './pagination.ts';

export interface ListDefinition<T> {
  filters: ReadonlyArray<Filter<T>>;
  sortKeys: SortKeys<T>;
  defaultOrder: readonly string[];
  orderingMode?: 'strict' | 'lenient';
  spec: FieldSpec<T>;
  /** false for endpoints without `?field=` support (backend resource requests). */
  supportsFieldParam?: boolean;
  extraFieldNames?: readonly string[];
}

/** filter → order → paginate → serialize: the shape of every Waldur list endpoint. */
export function listResponse<T>(call: Call, items: Iterable<T>, definition: ListDefinition<T>): ApiResponse {
  const errors: FieldErrors = {};
  // `o` belongs to the same filter form, so its error is reported together with the filters' errors.
  const terms = orderingTerms(call.req.query, definition.sortKeys, definition.defaultOrder, errors, definition.orderingMode ?? 'strict');
  const matching = applyFilters(items, definition.filters, call, errors);
  const ordered = sortByTerms(matching, call, definition.sortKeys, terms ?? definition.defaultOrder);
  const page = paginate(call.req, ordered);
  const selected = definition.supportsFieldParam === false ? null : selectedFields(call.req.query, definition.spec, definition.extraFieldNames);
  return json(200, page.items.map((item) => serialize(definition.spec, item, call, selected)), page.headers);
}

/** A single object with `?field=` applied. */
export function detailResponse<T>(call: Call, item: T, spec: FieldSpec<T>, extraFieldNames?: readonly string[]): ApiResponse {
  return json(200, serialize(spec, item, call, selectedFields(call.req.query, spec, extraFieldNames)));
}
