import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { paramsOf, traced } from './calls.ts';

const PAGE = `query($first: Int, $after: String, $last: Int, $before: String) {
  orders(first: $first, after: $after, last: $last, before: $before, orderBy: [CREATED_ASC]) {
    totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { uuid } }
  }
}`;
const uuids = (r: any) => r.data.orders.edges.map((e: any) => e.node.uuid);
const pageParams = (call: any) => paramsOf(call).filter(([k]) => k === 'page' || k === 'page_size');

describe('Relay pagination over Waldur pages', () => {
  it('should page on with first: 7 after the 7th item as page 2 of 7, and agree with one big page', async () => {
    await using stack = await startStack();
    const all = uuids(await stack.query(PAGE, { first: 21 }));
    const first = await traced(stack, PAGE, { first: 7 });
    expect(uuids(first.result)).toEqual(all.slice(0, 7));
    expect(first.result.data.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const second = await traced(stack, PAGE, { first: 7, after: first.result.data.orders.pageInfo.endCursor });
    expect(uuids(second.result)).toEqual(all.slice(7, 14));
    expect(second.calls.map(pageParams)).toEqual([[['page', '2'], ['page_size', '7']]]);
    expect(second.result.data.orders.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  });

  it('should answer a window that straddles pages (first: 7 after the 5th) from one covering page, sliced', async () => {
    await using stack = await startStack();
    const all = await stack.query(PAGE, { first: 21 });
    const fifth = all.data.orders.edges[4].cursor;
    const { result, calls } = await traced(stack, PAGE, { first: 7, after: fifth });
    expect(uuids(result)).toEqual(uuids(all).slice(5, 12));
    expect(result.data.orders.edges[0].cursor).toBe(all.data.orders.edges[5].cursor);
    expect(calls.map(pageParams)).toEqual([[['page', '1'], ['page_size', '12']]]);
  });

  it('should count first for `last` alone (a HEAD), and need no count for `last` with `before`', async () => {
    await using stack = await startStack();
    const everything = uuids(await stack.query(`{ orders(first: 300, orderBy: [CREATED_ASC]) { edges { node { uuid } } } }`));
    expect(everything).toHaveLength(158);
    const tail = await traced(stack, PAGE, { last: 5 });
    expect(uuids(tail.result)).toEqual(everything.slice(-5));
    expect(tail.calls.map((c) => c.method)).toEqual(['HEAD', 'GET']);
    expect(tail.result.data.orders.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
    const before = await traced(stack, PAGE, { last: 3, before: tail.result.data.orders.pageInfo.startCursor });
    expect(uuids(before.result)).toEqual(everything.slice(-8, -5));
    expect(before.calls.map((c) => c.method)).toEqual(['GET']);
  });

  it('should answer totalCount alone with one HEAD carrying the filters, and no body', async () => {
    await using stack = await startStack();
    const { result, calls } = await traced(stack, `{ orders(filter: { state: [DONE] }) { totalCount } }`);
    expect(result.data.orders.totalCount).toBeGreaterThan(0);
    expect(calls).toHaveLength(1);
    expect(calls[0].method).toBe('HEAD');
    expect(calls[0].bytes).toBe(0);
    expect(paramsOf(calls[0])).toEqual([['state', 'done'], ['page_size', '1']]);
  });

  it('should reject first over 300, negative last, a foreign cursor, a bad global id and a bad uuid before calling Waldur', async () => {
    await using stack = await startStack();
    const cases: Array<[string, Record<string, unknown>, string]> = [
      [PAGE, { first: 500 }, 'first: expected an integer from 0 to 300, received 500'],
      [PAGE, { last: -1 }, 'last: expected an integer from 0 to 300, received -1'],
      [PAGE, { first: 2, after: 'not-a-cursor' }, 'after: expected a cursor from this connection\'s edges or pageInfo, received "not-a-cursor"'],
      [`{ node(id: "garbage") { id } }`, {}, 'id: expected a global ID as returned by an `id` field (base64 of "Type:key"), received "garbage"'],
      [`{ project(uuid: "1234") { name } }`, {}, 'uuid: expected a Waldur UUID (32 hex digits, dashes optional), received "1234"'],
      [`{ resources(filter: { project: "nope" }) { totalCount } }`, {}, 'filter.project: expected a Waldur UUID (32 hex digits, dashes optional), received "nope"'],
    ];
    for (const [query, variables, message] of cases) {
      const { result, calls } = await traced(stack, query, variables);
      expect(result.errors?.[0]).toMatchObject({ message, extensions: { code: 'BAD_USER_INPUT' } });
      expect(calls).toEqual([]);
    }
  });
});
