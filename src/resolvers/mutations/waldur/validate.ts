/**
 * Input checks for the Waldur mutations, run before any upstream call. Every problem of one input is collected
 * (not just the first) and each message names what was expected and what was received.
 */
import { normalizeUuid } from '../../global-id.ts';
import { InputProblems } from '../typed-errors.ts';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How a received value is shown in a message: short, JSON-quoted, never the whole of a huge string. */
export function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return `an array (${value.length} items)`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify([...value].length > 40 ? `${[...value].slice(0, 40).join('')}…` : value);
  return String(value);
}

const length = (text: string) => [...text].length;

interface TextRules {
  required?: boolean;
  /** An explicit null is passed on (it clears the value upstream) instead of being a problem. */
  nullable?: boolean;
  /** Must contain something besides whitespace; the value is then sent trimmed, as Waldur stores it. */
  nonBlank?: boolean;
  /** Waldur's maxLength, in characters (code points, as Python counts them). */
  max?: number;
}

/** Collects the problems of one mutation input; `done()` throws them as one ValidationFailed. */
export class Checks {
  private readonly problems = new InputProblems();

  problem(field: string, message: string): undefined {
    this.problems.add(field, message);
    return undefined;
  }

  /** A Waldur UUID (32 hex digits, dashes optional, any case) → 32 lowercase hex. */
  uuid(field: string, value: string | null | undefined): string {
    const uuid = normalizeUuid(value);
    if (uuid !== undefined) return uuid;
    this.problem(field, `expected a Waldur UUID (32 hex digits, dashes optional), received ${shown(value)}`);
    return '';
  }

  text(field: string, value: string | null | undefined, rules: TextRules = {}): string | null | undefined {
    if (value === undefined) return rules.required ? this.problem(field, 'expected a value, received nothing') : undefined;
    if (value === null) return rules.nullable ? null : this.problem(field, `expected ${rules.required ? 'a value' : 'a string or no value'}, received null`);
    if (value.includes('\u0000')) return this.problem(field, `expected text without NUL characters, received ${shown(value)}`);
    const text = rules.nonBlank ? value.trim() : value;
    if (rules.nonBlank && !text) return this.problem(field, `expected a non-blank text, received ${shown(value)}`);
    if (rules.max !== undefined && length(text) > rules.max) {
      return this.problem(field, `expected at most ${rules.max} characters, received ${length(text)}`);
    }
    return text;
  }

  /** One of a fixed list of strings (Waldur choice fields that GraphQL enums cannot spell, like "1.1"). */
  choice(field: string, value: string | null | undefined, allowed: readonly string[], nullable = false): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null || value === '') return nullable ? null : this.problem(field, `expected one of ${allowed.join(', ')}, received ${shown(value)}`);
    return allowed.includes(value) ? value : this.problem(field, `expected one of ${allowed.join(', ')}, received ${shown(value)}`);
  }

  /** A calendar date `YYYY-MM-DD`; null passes when `nullable` (it clears the date upstream). */
  date(field: string, value: string | null | undefined, nullable = true): string | null | undefined {
    if (value === undefined) return undefined;
    if (value === null) return nullable ? null : this.problem(field, 'expected a date as YYYY-MM-DD, received null');
    const match = DATE.exec(value);
    const [year, month, day] = match ? match.slice(1).map(Number) : [0, 0, 0];
    const date = new Date(Date.UTC(year, month - 1, day));
    const real = match && year >= 1 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
    return real ? value : this.problem(field, `expected a calendar date as YYYY-MM-DD, received ${shown(value)}`);
  }

  /** An ISO date-time (the DateTime scalar checked its shape) that lies in the future. */
  futureTime(field: string, value: string | null | undefined): string | null | undefined {
    if (value === undefined || value === null) return value;
    const time = Date.parse(value);
    if (Number.isNaN(time)) return this.problem(field, `expected an ISO-8601 date-time, received ${shown(value)}`);
    return time > Date.now() ? value : this.problem(field, `expected a time in the future, received ${shown(value)}`);
  }

  /** A JSON object (not an array, not a scalar); `required` makes its absence a problem too. */
  object(field: string, value: unknown, required = false): Record<string, unknown> | undefined {
    if (value === undefined || value === null) return required ? this.problem(field, `expected a JSON object, received ${shown(value)}`) : undefined;
    if (typeof value !== 'object' || Array.isArray(value)) return this.problem(field, `expected a JSON object, received ${shown(value)}`);
    return value as Record<string, unknown>;
  }

  /** `{component: amount}` with non-negative safe integers, at least one component when `required`. */
  limits(field: string, value: unknown, required = false): Record<string, number> | undefined {
    const object = this.object(field, value, required);
    if (!object) return undefined;
    const entries = Object.entries(object);
    if (required && entries.length === 0) return this.problem(field, 'expected at least one component, e.g. {"cpu": 4}, received an empty object');
    let ok = true;
    for (const [key, amount] of entries) {
      if (!key.trim() || key.includes('\u0000') || length(key) > 255) {
        this.problem(field, `expected component names of 1–255 visible characters, received ${shown(key)}`);
        ok = false;
      } else if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount < 0) {
        this.problem(`${field}.${key}`, `expected a non-negative integer (at most ${Number.MAX_SAFE_INTEGER}), received ${shown(amount)}`);
        ok = false;
      }
    }
    return ok ? (object as Record<string, number>) : undefined;
  }

  /** For updates: at least one of the given fields must be present. */
  someOf(fields: Record<string, unknown>): void {
    if (Object.values(fields).every((value) => value === undefined)) {
      this.problem('_', `expected at least one of ${Object.keys(fields).join(', ')} to change, received none`);
    }
  }

  /** Throws every problem found as one ValidationFailed; no upstream call is made then. */
  done(): void {
    this.problems.throwIfAny();
  }
}
