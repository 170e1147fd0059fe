/** Timestamps are kept as microseconds since the epoch, because Waldur renders microseconds. */
export type Micros = number;

let lastIssued = 0;

/** The current time in microseconds, strictly increasing so that `created` orders are stable. */
export function nowMicros(): Micros {
  const now = Date.now() * 1000;
  lastIssued = Math.max(now, lastIssued + 1);
  return lastIssued;
}

export function micros(isoOrMs: string | number): Micros {
  return (typeof isoOrMs === 'number' ? isoOrMs : Date.parse(isoOrMs)) * 1000;
}

/** `2021-04-09T09:40:51.832870Z`, as Django REST framework renders a DateTimeField. */
export function isoDateTime(value: Micros): string;
export function isoDateTime(value: Micros | null): string | null;
export function isoDateTime(value: Micros | null): string | null {
  if (value === null) return null;
  const ms = Math.floor(value / 1000);
  const sub = String(Math.floor(value) % 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace(/Z$/, `${sub}Z`);
}

/** `YYYY-MM-DD` */
export function isoDate(value: Micros): string {
  return new Date(Math.floor(value / 1000)).toISOString().slice(0, 10);
}

export const DAY: Micros = 86_400_000_000;
export const HOUR: Micros = 3_600_000_000;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

/**
 * Parses a filter value the way Django's DateTimeField does (ISO date or date-time, UTC when no zone).
 * Returns null for a value Django would reject.
 */
export function parseDateTime(value: string): Micros | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', frac = '', zone = 'Z'] = match;
  const zoneText = zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const ms = Date.parse(`${y}-${mo}-${d}T${h}:${mi}:${s}${zoneText}`);
  if (Number.isNaN(ms)) return null;
  return ms * 1000 + Number(frac.padEnd(6, '0'));
}

/** Parses `YYYY-MM-DD`; null when invalid. */
export function parseDate(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  return Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? null : value;
}
