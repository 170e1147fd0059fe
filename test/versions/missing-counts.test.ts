import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { traced } from '../marketplace/calls.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

/**
 * The OpenAPI document declares no headers on lists, so a Waldur (or a proxy in front of it) may send no
 * X-Result-Count. Junction then counts by the Link header, and says null where it cannot know: never a wrong number.
 */
describe('lists without X-Result-Count', () => {
  let stack: Stack;
  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });
  beforeEach(async () => {
    await stack.control('waldur', 'POST', 'profile', { version: '8.0.5', resultCount: true });
  });
  const withoutCounts = () => stack.control('waldur', 'POST', 'profile', { resultCount: false });

  it('should count a count-only query with one one-row GET whose Link header names the last page', async () => {
    const query = '{ projects { totalCount } resources(filter: { state: [OK] }) { totalCount } }';
    const counted = await traced(stack, query);
    expect(counted.lines.every((l) => l.startsWith('HEAD '))).toBe(true);
    await withoutCounts();
    const linked = await traced(stack, query);
    expect(linked.result).toEqual(counted.result);
    expect(linked.lines.map((l) => l.split(' ')[0]).sort()).toEqual(['GET', 'GET', 'HEAD', 'HEAD']);
    expect(linked.calls.filter((c) => c.method === 'GET').every((c) => new URLSearchParams(c.query).get('page_size') === '1')).toBe(true);
  });

  it('should give a null totalCount and take hasNextPage from the Link header in the middle of a list', async () => {
    const query = '{ projects(first: 2) { totalCount pageInfo { hasNextPage } nodes { uuid } } }';
    const counted = await stack.query(query);
    expect(counted.data.projects.totalCount).toBeGreaterThan(2);
    await withoutCounts();
    const page = await stack.query(query);
    expect(page.errors).toBeUndefined();
    expect(page.data.projects).toEqual({ ...counted.data.projects, totalCount: null });
    expect(page.data.projects.pageInfo.hasNextPage).toBe(true);
  });

  it('should know the exact total once the last page was read, and say there is no next page', async () => {
    const total = (await stack.query('{ projects { totalCount } }')).data.projects.totalCount;
    await withoutCounts();
    const page = await stack.query('{ projects(first: 300) { totalCount pageInfo { hasNextPage } nodes { uuid } } }');
    expect(page.data.projects.nodes).toHaveLength(total);
    expect(page.data.projects.totalCount).toBe(total);
    expect(page.data.projects.pageInfo.hasNextPage).toBe(false);
  });

  it('should count sub-resource lists and place `last` by the Link header too', async () => {
    const expected = await stack.query('{ projects(first: 1, orderBy: [NAME_ASC]) { nodes { members { totalCount } } } } ');
    const tail = await stack.query('{ projects(last: 2) { nodes { uuid } } }');
    await withoutCounts();
    // A sub-resource list counted by a one-row GET: here too the Link header tells the size.
    const members = await stack.query('{ projects(first: 1, orderBy: [NAME_ASC]) { nodes { members { totalCount } } } }');
    expect(members.errors).toBeUndefined();
    expect(members.data).toEqual(expected.data);
    expect(await stack.query('{ projects(last: 2) { nodes { uuid } } }')).toEqual(tail);
  });
});
