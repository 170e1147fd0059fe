import type { InputProblems } from '../typed-errors.ts';
import { isOrchestrationId, ORCHESTRATION_ID_RULE } from '../../../upstream/orchestration/ids.ts';

/**
 * Checks every orchestration mutation applies to its input before any upstream call (and before the access
 * check, which is a Waldur call). Each adds a problem to `problems` naming the field, what was expected and
 * what was received; none throws, so a client learns every problem of one input at once.
 */

/** docs/contracts/orchestration.md §7: label and annotation keys; label values (empty allowed). */
export const METADATA_KEY = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,57}[A-Za-z0-9])?$/;
export const LABEL_VALUE = /^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/;

/** Lengths and counts Junction accepts; the API documents none of these, so they are generous. */
export const LIMITS = {
  name: 256, image: 1024, text: 4096, annotationValue: 16_384, envValue: 32_768, entries: 256, items: 256, selectors: 32,
} as const;

/** With the `u` flag a surrogate pair is one code point, so this only matches a surrogate that is not paired. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;
const CONTROL = /\p{Cc}/u;

/** A received value as messages quote it: JSON, cut short so a huge input is not echoed back whole. */
export function shown(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 64)}…" (${typeof value === 'string' ? value.length : text.length} characters)` : text;
}

/** Whether `value` is well-formed Unicode of at most `max` characters; adds the problem otherwise. */
function wellFormed(p: InputProblems, field: string, value: string, max: number): boolean {
  if (value.length > max) return p.add(field, `expected at most ${max} characters, received ${value.length}: ${shown(value)}`), false;
  if (LONE_SURROGATE.test(value)) return p.add(field, `expected well-formed Unicode text, received a string with an unpaired surrogate: ${shown(value)}`), false;
  return true;
}

export interface TextRules {
  max?: number;
  /** Reject an empty or all-whitespace string (default true). */
  nonEmpty?: boolean;
  /** Reject whitespace anywhere (image references, regions, port names). */
  noWhitespace?: boolean;
  /** Allow control characters such as newlines (default false). */
  control?: boolean;
}

/** A free-text value: well-formed, bounded, and by default non-empty and free of control characters. */
export function checkText(p: InputProblems, field: string, value: string, rules: TextRules = {}): string {
  const { max = LIMITS.text, nonEmpty = true, noWhitespace = false, control = false } = rules;
  if (!wellFormed(p, field, value, max)) return value;
  if (nonEmpty && !value.trim()) p.add(field, `expected a non-empty string, received ${shown(value)}`);
  else if (noWhitespace && /\s/u.test(value)) p.add(field, `expected no whitespace, received ${shown(value)}`);
  else if (!control && CONTROL.test(value)) p.add(field, `expected no control characters, received ${shown(value)}`);
  return value;
}

/** A project, allocation or payload id: it becomes a path segment, so it must not be able to change the route. */
export function checkId(p: InputProblems, field: string, value: string, what: string): string {
  if (!isOrchestrationId(value)) p.add(field, `expected ${what} id: ${ORCHESTRATION_ID_RULE}, received ${shown(value)}`);
  return value;
}

/** A label or annotation key (§7). */
export function checkKey(p: InputProblems, field: string, value: string, kind: 'label' | 'annotation'): string {
  if (!METADATA_KEY.test(value)) {
    p.add(field, `expected ${kind === 'label' ? 'a label' : 'an annotation'} key of 1–59 characters that starts and ends with a letter or digit and has only letters, digits, ".", "_" or "-" between (${METADATA_KEY.source}), received ${shown(value)}`);
  }
  return value;
}

/** A label value (§7): empty, or like a key but up to 63 characters. */
export function checkLabelValue(p: InputProblems, field: string, value: string): string {
  if (!LABEL_VALUE.test(value)) {
    p.add(field, `expected a label value: empty, or 1–63 characters that start and end with a letter or digit and have only letters, digits, ".", "_" or "-" between (${LABEL_VALUE.source}), received ${shown(value)}`);
  }
  return value;
}

/** An annotation value: any well-formed text (newlines included) up to the limit. */
export function checkAnnotationValue(p: InputProblems, field: string, value: string): string {
  return checkText(p, field, value, { max: LIMITS.annotationValue, nonEmpty: false, control: true });
}

/** An integer in [min, max]; GraphQL has already made it a 32-bit integer. */
export function checkInt(p: InputProblems, field: string, value: number, min: number, max = 2_147_483_647): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    p.add(field, `expected an integer from ${min} to ${max}, received ${shown(value)}`);
  }
  return value;
}

/** A list no longer than `max` items. */
export function checkCount(p: InputProblems, field: string, list: readonly unknown[], max: number): boolean {
  if (list.length > max) return p.add(field, `expected at most ${max} items, received ${list.length}`), false;
  return true;
}

/** An enum value other than UNKNOWN (which only exists to report values this gateway does not know). */
export function checkKnown<T extends string>(p: InputProblems, field: string, value: T, allowed: readonly T[]): T {
  if (!allowed.includes(value)) p.add(field, `expected one of ${allowed.join(', ')}, received ${value}`);
  return value;
}

/** An orchestration string for a GraphQL enum value: `READY` → `Ready` (payload states are spelled that way). */
export const stateToWire = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase();
