/** Request targets under an upstream base URL, and low-cardinality route names for metrics. */

/** Percent-encodes a query key or value; commas stay readable (Waldur CSV filters such as `customer=a,b`). */
export function encodeQueryPart(value: string): string {
  return encodeURIComponent(value).replace(/%2C/gi, ',');
}

/** Serialises pairs in order, repeated keys included (Waldur's `field=a&field=b`). */
export function queryString(query: ReadonlyArray<readonly [string, string]> | undefined): string {
  return (query ?? []).map(([key, value]) => `${encodeQueryPart(key)}=${encodeQueryPart(value)}`).join('&');
}

/**
 * Resolves `path` (relative to the base URL's path, or absolute on the same origin) plus `query` into an
 * origin-relative target; returns undefined (never throws) for an unparsable URL or one on another origin.
 */
export function resolveTarget(base: URL, path: string, query?: ReadonlyArray<readonly [string, string]>): string | undefined {
  let url: URL;
  if (/^[a-z][a-z0-9+.-]*:/i.test(path)) {
    if (!URL.canParse(path)) return undefined;
    url = new URL(path);
    if (url.origin !== base.origin) return undefined;
  } else {
    url = new URL(`${base.pathname.replace(/\/*$/, '/')}${path.replace(/^\/+/, '')}`, base.origin);
  }
  const extra = queryString(query);
  const search = url.search ? `${url.search}${extra ? `&${extra}` : ''}` : extra ? `?${extra}` : '';
  return `${url.pathname}${search}`;
}

const ID_SEGMENT = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d+|[a-z0-9]{5}-[a-z0-9]{5})$/i;

/** The path of a target with ids (UUIDs, numbers, payload ids) replaced by `{id}` and the query dropped. */
export function routeOf(target: string): string {
  const path = target.split('?')[0];
  return path.split('/').map((segment) => (ID_SEGMENT.test(segment) ? '{id}' : segment)).join('/');
}
