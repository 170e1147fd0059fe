/**
 * Federation v2 entities: with FEDERATION=true a supergraph may reference Junction's objects by key and have
 * Junction fill them in through `_entities`. Each reference is loaded exactly like `node(id:)` — through the
 * request's loaders, so with the caller's own credentials (the gateway forwards them): an object the caller
 * cannot see resolves to null, never to data. The keys live on the types whatever the mode; only the subgraph
 * schema (schema/index.ts) prints them and adds `_service`/`_entities`.
 */
import { parseUuid } from '../resolvers/global-id.ts';
import { loadCustomer } from '../resolvers/marketplace/customer.ts';
import { loadOffering } from '../resolvers/marketplace/offering.ts';
import { loadOrder } from '../resolvers/marketplace/order.ts';
import { loadProject } from '../resolvers/marketplace/project.ts';
import { loadResource } from '../resolvers/marketplace/resource.ts';
import { allocationById } from '../resolvers/orchestration/allocation.ts';
import { payloadById } from '../resolvers/orchestration/payload.ts';
import { builder } from './builder.ts';
import { Customer } from './marketplace/customer.ts';
import { Offering } from './marketplace/offering.ts';
import { Order } from './marketplace/order.ts';
import { Project } from './marketplace/project.ts';
import { Resource } from './marketplace/resource.ts';
import { Allocation } from './orchestration/allocation.ts';
import { Payload } from './orchestration/payload.ts';

const byUuid = builder.selection<{ uuid: string }>('uuid');

builder.asEntity(Customer, { key: byUuid, resolveReference: (ref, ctx, info) => loadCustomer(ctx, info, parseUuid(ref.uuid, 'Customer.uuid')) });
builder.asEntity(Project, { key: byUuid, resolveReference: (ref, ctx, info) => loadProject(ctx, info, parseUuid(ref.uuid, 'Project.uuid')) });
builder.asEntity(Resource, { key: byUuid, resolveReference: (ref, ctx, info) => loadResource(ctx, info, parseUuid(ref.uuid, 'Resource.uuid')) });
builder.asEntity(Order, { key: byUuid, resolveReference: (ref, ctx, info) => loadOrder(ctx, info, parseUuid(ref.uuid, 'Order.uuid')) });
builder.asEntity(Offering, { key: byUuid, resolveReference: (ref, ctx, info) => loadOffering(ctx, info, parseUuid(ref.uuid, 'Offering.uuid')) });
builder.asEntity(Allocation, {
  key: builder.selection<{ projectId: string; allocationId: string }>('projectId allocationId'),
  resolveReference: (ref, ctx) => allocationById(ref.projectId, ref.allocationId, ctx),
});
builder.asEntity(Payload, {
  key: builder.selection<{ projectId: string; allocationId: string; payloadId: string }>('projectId allocationId payloadId'),
  resolveReference: (ref, ctx) => payloadById(ref.projectId, ref.allocationId, ref.payloadId, ctx),
});
