import { parseDate, parseDateTime, type Micros } from '../time.ts';
import { fieldErrors, nonFieldErrors, type FieldErrors } from './errors.ts';
import { normalizeUuid } from './ids.ts';
import { resolveLink, type LinkKind, type ResolvedLink } from './links.ts';

function pythonType(value: unknown): string {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  return 'NoneType';
}

const TRUE = new Set<unknown>([true, 1, '1', 'true', 'True', 'TRUE', 'yes', 'Yes', 'on', 'On', 't', 'T', 'y', 'Y']);
const FALSE = new Set<unknown>([false, 0, '0', 'false', 'False', 'FALSE', 'no', 'No', 'off', 'Off', 'f', 'F', 'n', 'N']);

interface Presence {
  required?: boolean;
  nullable?: boolean;
}

/** A DRF serializer's input side in miniature: reads fields, collecting errors keyed by field as DRF does. */
export class BodyForm {
  readonly errors: FieldErrors = {};
  readonly data: Record<string, unknown>;

  constructor(body: unknown) {
    if (body === undefined || body === null) this.data = {};
    else if (typeof body !== 'object' || Array.isArray(body)) {
      throw nonFieldErrors(`Invalid data. Expected a dictionary, but got ${pythonType(body)}.`);
    } else this.data = body as Record<string, unknown>;
  }

  has(name: string): boolean {
    return name in this.data;
  }

  fail(name: string, message: string): undefined {
    (this.errors[name] ??= []).push(message);
    return undefined;
  }

  /** undefined: absent (or invalid); null: explicitly null and allowed. */
  private present(name: string, { required = false, nullable = false }: Presence): unknown {
    if (!this.has(name)) return required ? this.fail(name, 'This field is required.') : undefined;
    const value = this.data[name];
    if (value === null && !nullable) return this.fail(name, 'This field may not be null.');
    return value;
  }

  string(name: string, options: Presence & { allowBlank?: boolean; maxLength?: number } = {}): string | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    if (typeof value === 'object') return this.fail(name, 'Not a valid string.');
    const text = String(value);
    if (text.trim() === '' && options.allowBlank === false) return this.fail(name, 'This field may not be blank.');
    if (options.maxLength && text.length > options.maxLength) {
      return this.fail(name, `Ensure this field has no more than ${options.maxLength} characters.`);
    }
    return text;
  }

  uuid(name: string, options: Presence = {}): string | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    return normalizeUuid(value) ?? this.fail(name, 'Must be a valid UUID.');
  }

  boolean(name: string, options: Presence = {}): boolean | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return undefined;
    if (TRUE.has(value)) return true;
    if (FALSE.has(value)) return false;
    return this.fail(name, 'Must be a valid boolean.');
  }

  integer(name: string, options: Presence & { min?: number; max?: number } = {}): number | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return undefined;
    const number = typeof value === 'string' && /^\s*-?\d+\s*$/.test(value) ? Number(value) : value;
    if (typeof number !== 'number' || !Number.isInteger(number)) return this.fail(name, 'A valid integer is required.');
    if (options.min !== undefined && number < options.min) return this.fail(name, `Ensure this value is greater than or equal to ${options.min}.`);
    if (options.max !== undefined && number > options.max) return this.fail(name, `Ensure this value is less than or equal to ${options.max}.`);
    return number;
  }

  date(name: string, options: Presence = {}): string | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    return (typeof value === 'string' && parseDate(value)) || this.fail(name, 'Date has wrong format. Use one of these formats instead: YYYY-MM-DD.');
  }

  dateTime(name: string, options: Presence = {}): Micros | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    const parsed = typeof value === 'string' ? parseDateTime(value) : null;
    return parsed ?? this.fail(name, 'Datetime has wrong format. Use one of these formats instead: YYYY-MM-DDThh:mm[:ss[.uuuuuu]][+HH:MM|-HH:MM|Z].');
  }

  object(name: string, options: Presence = {}): Record<string, unknown> | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    if (typeof value !== 'object' || Array.isArray(value)) return this.fail(name, `Expected a dictionary of items but got type "${pythonType(value)}".`);
    return value as Record<string, unknown>;
  }

  /** A `{component: integer}` map such as order or resource limits. */
  limits(name: string, options: Presence = {}): Record<string, number> | undefined {
    const value = this.object(name, options);
    if (!value) return undefined;
    const limits: Record<string, number> = {};
    for (const [key, item] of Object.entries(value)) {
      if (typeof item !== 'number' || !Number.isInteger(item)) return this.fail(name, 'A valid integer is required.');
      if (item < 0) return this.fail(name, 'Ensure this value is greater than or equal to 0.');
      limits[key] = item;
    }
    return limits;
  }

  /** A hyperlink field: checks the route; the caller looks the object up and calls `missing` if it is not visible. */
  link(name: string, kind: LinkKind, options: Presence = {}): ResolvedLink | null | undefined {
    const value = this.present(name, options);
    if (value === null || value === undefined) return value as null | undefined;
    if (typeof value !== 'string') return this.fail(name, `Incorrect type. Expected URL string, received ${pythonType(value)}.`);
    const resolved = resolveLink(value);
    if (!resolved) return this.fail(name, 'Invalid hyperlink - No URL match.');
    if (resolved.kind !== kind) return this.fail(name, 'Invalid hyperlink - Incorrect URL match.');
    return resolved;
  }

  missing(name: string): undefined {
    return this.fail(name, 'Invalid hyperlink - Object does not exist.');
  }

  /** Throws the collected field errors, if any. */
  check(): void {
    if (Object.keys(this.errors).length > 0) throw fieldErrors(this.errors);
  }
}
