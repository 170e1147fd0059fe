import type { ScopedPayload } from '../../loaders/orchestration.ts';
import { watchAllocation, watchAllocationPayloads, watchPayload } from '../../subscriptions/watchers/orchestration.ts';
import { resolveEvent } from '../../subscriptions/resolve-event.ts';
import { builder } from '../builder.ts';
import { Allocation } from './allocation.ts';
import { Payload } from './payload.ts';

const projectArg = 'The orchestration project id (a linked Waldur project\'s `orchestrationProjectId`).';

builder.subscriptionFields((t) => ({
  payloadUpdated: t.field({
    type: Payload,
    nullable: false,
    description: 'The payload at once, then on every change (state, address, ports, labels), completing once it shuts down. '
      + 'Access to the project is checked on every poll.',
    args: {
      projectId: t.arg.string({ required: true, description: projectArg }),
      allocationId: t.arg.string({ required: true, description: 'The allocation id.' }),
      id: t.arg.string({ required: true, description: 'The payload id.' }),
    },
    subscribe: (_root, args, ctx) => watchPayload(ctx, args.projectId, args.allocationId, args.id),
    resolve: (event, _args, ctx) => resolveEvent(ctx, event),
  }),
  allocationUpdated: t.field({
    type: Allocation,
    nullable: false,
    description: 'The allocation at once, then on every change (status, spec, enabled), completing once it is DELETED.',
    args: {
      projectId: t.arg.string({ required: true, description: projectArg }),
      id: t.arg.string({ required: true, description: 'The allocation id.' }),
    },
    subscribe: (_root, args, ctx) => watchAllocation(ctx, args.projectId, args.id),
    resolve: (event, _args, ctx) => resolveEvent(ctx, event),
  }),
  allocationPayloadsUpdated: t.field({
    type: [Payload],
    nullable: false,
    description: 'The payloads of an allocation at once, then whenever one appears, disappears or changes (sorted by id).',
    args: {
      projectId: t.arg.string({ required: true, description: projectArg }),
      allocationId: t.arg.string({ required: true, description: 'The allocation id.' }),
    },
    subscribe: (_root, args, ctx) => watchAllocationPayloads(ctx, args.projectId, args.allocationId),
    resolve: (event, _args, ctx) => resolveEvent<ScopedPayload[]>(ctx, event),
  }),
}));
