import type { QueryParams } from '../http/query-params.ts';
import type { Call } from './call.ts';

/**
 * A serializer: field names in declaration order (the OpenAPI schema's property order), each with the
 * function that computes it. Unselected fields are never computed, as in Waldur's RestrictedSerializerMixin.
 */
export type FieldSpec<T> = ReadonlyArray<readonly [name: string, get: (item: T, call: Call) => unknown]>;

/**
 * `?field=a&field=b`: repeated, never comma-split; unknown names are dropped, and when none is valid
 * every field is returned (null here).
 */
export function selectedFields(query: QueryParams, spec: FieldSpec<never>, extraValidNames: readonly string[] = []): Set<string> | null {
  const wanted = query.all('field');
  if (wanted.length === 0) return null;
  const known = new Set([...spec.map(([name]) => name), ...extraValidNames]);
  const valid = wanted.filter((name) => known.has(name));
  return valid.length > 0 ? new Set(valid) : null;
}

/** Returned by a field getter to leave the field out for this caller (e.g. `error_traceback` for non-staff). */
export const OMIT: unique symbol = Symbol('omit');

export function serialize<T>(spec: FieldSpec<T>, item: T, call: Call, selected: Set<string> | null = null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, get] of spec) {
    if (selected && !selected.has(name)) continue;
    const value = get(item, call);
    if (value !== OMIT) out[name] = value;
  }
  return out;
}
