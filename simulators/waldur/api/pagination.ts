import { invalidPage } from '../http/errors.ts';
import { rewriteQuery } from '../http/query-params.ts';
import type { ApiRequest } from '../http/types.ts';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 300;

/** DRF `_positive_int(strict=True, cutoff=300)`; anything it rejects falls back to the default. */
function pageSizeOf(req: ApiRequest): number {
  const raw = req.query.last('page_size');
  if (raw === undefined || !/^\s*[+-]?\d+\s*$/.test(raw)) return DEFAULT_PAGE_SIZE;
  const size = Number(raw.trim());
  return size <= 0 ? DEFAULT_PAGE_SIZE : Math.min(size, MAX_PAGE_SIZE);
}

/** Django's Paginator.validate_number, with DRF's `last`. */
function pageNumberOf(req: ApiRequest, pages: number): number {
  const raw = req.query.last('page') || '1';
  if (raw === 'last') return pages;
  if (!/^\s*[+-]?\d+\s*$/.test(raw)) throw invalidPage();
  const page = Number(raw.trim());
  if (page < 1 || page > pages) throw invalidPage();
  return page;
}

export interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/**
 * LinkHeaderPagination (waldur_core/core/pagination.py): a bare array, `X-Result-Count`, and a `Link`
 * header with first/prev/next/last. Links are the absolute request URL with `page` replaced or removed,
 * the query keys re-sorted as DRF's replace_query_param does.
 */
export function paginate<T>(req: ApiRequest, all: readonly T[]): Page<T> {
  const size = pageSizeOf(req);
  const pages = Math.max(1, Math.ceil(all.length / size));
  const page = pageNumberOf(req, pages);
  const url = (number: number | null) => {
    const query = rewriteQuery(req.query.raw, 'page', number === null ? null : String(number));
    return `${req.origin}${req.path}${query ? `?${query}` : ''}`;
  };
  const links: string[] = [`<${url(null)}>; rel="first"`];
  if (page > 1) links.push(`<${url(page - 1 === 1 ? null : page - 1)}>; rel="prev"`);
  if (page < pages) links.push(`<${url(page + 1)}>; rel="next"`);
  links.push(`<${url(pages === 1 ? null : pages)}>; rel="last"`);
  return {
    items: all.slice((page - 1) * size, page * size),
    headers: { 'X-Result-Count': String(all.length), Link: links.join(', ') },
  };
}
