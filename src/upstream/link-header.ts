/** RFC 8288 `Link` header parsing, enough for Waldur's pagination links. */

export interface PageLinks {
  first?: string;
  prev?: string;
  next?: string;
  last?: string;
}

const REL_NAMES = ['first', 'prev', 'next', 'last'] as const;

// One link-value: <target> followed by ;-separated params. Targets may contain commas (Waldur CSV filters such as
// ?customer=a,b), so the header cannot simply be split on ','.
const LINK_VALUE = /<([^>]*)>((?:\s*;\s*[A-Za-z0-9!#$&+.^_`|~*-]+\s*(?:=\s*(?:"[^"]*"|[^;,\s]*))?)*)/g;
const PARAM = /;\s*([A-Za-z0-9!#$&+.^_`|~*-]+)\s*(?:=\s*(?:"([^"]*)"|([^;,\s]*)))?/g;

/** Returns the first/prev/next/last targets of a `Link` header; unknown relations and malformed parts are skipped; never throws. */
export function parseLinkHeader(header: string | undefined): PageLinks {
  const links: PageLinks = {};
  if (!header) return links;
  for (const [, target, params] of header.matchAll(LINK_VALUE)) {
    for (const [, name, quoted, bare] of params.matchAll(PARAM)) {
      if (name.toLowerCase() !== 'rel') continue;
      for (const rel of (quoted ?? bare ?? '').toLowerCase().split(/\s+/)) {
        const known = REL_NAMES.find((r) => r === rel);
        if (known && links[known] === undefined) links[known] = target.trim();
      }
    }
  }
  return links;
}
