import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../helpers/stack.ts';
import { MUTATIONS, mutate, seededTarget, upstream, type MutationName, type Target } from './orchestration-helpers.ts';

/**
 * Random and hostile input at every orchestration mutation. Whatever comes in: the answer is a JSON GraphQL
 * response, no error is INTERNAL, and input Junction rejects itself (a ValidationError, or GraphQL's own
 * BAD_USER_INPUT for a value of the wrong type) has cost nothing upstream: no Orchestration call and no Waldur
 * access check. Valid-looking input does reach the simulators, so the properties hold on both paths.
 */

const NASTY = [
  '', ' ', '/', '..', '.', 'a/b', '../x', 'a\\b', '%2F', '%2e%2e', '\u0000', '\n', 'tab\there', '\ud800', 'x\udfffy', 'é', '🎮', 'ﷺ',
  '-a', 'a-', 'a..b', '__proto__', 'constructor', 'null', 'x'.repeat(64), 'k'.repeat(10_000), '\u202e', 'ａｂｃ',
];
const text = fc.oneof(
  fc.constantFrom(...NASTY),
  fc.string({ maxLength: 80 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.tuple(fc.string({ maxLength: 8 }), fc.constantFrom('\ud83c', '\udc00')).map(([s, half]) => s + half),
  fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9._-]{0,12}$/),
);
const int = fc.oneof(fc.integer(), fc.integer({ min: -3, max: 70_000 }), fc.constantFrom(-1, 0, 1, 65_535, 65_536, 2 ** 31, 2 ** 53, -(2 ** 40), 1e300, 0.5));
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 3 });
const entries = fc.array(fc.record({ key: text, value: text }), { maxLength: 4 });
const metadata = fc.record({ labels: maybe(entries), annotations: maybe(entries) }, { requiredKeys: [] });
const port = fc.record({
  name: text, containerPort: maybe(int),
  policy: maybe(fc.constantFrom('DYNAMIC', 'PASSTHROUGH', 'UNKNOWN', 'dynamic')),
  protocol: fc.constantFrom('UDP', 'TCP', 'TCPUDP', 'UNKNOWN', 'SCTP'),
}, { requiredKeys: ['name', 'protocol'] });
const spec = fc.record({
  payloadSpec: fc.record({
    image: fc.oneof(text, fc.constant('registry.ims.io/games/arena:1.0.0')),
    command: maybe(text), args: maybe(fc.array(text, { maxLength: 3 })), ports: maybe(fc.array(port, { maxLength: 3 })),
    resources: maybe(fc.record({ cpu: maybe(fc.oneof(text, fc.constantFrom('500m', '1.5'))), memory: maybe(fc.oneof(text, fc.constantFrom('512Mi', '100m'))) })),
    environment: maybe(fc.array(fc.record({ name: text, value: text }), { maxLength: 3 })),
    ddosProtection: maybe(fc.constantFrom('DISABLED', 'ENABLED', 'UNKNOWN')),
  }, { requiredKeys: ['image'] }),
  bufferSize: int, minPayloads: int, maxPayloads: int, region: fc.oneof(text, fc.constant('eu-west')),
});
/** Mostly valid specs and metadata too, so that creates and updates also reach the simulator. */
const saneSpec = fc.record({
  payloadSpec: fc.record({ image: fc.constantFrom('img:1', 'registry.ims.io/games/x:2'), ports: fc.constant([{ name: 'game', containerPort: 7777, protocol: 'UDP' }]) }),
  bufferSize: fc.integer({ min: 0, max: 3 }), minPayloads: fc.integer({ min: 0, max: 2 }), maxPayloads: fc.integer({ min: 2, max: 5 }), region: fc.constantFrom('eu-west', 'us-east'),
});
const saneEntries = fc.array(fc.record({ key: fc.stringMatching(/^[a-z][a-z0-9-]{0,8}$/), value: fc.stringMatching(/^[a-z0-9]{0,8}$/) }), { maxLength: 3 });
const anySpec = fc.oneof(spec, saneSpec);
const anyMetadata = fc.oneof(metadata, fc.record({ labels: saneEntries, annotations: saneEntries }));
const selector = fc.record({ matchLabels: maybe(entries), state: maybe(fc.constantFrom('READY', 'RESERVED', 'SHUTDOWN', 'UNKNOWN', 'ready')) }, { requiredKeys: [] });

/** Inputs for one mutation: each id is either a real one of the target or hostile text. */
function inputs(name: MutationName, t: Target): fc.Arbitrary<Record<string, unknown>> {
  const ids = {
    projectId: fc.oneof(fc.constant(t.projectId), text),
    allocationId: fc.oneof(fc.constant(t.allocationId), text),
  };
  const payload = { ...ids, payloadId: fc.oneof(fc.constantFrom(...t.ready, t.reserved), text) };
  const kv = { key: text, value: text };
  const shapes: Record<MutationName, fc.Arbitrary<Record<string, unknown>>> = {
    createAllocation: fc.record({ projectId: ids.projectId, name: maybe(text), spec: anySpec, metadata: maybe(anyMetadata) }, { requiredKeys: ['projectId', 'spec'] }),
    updateAllocation: fc.record({ ...ids, name: text, spec: anySpec, metadata: maybe(fc.option(anyMetadata, { nil: null })) }, { requiredKeys: ['projectId', 'allocationId', 'name', 'spec'] }),
    deleteAllocation: fc.record(ids),
    setAllocationEnabled: fc.record({ ...ids, enabled: fc.oneof(fc.boolean(), fc.constant('yes' as unknown as boolean)) }),
    updateAllocationImage: fc.record({ ...ids, image: text }),
    deletePayload: fc.record({ ...payload, force: maybe(fc.boolean()) }, { requiredKeys: ['projectId', 'allocationId', 'payloadId'] }),
    setPayloadLabel: fc.record({ ...payload, ...kv }),
    setPayloadAnnotation: fc.record({ ...payload, ...kv }),
    reservePayload: fc.record({ ...ids, selectors: maybe(fc.array(selector, { maxLength: 4 })), payloadMetadata: maybe(anyMetadata) }, { requiredKeys: ['projectId', 'allocationId'] }),
    releaseReservation: fc.record(payload),
  };
  return shapes[name];
}

describe('orchestration mutations under random and hostile input', () => {
  let stack: Stack & AsyncDisposable;
  let target: Target;
  beforeAll(async () => {
    stack = await startStack();
    target = await seededTarget(stack);
  });
  afterAll(async () => {
    await stack?.[Symbol.asyncDispose]();
  });

  it.each(Object.keys(MUTATIONS) as MutationName[])('%s: never INTERNAL, always JSON, and no upstream call for input rejected locally', async (name) => {
    await fc.assert(fc.asyncProperty(inputs(name, target), async (input) => {
      await stack.resetLogs();
      const { result, errors, answer } = await mutate(stack, name, input);
      expect(answer.data !== undefined || answer.errors !== undefined, 'a GraphQL response').toBe(true);
      for (const error of errors ?? []) {
        expect(error.extensions?.code, error.message).toBeDefined();
        expect(error.extensions?.code, error.message).not.toBe('INTERNAL');
      }
      const rejectedLocally = result?.__typename === 'ValidationError'
        || (errors !== undefined && errors.every((e) => e.extensions?.code === 'BAD_USER_INPUT'));
      if (rejectedLocally) {
        expect(await upstream(stack), JSON.stringify(result ?? errors)).toEqual([]);
        expect(await stack.requests('waldur')).toEqual([]);
      }
    }), { numRuns: 40, seed: 20_251_123 });
  });
});
