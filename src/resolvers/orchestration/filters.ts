import type { Logger } from '../../logger.ts';
import { fromWire, type EnumName, type EnumValue } from './enums.ts';

/**
 * Filters the Orchestration API does not have (ListAllocations and ListPayloads take none), applied here to
 * the full list, which is fetched once per request whatever the filters are.
 */
export interface LabelFilter { key: string; value?: string | null }

/** Every filter must hold: the label is present, with exactly `value` when one is given. */
export function matchesLabels(labels: Readonly<Record<string, string>> | undefined, filters: readonly LabelFilter[] | null | undefined): boolean {
  if (!filters?.length) return true;
  return filters.every(({ key, value }) => labels !== undefined && Object.hasOwn(labels, key)
    && (value === null || value === undefined || labels[key] === value));
}

/** Whether the wire state, mapped as the `status`/`state` field maps it, is one of `wanted` (no list: any). */
export function matchesState<E extends EnumName>(
  name: E, wire: string | undefined, wanted: readonly EnumValue<E>[] | null | undefined, logger: Pick<Logger, 'warn'>,
): boolean {
  return !wanted?.length || wanted.includes(fromWire(name, wire, logger));
}

/** `{a: "1"}` → `[{key: "a", value: "1"}]`, sorted by key so answers are stable. */
export function entries(map: Readonly<Record<string, string>> | null | undefined): Array<{ key: string; value: string }> {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => ({ key, value: String(value) }));
}
