import { expect } from 'vitest';
import type { PrincipalName, Stack } from '../helpers/stack.ts';
import { visibleOrchestrationProjects } from '../orchestration/helpers.ts';

/** Every orchestration mutation, its input type and what its success member of the result union selects. */
export const MUTATIONS = {
  createAllocation: 'CreateAllocationInput',
  updateAllocation: 'UpdateAllocationInput',
  deleteAllocation: 'AllocationTargetInput',
  setAllocationEnabled: 'SetAllocationEnabledInput',
  updateAllocationImage: 'UpdateAllocationImageInput',
  deletePayload: 'DeletePayloadInput',
  setPayloadLabel: 'SetPayloadLabelInput',
  setPayloadAnnotation: 'SetPayloadAnnotationInput',
  reservePayload: 'ReservePayloadInput',
  releaseReservation: 'PayloadTargetInput',
} as const;
export type MutationName = keyof typeof MUTATIONS;

const ENTRIES = '{ key value }';
const ALLOCATION = `allocation { id allocationId projectId name status enabled
  spec { bufferSize minPayloads maxPayloads region payloadSpec { image command args ports { name containerPort policy protocol } resources { cpu memory } environment { name value } ddosProtection } }
  metadata { labels ${ENTRIES} annotations ${ENTRIES} } }`;
const PAYLOAD = `payload { id payloadId allocationId state labels ${ENTRIES} annotations ${ENTRIES} }`;
const SUCCESS: Record<MutationName, string> = {
  createAllocation: ALLOCATION,
  updateAllocation: ALLOCATION,
  deleteAllocation: 'deletedId allocationId',
  setAllocationEnabled: ALLOCATION,
  updateAllocationImage: ALLOCATION,
  deletePayload: 'deletedId payloadId forced',
  setPayloadLabel: PAYLOAD,
  setPayloadAnnotation: PAYLOAD,
  reservePayload: `payloadId allocationId address ports { name port protocol } ${PAYLOAD}`,
  releaseReservation: PAYLOAD,
};
const successType = (name: MutationName) => `${name.charAt(0).toUpperCase()}${name.slice(1)}Success`;
const ERRORS = '... on MutationError { message } ... on ValidationError { fields { field message } } ... on ConflictError { validStates }';

/** The whole operation text of one mutation, selecting every member of its result union. */
export const operation = (name: MutationName) =>
  `mutation ($input: ${MUTATIONS[name]}!) { ${name}(input: $input) { __typename ... on ${successType(name)} { ${SUCCESS[name]} } ${ERRORS} } }`;

/** Runs one mutation; `result` is the union member (or null with `errors`). */
export async function mutate(stack: Stack, name: MutationName, input: unknown, as: PrincipalName | Record<string, string> = 'staff') {
  const answer = await stack.query(operation(name), { input }, as);
  return { result: answer.data?.[name] ?? null, errors: answer.errors, answer };
}

export interface Upstream { method: string; path: string; query: string; body: unknown; status: number }

/** What the Orchestration API received since the last reset (the service account's token calls left out). */
export async function upstream(stack: Stack): Promise<Upstream[]> {
  return (await stack.requests('orchestration'))
    .filter((r) => r.path !== '/auth/v1/token')
    .map(({ method, path, query, body, status }) => ({ method, path, query, body, status }));
}

/** Asserts that neither backend was called: input Junction rejects itself costs nothing upstream. */
export async function expectNoUpstreamCalls(stack: Stack): Promise<void> {
  expect(await upstream(stack)).toEqual([]);
  expect(await stack.requests('waldur')).toEqual([]);
}

/** The path prefix of the simulated Orchestration API, e.g. `/api/v0`. */
export const prefix = (stack: Stack) => new URL(stack.sims.orchestrationUrl).pathname.replace(/\/$/, '');

/** Makes the Orchestration API answer the next matching request with `status` and an IMS error body. */
export async function fault(stack: Stack, method: string, path: string, status: number, message = `injected ${status}`): Promise<void> {
  await stack.control('orchestration', 'POST', 'faults', { method, path: `${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, status, times: 1, body: { message, request_id: 'req-test' } });
}

export interface Target {
  projectId: string;
  allocationId: string;
  ready: string[];
  reserved: string;
  labels: Record<string, string>;
}

/** An active seeded allocation staff can reach, with its Ready and Reserved payloads; logs are reset after. */
export async function seededTarget(stack: Stack, index = 0): Promise<Target> {
  const projectId = [...await visibleOrchestrationProjects(stack, 'staff')].sort()[index];
  const answer = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId status payloads { payloadId state labels { key value } } } }`, { p: projectId });
  const allocation = answer.data.allocations.find((a: { status: string }) => a.status === 'RUNNING');
  const ids = (state: string) => allocation.payloads.filter((p: { state: string }) => p.state === state).map((p: { payloadId: string }) => p.payloadId);
  const first = allocation.payloads.find((p: { state: string }) => p.state === 'READY');
  await stack.resetLogs();
  return {
    projectId, allocationId: allocation.allocationId, ready: ids('READY'), reserved: ids('RESERVED')[0],
    labels: Object.fromEntries(first.labels.map((l: { key: string; value: string }) => [l.key, l.value])),
  };
}

/** A valid allocation spec input and the wire body Junction must send for it. */
export const SPEC_INPUT = {
  payloadSpec: {
    image: 'registry.ims.io/games/arena:2.0.0', command: '/app/server', args: ['-log', '-port=7777'],
    ports: [{ name: 'game', containerPort: 7777, protocol: 'UDP' }, { name: 'query', policy: 'PASSTHROUGH', protocol: 'TCP' }],
    resources: { cpu: '500m', memory: '512Mi' }, environment: [{ name: 'GAME_MODE', value: 'casual' }], ddosProtection: 'DISABLED',
  },
  bufferSize: 2, minPayloads: 1, maxPayloads: 4, region: 'us-east',
};
export const SPEC_WIRE = {
  payload_spec: {
    image: 'registry.ims.io/games/arena:2.0.0', command: '/app/server', args: ['-log', '-port=7777'],
    ports: [{ name: 'game', container_port: 7777, port_policy: 'DYNAMIC', protocol: 'UDP' }, { name: 'query', port_policy: 'PASSTHROUGH', protocol: 'TCP' }],
    resources: { cpu: '500m', memory: '512Mi' }, environment_variables: [{ name: 'GAME_MODE', value: 'casual' }], ddos_protection: 'DISABLED',
  },
  buffer_size: 2, min_payloads: 1, max_payloads: 4, region: 'us-east',
};
