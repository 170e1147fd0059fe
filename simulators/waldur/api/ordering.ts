import type { FieldErrors } from '../http/errors.ts';
import type { QueryParams } from '../http/query-params.ts';
import type { Call } from './call.ts';

export type SortValue = string | number | boolean | null;
export type SortKeys<T> = Record<string, (item: T, call: Call) => SortValue>;

function compareValues(a: SortValue, b: SortValue, descending: boolean): number {
  // PostgreSQL puts NULLs last when ascending and first when descending.
  if (a === null || b === null) return a === b ? 0 : (a === null) !== descending ? 1 : -1;
  let result: number;
  if (typeof a === 'string' && typeof b === 'string') {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    result = la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  } else result = a < b ? -1 : a > b ? 1 : 0;
  return descending ? -result : result;
}

/** Sorts by resolved terms (`-` prefix: descending); the sort is stable, so ties keep insertion order. */
export function sortByTerms<T>(items: T[], call: Call, keys: SortKeys<T>, terms: readonly string[]): T[] {
  const resolved = terms.map((term) => ({ key: keys[term.replace(/^-/, '')], descending: term.startsWith('-') }));
  const decorated = items.map((item) => ({ item, values: resolved.map(({ key }) => key(item, call)) }));
  decorated.sort((a, b) => {
    for (let i = 0; i < resolved.length; i++) {
      const result = compareValues(a.values[i], b.values[i], resolved[i].descending);
      if (result !== 0) return result;
    }
    return 0;
  });
  return decorated.map(({ item }) => item);
}

/**
 * `?o=-created,name`. Strict mode (django-filter OrderingFilter) rejects unknown terms with a form error;
 * lenient mode (DRF OrderingFilter, used for customers) drops them and falls back to the default.
 */
export function orderingTerms(
  query: QueryParams, keys: SortKeys<never>, defaultOrder: readonly string[], errors: FieldErrors, mode: 'strict' | 'lenient',
): readonly string[] | null {
  const raw = query.last('o');
  if (!raw) return defaultOrder;
  const terms = raw.split(',').map((term) => (mode === 'lenient' ? term.trim() : term)).filter(Boolean);
  const known = (term: string) => term.replace(/^-/, '') in keys;
  if (mode === 'lenient') {
    const valid = terms.filter(known);
    return valid.length > 0 ? valid : defaultOrder;
  }
  const bad = terms.find((term) => !known(term));
  if (bad !== undefined) {
    (errors.o ??= []).push(`Select a valid choice. ${bad} is not one of the available choices.`);
    return null;
  }
  return terms.length > 0 ? terms : defaultOrder;
}
