/** List sizes from what Waldur sends besides the rows; the OpenAPI document promises none of it. */
import type { Page } from './types.ts';

/** `X-Result-Count` as a count, or undefined when absent or not a count. */
export function resultCount(headers: Record<string, string>): number | undefined {
  const value = headers['x-result-count']?.trim() ?? '';
  return /^\d{1,15}$/.test(value) ? Number(value) : undefined;
}

/**
 * The size of a list from its first page of one row: the page's own count; an empty first page is an empty
 * list; a `Link` header without `next` means the rows shown are all; else the `page` of the `last` link is the number of one-row pages. Null when none of these is there.
 */
export function countOfOneRowPage(page: Page<unknown>): number | null {
  if (page.total !== undefined) return page.total;
  if (page.items.length === 0) return 0;
  if (Object.keys(page.links).length > 0 && !page.links.next) return page.items.length;
  const last = page.links.last ? pageOf(page.links.last) : undefined;
  return last ?? null;
}

function pageOf(url: string): number | undefined {
  try {
    const value = new URL(url, 'http://waldur.invalid').searchParams.get('page');
    return value && /^\d{1,15}$/.test(value) ? Number(value) : undefined;
  } catch {
    return undefined;
  }
}
