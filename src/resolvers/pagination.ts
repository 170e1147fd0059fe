import { badInput, JunctionError } from '../errors.ts';

/**
 * Relay connections over Waldur's page/page_size lists. A cursor is the base64 of an item's offset in the
 * whole (filtered, ordered) list, so any window `first/after/last/before` maps onto offsets [start, end),
 * and the offsets onto the fewest pages that cover them (≤ 300 per page). Totals come from X-Result-Count.
 */
export const MAX_PAGE_SIZE = 300;
export const DEFAULT_FIRST = 10;

export interface ConnectionArgs {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
}

/** A validated window request; `end` is unknown until the total is (only for `last` without `before`). */
export interface WindowSpec { after: number; before?: number; first?: number; last?: number }

/** `total` is null when Waldur did not say (no `X-Result-Count`): unknown, never guessed. */
export interface Slice<T> { rows: T[] | undefined; start: number; end: number; total: number | null; hasMore?: boolean }

export interface Edge<T> { cursor: string; node: T }
export interface ConnectionResult<T> {
  edges: Edge<T>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  totalCount: number | null;
}

/** One page as a source gives it: `total` only when Waldur sent `X-Result-Count`, `links` from its `Link` header. */
export interface SourcePage<T> { items: T[]; total?: number; links?: { next?: string } }

/** One Waldur list, as the pagination needs it: one page of rows, or the count alone (null when Waldur cannot say). */
export interface ListSource<T> {
  page(page: number, pageSize: number): Promise<SourcePage<T>>;
  count(): Promise<number | null>;
}

const CURSOR = /^offset:(\d{1,9})$/;

export function encodeCursor(offset: number): string {
  return Buffer.from(`offset:${offset}`, 'utf8').toString('base64');
}

function decodeCursor(cursor: string, arg: 'after' | 'before'): number {
  const match = CURSOR.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match || encodeCursor(Number(match[1])) !== cursor) {
    throw badInput(`${arg}: expected a cursor from this connection's edges or pageInfo, received ${JSON.stringify(cursor)}`);
  }
  return Number(match[1]);
}

function pageArg(value: number | null | undefined, arg: 'first' | 'last'): number | undefined {
  if (value === null || value === undefined) return undefined;
  if (!Number.isInteger(value) || value < 0 || value > MAX_PAGE_SIZE) {
    throw badInput(`${arg}: expected an integer from 0 to ${MAX_PAGE_SIZE}, received ${value}`);
  }
  return value;
}

/** Validates the Relay arguments before any upstream call; every mistake is a BAD_USER_INPUT. */
export function windowOf(args: ConnectionArgs): WindowSpec {
  const first = pageArg(args.first, 'first');
  const last = pageArg(args.last, 'last');
  const after = args.after ? decodeCursor(args.after, 'after') + 1 : 0;
  const before = args.before ? decodeCursor(args.before, 'before') : undefined;
  return { after, before, first: first ?? (last === undefined ? DEFAULT_FIRST : undefined), last };
}

/** [start, end) of the window once `total` is known (or Infinity when it is not needed). */
export function bounds(spec: WindowSpec, total = Number.POSITIVE_INFINITY): { start: number; end: number } {
  let start = spec.after;
  let end = Math.min(spec.before ?? total, total);
  if (spec.first !== undefined) end = Math.min(end, start + spec.first);
  if (spec.last !== undefined) start = Math.max(start, end - spec.last);
  return { start, end: Math.max(start, end) };
}

/** Whether the window can only be placed after counting (`last` counted from the end of the list). */
export const needsTotal = (spec: WindowSpec) => spec.last !== undefined && spec.first === undefined && spec.before === undefined;

/**
 * The pages that cover [start, end): one page when a page size at most twice the window covers it, else two
 * consecutive pages of the window's size (fetched in parallel), which always cover it.
 */
export function coveringPages(start: number, end: number): { pageSize: number; pages: number[] } {
  const n = end - start;
  for (let size = n; size <= Math.min(MAX_PAGE_SIZE, 2 * n); size++) {
    if (Math.floor(start / size) === Math.floor((end - 1) / size)) return { pageSize: size, pages: [Math.floor(start / size) + 1] };
  }
  return { pageSize: n, pages: [Math.floor(start / n) + 1, Math.floor((end - 1) / n) + 1] };
}

/**
 * Reads the window from a paged source: a HEAD when no items are wanted, else the covering page(s), sliced.
 * Without `X-Result-Count` the total stays null unless the last page was reached, and whether more rows follow
 * comes from the page itself and its `Link: rel="next"`.
 */
export async function sliceFromSource<T>(spec: WindowSpec, source: ListSource<T>, wantItems: boolean, knownTotal?: number): Promise<Slice<T>> {
  let total: number | null | undefined = knownTotal ?? (needsTotal(spec) || !wantItems ? await source.count() : undefined);
  if (total === null && needsTotal(spec)) {
    throw new JunctionError('NOT_SUPPORTED', 'last: this Waldur does not report how many items a list has (no X-Result-Count), so a window counted from the end cannot be placed; page with first/after instead');
  }
  // `first` and `last` together: take the `first` window (≤ 300 rows), then its last items; no count needed.
  const both = spec.first !== undefined && spec.last !== undefined;
  const { start, end } = bounds(both ? { ...spec, last: undefined } : spec, total ?? undefined);
  if ((!wantItems && total !== null) || end <= start) {
    if (total === undefined) total = await source.count();
    return { rows: wantItems ? [] : undefined, ...bounds(spec, total ?? undefined), total };
  }
  const { pageSize, pages } = coveringPages(start, end);
  const answers = await Promise.all(pages.map((page) => source.page(page, pageSize).catch((error: unknown) => {
    // Waldur answers 404 "Invalid page." past the last page: the window starts beyond the list.
    if (page > 1 && error instanceof JunctionError && error.status === 404 && error.code === 'NOT_FOUND') return undefined;
    throw error;
  })));
  const got = answers.filter((a) => a !== undefined);
  const offset = (pages[0] - 1) * pageSize;
  const fetched = answers[0] ? answers.flatMap((a) => a?.items ?? []) : [];
  const lastPage = got.at(-1);
  if (total === undefined || total === null) {
    // Every page past the end (404): only a count can say where the list ends.
    total = got.length === 0 ? await source.count() : got.find((a) => a.total !== undefined)?.total ?? totalOfLastPage(answers, pageSize, offset, fetched.length) ?? null;
  }
  // A `before` cursor past the end of a list that shrank: place `last` again, now that the total is known.
  if (total !== null && spec.last !== undefined && !both && knownTotal === undefined && end > total && bounds(spec, total).start < start) {
    return sliceFromSource(spec, source, wantItems, total);
  }
  let rows = fetched.slice(start - offset, end - offset);
  let first = start;
  if (both && rows.length > spec.last!) {
    first += rows.length - spec.last!;
    rows = rows.slice(rows.length - spec.last!);
  }
  const hasMore = total === null ? fetched.length > end - offset || Boolean(lastPage?.links?.next) : undefined;
  return { rows: wantItems ? rows : undefined, start: first, end: first + rows.length, total, hasMore };
}

/** The exact total when the pages read include the list's last one (a short page, or a 404 past the end). */
function totalOfLastPage<T>(answers: ReadonlyArray<SourcePage<T> | undefined>, pageSize: number, offset: number, fetched: number): number | undefined {
  const last = answers.at(-1);
  const reachedEnd = last === undefined || last.items.length < pageSize || (last.links !== undefined && 'next' in last.links === false && Object.keys(last.links).length > 0);
  return reachedEnd ? offset + fetched : undefined;
}

/** The window of an in-memory list (children fetched for several parents at once and grouped). */
export function sliceFromArray<T>(spec: WindowSpec, all: readonly T[]): Slice<T> {
  const { start, end } = bounds(spec, all.length);
  return { rows: all.slice(start, end), start, end, total: all.length };
}

/** The Relay connection object Pothos's connection types read. */
export function toConnection<T>(slice: Slice<T>): ConnectionResult<T> {
  const edges = (slice.rows ?? []).map((node, i) => ({ cursor: encodeCursor(slice.start + i), node }));
  const end = slice.rows ? slice.start + slice.rows.length : Math.min(slice.end, slice.total ?? slice.end);
  const empty = end <= slice.start;
  return {
    edges,
    pageInfo: {
      hasNextPage: slice.total === null ? slice.hasMore ?? false : end < slice.total,
      hasPreviousPage: slice.start > 0,
      startCursor: empty ? null : encodeCursor(slice.start),
      endCursor: empty ? null : encodeCursor(end - 1),
    },
    totalCount: slice.total,
  };
}
