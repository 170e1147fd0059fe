/** Waldur paths and hyperlinks: always with the trailing slash, ids checked so they cannot change the route. */
import { badInput } from '../../errors.ts';

const SEGMENT = /^[A-Za-z0-9_.:~-]+$/;

/**
 * Builds `path/id1/id2/` with the trailing slash. `path` may hold several segments; each id must be exactly one.
 * Rejects (BAD_USER_INPUT) empty, '.', '..' or odd segments so no input can change the route.
 */
export function waldurPath(path: string, ...ids: string[]): string {
  const segments = [...path.replace(/^\/+|\/+$/g, '').split('/'), ...ids];
  for (const segment of segments) {
    if (!SEGMENT.test(segment) || segment === '.' || segment === '..') throw badInput('Not a valid Waldur id or path segment');
  }
  return `${segments.join('/')}/`;
}

/** The absolute hyperlink of a collection or object, as Waldur expects it in input; throws BAD_USER_INPUT for a bad id. */
export function waldurUrlFor(baseUrl: string, collection: string, uuid?: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}${uuid === undefined ? waldurPath(collection) : waldurPath(collection, uuid)}`;
}

/** The public plan hyperlink an order's `plan` must be (`…/marketplace-public-offerings/<o>/plans/<p>/`); throws like waldurUrlFor. */
export function publicPlanUrl(baseUrl: string, offeringUuid: string, planUuid: string): string {
  return waldurUrlFor(baseUrl, `marketplace-public-offerings/${offeringUuid}/plans`, planUuid);
}

/** Pure. `field=` params for a sparse fieldset: `uuid` first (results are keyed on it) unless not `keyed`, no duplicates. */
export function fieldParams(fields: readonly string[] | undefined, keyed = true): Array<[string, string]> {
  if (!fields) return [];
  return [...new Set(keyed ? ['uuid', ...fields] : fields)].map((name): [string, string] => ['field', name]);
}

/** Pure. `page`/`page_size` params; the page size is clamped to Waldur's maximum of 300. */
export function pageParams(page: number | undefined, pageSize: number | undefined): Array<[string, string]> {
  const params: Array<[string, string]> = [];
  if (page !== undefined) params.push(['page', String(Math.max(1, Math.floor(page)))]);
  if (pageSize !== undefined) params.push(['page_size', String(Math.min(300, Math.max(1, Math.floor(pageSize))))]);
  return params;
}
