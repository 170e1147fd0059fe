import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../src/resolvers/global-id.ts';
import { startStack, type Stack } from '../helpers/stack.ts';
import { CASES } from '../mutations/orchestration-cases.ts';
import { expectNoUpstreamCalls, MUTATIONS, mutate, seededTarget, type MutationName, type Target } from '../mutations/orchestration-helpers.ts';

let stack: Stack;
let target: Target;
beforeAll(async () => {
  stack = await startStack();
  target = await seededTarget(stack);
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
});

// Ids that a URL normaliser turns into a different route: "/projects/./allocations" is "/projects/allocations".
// ("%2e" is harmless: it is sent percent-encoded, as "%252e".)
const ROUTE_CHANGING = ['.', '..', './x', 'a/b'];
const ID_FIELDS = ['projectId', 'allocationId', 'payloadId'] as const;

describe('no orchestration id can change the route', () => {
  for (const name of Object.keys(MUTATIONS) as MutationName[]) {
    it(`should refuse route-changing ids in ${name} before any upstream call`, async () => {
      const valid = CASES[name].input(target);
      for (const field of ID_FIELDS.filter((f) => f in valid)) {
        for (const bad of ROUTE_CHANGING) {
          await stack.resetLogs();
          const { result, errors } = await mutate(stack, name, { ...valid, [field]: bad });
          const refused = result?.__typename === 'ValidationError' || errors?.[0]?.extensions?.code === 'BAD_USER_INPUT';
          expect(refused, `${name}.${field} = ${JSON.stringify(bad)}: ${JSON.stringify(result ?? errors)}`).toBe(true);
          await expectNoUpstreamCalls(stack);
        }
      }
    });
  }

  it('should refuse route-changing ids in every query and node id before any upstream call', async () => {
    const { projectId: p, allocationId: a } = target;
    const reads: Array<[string, Record<string, unknown>]> = [];
    for (const bad of ['.', '..', 'a/b']) {
      reads.push(
        ['query ($p: String!) { allocations(projectId: $p) { allocationId } }', { p: bad }],
        ['query ($p: String!, $a: String!) { allocation(projectId: $p, id: $a) { allocationId } }', { p: bad, a }],
        ['query ($p: String!, $a: String!) { allocation(projectId: $p, id: $a) { allocationId } }', { p, a: bad }],
        ['query ($p: String!, $a: String!, $x: String!) { payload(projectId: $p, allocationId: $a, id: $x) { payloadId } }', { p, a, x: bad }],
        ['query ($p: String!, $a: String!, $x: String!) { payload(projectId: $p, allocationId: $a, id: $x) { payloadId } }', { p, a: bad, x: 'x' }],
        ['query ($id: ID!) { node(id: $id) { id } }', { id: encodeGlobalId('Allocation', `${p}/${encodeURIComponent(bad)}`) }],
        ['query ($id: ID!) { node(id: $id) { id } }', { id: encodeGlobalId('Payload', `${p}/${a}/${encodeURIComponent(bad)}`) }],
      );
    }
    for (const [query, variables] of reads) {
      await stack.resetLogs();
      const result = await stack.query(query, variables);
      expect(result.errors?.[0]?.extensions?.code, `${query} ${JSON.stringify(variables)}: ${JSON.stringify(result)}`).toBe('BAD_USER_INPUT');
      await expectNoUpstreamCalls(stack);
    }
  });
});
