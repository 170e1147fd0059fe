import type { ScopedPayload } from '../../loaders/orchestration.ts';
import { artefactConnection, payloadArtefact } from '../../resolvers/orchestration/artefact.ts';
import { fromWire } from '../../resolvers/orchestration/enums.ts';
import { entries } from '../../resolvers/orchestration/filters.ts';
import { payloadKeyOf } from '../../resolvers/orchestration/ids.ts';
import { payloadAllocation, payloadById, payloadNode } from '../../resolvers/orchestration/payload.ts';
import { builder } from '../builder.ts';
import { keyNodeId } from '../node.ts';
import { Allocation } from './allocation.ts';
import { Artefact, ArtefactConnection } from './artefact.ts';
import { PayloadState } from './enums.ts';
import { MetadataEntry } from './metadata.ts';
import { PayloadPort, PayloadSpec } from './spec.ts';

/** A payload with the orchestration project it was read from. */
export const Payload = builder.objectRef<ScopedPayload>('Payload');

builder.node(Payload, {
  description: 'One running game-server instance (a set of containers) created by an allocation. Its id is unique inside the allocation at a point in time, and may be reused later.',
  id: {
    ...keyNodeId<ScopedPayload>('Payload', payloadKeyOf),
    description: 'The global Relay id: base64 of "Payload:<project>/<allocation>/<payload>" (each part percent-encoded); pass it to `node(id:)`.',
  },
  loadWithoutCache: (key, ctx) => payloadNode(key, ctx),
  fields: (t) => ({
    payloadId: t.exposeString('id', { nullable: false, description: 'The payload id, e.g. "8hhtn-fvpvq" (unique inside its allocation at a point in time).' }),
    allocationId: t.exposeString('allocation_id', { nullable: false, description: 'The id of the allocation that created it.' }),
    projectId: t.exposeString('projectId', { nullable: false, description: 'The orchestration project id.' }),
    clusterId: t.exposeString('cluster_id', { description: 'The IMS zeuz cluster the payload runs in.' }),
    state: t.field({
      type: PayloadState, nullable: false, description: 'Where the payload is in its lifecycle.',
      resolve: (p, _args, ctx) => fromWire('PayloadState', p.status?.state, ctx.logger),
    }),
    details: t.string({ description: 'Free-text status detail.', resolve: (p) => p.status?.details || null }),
    address: t.string({ description: 'The public IP address of the host.', resolve: (p) => p.status?.address || null }),
    ports: t.field({
      type: [PayloadPort], nullable: false, description: 'The externally reachable host port of each named port.',
      resolve: (p) => p.status?.ports ?? [],
    }),
    lastReserved: t.field({
      type: 'DateTime', description: 'When the payload was last reserved (also bumped by re-reservation).',
      resolve: (p) => p.status?.last_reserved || null,
    }),
    started: t.field({ type: 'DateTime', description: 'When the payload started.', resolve: (p) => p.status?.started || null }),
    created: t.expose('created', { type: 'DateTime', description: 'When the payload was created.' }),
    spec: t.field({ type: PayloadSpec, description: 'What runs in the payload (image, command, ports, resources, environment).', resolve: (p) => p.payload_spec ?? null }),
    labels: t.field({
      type: [MetadataEntry], nullable: false, description: 'Identifying labels (usable in reservation selectors), sorted by key.',
      resolve: (p) => entries(p.metadata?.labels),
    }),
    annotations: t.field({
      type: [MetadataEntry], nullable: false, description: 'Non-identifying annotations (e.g. match settings), sorted by key.',
      resolve: (p) => entries(p.metadata?.annotations),
    }),
    artefacts: t.connection({
      type: Artefact,
      description: 'Files this payload uploaded (kept 7 days). Pages forward only: `last`/`before` are rejected.',
      resolve: (p, args, ctx) => artefactConnection({ projectId: p.projectId, allocationId: p.allocation_id, payloadId: p.id }, args, ctx),
    }, ArtefactConnection),
    allocation: t.field({
      type: Allocation, description: 'The allocation that created this payload.',
      resolve: (p, _args, ctx) => payloadAllocation(p, ctx),
    }),
    artefact: t.field({
      type: Artefact,
      description: 'One file this payload uploaded, by its path (GetArtefact); null when there is none (expired after 7 days, or never written).',
      args: { filePath: t.arg.string({ required: true, description: 'The path the payload wrote under ARTEFACTS_DIR, e.g. "logs/server.log".' }) },
      resolve: (p, args, ctx) => payloadArtefact(p, args.filePath, ctx),
    }),
  }),
});

builder.queryField('payload', (t) => t.field({
  type: Payload,
  description: 'One payload; null when it does not exist. FORBIDDEN when the caller may not reach its project (see `allocations`).',
  args: {
    projectId: t.arg.string({ required: true, description: 'The orchestration project id.' }),
    allocationId: t.arg.string({ required: true, description: 'The id of the allocation the payload belongs to.' }),
    id: t.arg.string({ required: true, description: 'The payload id, e.g. "8hhtn-fvpvq".' }),
  },
  resolve: (_root, args, ctx) => payloadById(args.projectId, args.allocationId, args.id, ctx),
}));
