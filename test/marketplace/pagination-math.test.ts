import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { JunctionError } from '../../src/errors.ts';
import { bounds, coveringPages, encodeCursor, sliceFromSource, toConnection, windowOf } from '../../src/resolvers/pagination.ts';

describe('Relay windows over Waldur pages', () => {
  it('should cover any window with the pages it names, never more than two, never over 300 rows', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 1, max: 300 }), (start, n) => {
      const { pageSize, pages } = coveringPages(start, start + n);
      expect(pageSize).toBeLessThanOrEqual(300);
      expect(pages.length).toBeLessThanOrEqual(2);
      expect((pages[0] - 1) * pageSize).toBeLessThanOrEqual(start);
      expect(pages[pages.length - 1] * pageSize).toBeGreaterThanOrEqual(start + n);
    }));
  });

  it('should use the aligned page when the window is aligned, and one wider page when that is cheap', () => {
    expect(coveringPages(7, 14)).toEqual({ pageSize: 7, pages: [2] });
    expect(coveringPages(5, 12)).toEqual({ pageSize: 12, pages: [1] });
    expect(coveringPages(290, 300)).toEqual({ pageSize: 10, pages: [30] });
    expect(coveringPages(295, 305)).toEqual({ pageSize: 14, pages: [22] });
    expect(coveringPages(299, 301)).toEqual({ pageSize: 2, pages: [150, 151] });
  });

  it('should answer every window exactly as slicing the whole list would', async () => {
    const all = Array.from({ length: 53 }, (_, i) => i);
    const source = {
      page: async (page: number, size: number) => {
        if (page > 1 && (page - 1) * size >= all.length) throw new JunctionError('NOT_FOUND', 'Invalid page.', { status: 404 });
        return { items: all.slice((page - 1) * size, page * size), total: all.length };
      },
      count: async () => all.length,
    };
    const maybe = (max: number) => fc.option(fc.integer({ min: 0, max }), { nil: undefined });
    await fc.assert(fc.asyncProperty(maybe(60), maybe(70), maybe(60), maybe(70), async (first, after, last, before) => {
      const spec = windowOf({
        first, last, after: after === undefined ? undefined : encodeCursor(after), before: before === undefined ? undefined : encodeCursor(before),
      });
      const connection = toConnection(await sliceFromSource(spec, source, true));
      const { start, end } = bounds(spec, all.length);
      expect(connection.edges.map((e) => e.node)).toEqual(all.slice(start, end));
      expect(connection.totalCount).toBe(53);
      expect(connection.pageInfo.hasNextPage).toBe(end < 53);
    }));
  });

  it('should never guess a total Waldur did not send: null, hasNextPage from the page and its Link header', async () => {
    const all = Array.from({ length: 25 }, (_, i) => i);
    const source = (links: boolean) => ({
      page: async (page: number, size: number) => {
        const items = all.slice((page - 1) * size, page * size);
        return { items, links: links ? { ...(page * size < all.length && { next: `?page=${page + 1}` }), first: '?' } : {} };
      },
      count: async () => null,
    });
    const middle = toConnection(await sliceFromSource(windowOf({ first: 10 }), source(true), true));
    expect(middle.totalCount).toBeNull();
    expect(middle.pageInfo.hasNextPage).toBe(true);
    // The page shows the list's end (no `next`): now the total is known exactly.
    const end = toConnection(await sliceFromSource(windowOf({ first: 10, after: encodeCursor(19) }), source(true), true));
    expect(end).toMatchObject({ totalCount: 25, pageInfo: { hasNextPage: false } });
    expect(toConnection(await sliceFromSource(windowOf({ first: 5 }), source(false), true)).pageInfo.hasNextPage).toBe(false);
    expect((await sliceFromSource(windowOf({ first: 5 }), source(false), false)).total).toBeNull();
    await expect(sliceFromSource(windowOf({ last: 5 }), source(true), true)).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('should reject page sizes over 300, negative ones and foreign cursors, naming the value received', () => {
    expect(() => windowOf({ first: 500 })).toThrow('first: expected an integer from 0 to 300, received 500');
    expect(() => windowOf({ last: -1 })).toThrow('last: expected an integer from 0 to 300, received -1');
    expect(() => windowOf({ after: 'bm9wZQ==' })).toThrow('after: expected a cursor from this connection\'s edges or pageInfo, received "bm9wZQ=="');
  });
});
