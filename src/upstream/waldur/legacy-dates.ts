import { JunctionError } from '../../errors.ts';

type Query = ReadonlyArray<readonly [string, string]>;

/** The date-time filters Junction sends (`created`, `modified` on every list; `started`, `finished` on backend requests). */
const DATE_PARAMS = new Set(['created', 'modified', 'started', 'finished']);

/**
 * Runs a list read; when Waldur refuses an ISO-8601 date-time filter with 400 (as 7.x does for `created`/`modified`),
 * runs it once more with those values in Django's default input formats `YYYY-MM-DD HH:MM:SS[.fff]` (UTC). A 400 the
 * rewrite cannot explain is the caller's error as before.
 */
export async function withLegacyDates<R>(query: Query, run: (query: Query) => Promise<R>): Promise<R> {
  try {
    return await run(query);
  } catch (error) {
    const retry = legacyDateQuery(query, error);
    if (!retry) throw error;
    return run(retry);
  }
}

function legacyDateQuery(query: Query, error: unknown): Query | undefined {
  if (!(error instanceof JunctionError) || error.status !== 400) return undefined;
  // A HEAD has no body to name the field: any date filter may be the reason.
  const named = error.fieldErrors ? new Set(error.fieldErrors.map((f) => f.field)) : undefined;
  let changed = false;
  const next = query.map(([key, value]): [string, string] => {
    if (!DATE_PARAMS.has(key) || (named && !named.has(key))) return [key, value];
    const time = Date.parse(value);
    if (Number.isNaN(time)) return [key, value];
    const legacy = new Date(time).toISOString().slice(0, 23).replace('T', ' ').replace(/\.000$/, '');
    if (legacy !== value) changed = true;
    return [key, legacy];
  });
  return changed ? next : undefined;
}
