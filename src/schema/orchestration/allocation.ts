import type { ScopedAllocation } from '../../loaders/orchestration.ts';
import { allocationById, allocationNode, allocationPayloads, allocationsOfProject } from '../../resolvers/orchestration/allocation.ts';
import { artefactConnection } from '../../resolvers/orchestration/artefact.ts';
import { fromWire } from '../../resolvers/orchestration/enums.ts';
import { allocationKeyOf } from '../../resolvers/orchestration/ids.ts';
import { payloadById } from '../../resolvers/orchestration/payload.ts';
import { builder } from '../builder.ts';
import { keyNodeId } from '../node.ts';
import { Artefact, ArtefactConnection } from './artefact.ts';
import { AllocationState, PayloadState } from './enums.ts';
import { LabelFilter } from './metadata.ts';
import { Payload } from './payload.ts';
import { AllocationMetadata, AllocationSpec } from './spec.ts';

/** An allocation with the orchestration project it was read from. */
export const Allocation = builder.objectRef<ScopedAllocation>('Allocation');

const GATEWAY_FILTERED = 'Filtered by the gateway (the Orchestration API has no filters): the whole list is fetched once per request.';

builder.node(Allocation, {
  description: 'An Orchestration API allocation: a declarative fleet of identical game servers (payloads) in one orchestration project, scaled to keep a buffer of Ready payloads.',
  id: {
    ...keyNodeId<ScopedAllocation>('Allocation', allocationKeyOf),
    description: 'The global Relay id: base64 of "Allocation:<project>/<allocation>" (each part percent-encoded); pass it to `node(id:)`.',
  },
  loadWithoutCache: (key, ctx) => allocationNode(key, ctx),
  fields: (t) => ({
    allocationId: t.exposeString('id', { nullable: false, description: 'The allocation id (a UUID), unique inside its orchestration project.' }),
    projectId: t.exposeString('projectId', { nullable: false, description: 'The orchestration project id the allocation belongs to.' }),
    name: t.exposeString('name', { description: 'The allocation name.' }),
    status: t.field({
      type: AllocationState, nullable: false, description: 'The state the system derives while reconciling the allocation.',
      resolve: (a, _args, ctx) => fromWire('AllocationState', a.status?.state, ctx.logger),
    }),
    statusDetails: t.string({ description: 'Free-text detail about the status (e.g. an error message).', resolve: (a) => a.status?.details || null }),
    enabled: t.exposeBoolean('enabled', { description: 'Whether the allocation is enabled (disabled allocations keep no payloads).' }),
    created: t.expose('created', { type: 'DateTime', description: 'When the allocation was created.' }),
    modified: t.expose('modified', { type: 'DateTime', description: 'When the allocation was last changed.' }),
    spec: t.field({ type: AllocationSpec, description: 'The payload spec and scaling rules.', resolve: (a) => a.spec ?? null }),
    metadata: t.field({ type: AllocationMetadata, description: 'Labels and annotations; null when the allocation has none.', resolve: (a) => a.metadata ?? null }),
    payloads: t.field({
      type: [Payload], nullable: false,
      extensions: { listSize: 20 }, // no paging upstream: priced as a typical list of 20 for the cost limit
      description: `The payloads of this allocation, optionally filtered by state and labels. ${GATEWAY_FILTERED}`,
      args: {
        state: t.arg({ type: [PayloadState], description: 'Keep payloads in any of these states (omit for all).' }),
        labels: t.arg({ type: [LabelFilter], description: 'Keep payloads carrying every one of these labels.' }),
      },
      resolve: (a, args, ctx) => allocationPayloads(a, args, ctx),
    }),
    payload: t.field({
      type: Payload,
      description: 'One payload of this allocation by id; null when it does not exist (any more).',
      args: { id: t.arg.string({ required: true, description: 'The payload id, e.g. "8hhtn-fvpvq".' }) },
      resolve: (a, args, ctx) => payloadById(a.projectId, a.id, args.id, ctx),
    }),
    artefacts: t.connection({
      type: Artefact,
      description: 'Files the payloads of this allocation uploaded (kept 7 days). Pages forward only: `last`/`before` are rejected.',
      args: { payloadId: t.arg.string({ description: 'Only the artefacts of this payload (filtered by the Orchestration API).' }) },
      resolve: (a, args, ctx) => artefactConnection({ projectId: a.projectId, allocationId: a.id, payloadId: args.payloadId }, args, ctx),
    }, ArtefactConnection),
  }),
});

builder.queryFields((t) => ({
  allocations: t.field({
    type: [Allocation], nullable: false,
    extensions: { listSize: 20 }, // no paging upstream: priced as a typical list of 20 for the cost limit
    description: `The allocations of an orchestration project, optionally filtered by status and labels. ${GATEWAY_FILTERED} `
      + 'FORBIDDEN unless the caller can see a Waldur project linked to it (or, with X-Orchestration-Authorization, the Orchestration API allows it).',
    args: {
      projectId: t.arg.string({ required: true, description: 'The orchestration project id (a linked Waldur project\'s `orchestrationProjectId`).' }),
      status: t.arg({ type: [AllocationState], description: 'Keep allocations in any of these states (omit for all).' }),
      labels: t.arg({ type: [LabelFilter], description: 'Keep allocations carrying every one of these labels.' }),
    },
    resolve: (_root, args, ctx) => allocationsOfProject(args.projectId, args, ctx),
  }),
  allocation: t.field({
    type: Allocation,
    description: 'One allocation; null when it does not exist. FORBIDDEN when the caller may not reach its project (see `allocations`).',
    args: {
      projectId: t.arg.string({ required: true, description: 'The orchestration project id.' }),
      id: t.arg.string({ required: true, description: 'The allocation id (a UUID).' }),
    },
    resolve: (_root, args, ctx) => allocationById(args.projectId, args.id, ctx),
  }),
}));
