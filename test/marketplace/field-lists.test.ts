/**
 * Bytes: every Waldur call asks (`field=`) for what the selection reads and nothing more — the lists a careful
 * client would pass by hand. Asserted on the simulator's request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { fieldsOf, traced } from './calls.ts';

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => {
  await stack?.[Symbol.asyncDispose]();
});

const sorted = (fields: string[]) => [...fields].sort();

describe('field lists', () => {
  it('should read only the names an order list shows: no link uuids when the names are all it selects', async () => {
    const { result, calls } = await traced(stack, '{ orders(first: 20) { nodes { uuid type state created project { name } offering { name } resource { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(result.data.orders.nodes).toHaveLength(20);
    for (const order of result.data.orders.nodes) expect(order.resource.name).toEqual(expect.any(String));
    expect(calls).toHaveLength(1);
    expect(sorted(fieldsOf(calls[0]))).toEqual(['created', 'offering_name', 'project_name', 'resource_name', 'state', 'type', 'uuid']);
  });

  it('should leave out the row uuid when nothing selected reads it', async () => {
    const { result, calls } = await traced(stack, '{ resources(first: 100) { nodes { name offering { name } project { name } customer { name } } } }');
    expect(result.errors).toBeUndefined();
    expect(calls).toHaveLength(1);
    expect(sorted(fieldsOf(calls[0]))).toEqual(['customer_name', 'name', 'offering_name', 'project_name']);
  });

  it('should keep the uuid when a nested list or a field that declares nothing needs it', async () => {
    const nested = await traced(stack, '{ projects(first: 2) { nodes { name resources(first: 1) { nodes { name } } } } }');
    expect(nested.result.errors).toBeUndefined();
    expect(sorted(fieldsOf(nested.calls[0]))).toEqual(['name', 'uuid']);
    expect(sorted(fieldsOf(nested.calls[1]))).toEqual(['name']);
    const typename = await traced(stack, '{ resources(first: 1) { nodes { __typename } } }');
    expect(typename.result.errors).toBeUndefined();
    expect(fieldsOf(typename.calls[0])).toEqual(['uuid']);
  });
});
