import type { PayloadMetadata } from '../../../upstream/orchestration/types.ts';
import type { InputProblems } from '../typed-errors.ts';
import { checkAnnotationValue, checkCount, checkKey, checkLabelValue, LIMITS } from './validate.ts';

/** One label or annotation as GraphQL sends it (GraphQL has no map type). */
export interface MetadataEntryInput { key: string; value: string }

/** Labels and/or annotations; a list left out is not sent (so it is not touched upstream). */
export interface MetadataInput {
  labels?: readonly MetadataEntryInput[] | null;
  annotations?: readonly MetadataEntryInput[] | null;
}

/** Validates entries (§7 rules, no key twice) and builds the wire map `{key: value}`. */
export function entriesToMap(
  p: InputProblems, field: string, entries: readonly MetadataEntryInput[], kind: 'label' | 'annotation',
): Record<string, string> {
  const map: Record<string, string> = {};
  if (!checkCount(p, field, entries, LIMITS.entries)) return map;
  entries.forEach(({ key, value }, i) => {
    const at = `${field}[${i}]`;
    checkKey(p, `${at}.key`, key, kind);
    if (kind === 'label') checkLabelValue(p, `${at}.value`, value);
    else checkAnnotationValue(p, `${at}.value`, value);
    if (Object.hasOwn(map, key)) p.add(`${at}.key`, `expected each ${kind} key once, received ${JSON.stringify(key)} again`);
    map[key] = value;
  });
  return map;
}

/** Validates `{labels?, annotations?}` and builds the wire object with only the maps that were given. */
export function metadataToWire(p: InputProblems, field: string, input: MetadataInput): PayloadMetadata {
  const wire: PayloadMetadata = {};
  if (input.labels != null) wire.labels = entriesToMap(p, `${field}.labels`, input.labels, 'label');
  if (input.annotations != null) wire.annotations = entriesToMap(p, `${field}.annotations`, input.annotations, 'annotation');
  return wire;
}
