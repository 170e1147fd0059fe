import { entries } from '../../resolvers/orchestration/filters.ts';
import { fromWire } from '../../resolvers/orchestration/enums.ts';
import type { AllocationMetadata as AllocationMetadataDto, AllocationSpec as AllocationSpecDto, PayloadSpec as PayloadSpecDto } from '../../upstream/orchestration/types.ts';
import { builder } from '../builder.ts';
import { DdosProtection, PortPolicy, PortProtocol } from './enums.ts';
import { MetadataEntry } from './metadata.ts';

type PortSpecDto = NonNullable<PayloadSpecDto['ports']>[number];

export const PayloadSpec = builder.objectRef<PayloadSpecDto>('PayloadSpec');
export const PortSpec = builder.objectRef<PortSpecDto>('PortSpec');
export const PayloadResources = builder.objectRef<NonNullable<PayloadSpecDto['resources']>>('PayloadResources');
export const EnvironmentVariable = builder.objectRef<{ name?: string; value?: string }>('EnvironmentVariable');
export const PayloadPort = builder.objectRef<{ name?: string; port?: number }>('PayloadPort');
export const AllocationSpec = builder.objectRef<AllocationSpecDto>('AllocationSpec');
export const AllocationMetadata = builder.objectRef<AllocationMetadataDto>('AllocationMetadata');

PayloadSpec.implement({
  description: 'What runs in a payload: copied from its allocation when the payload was created.',
  fields: (t) => ({
    image: t.exposeString('image', { description: 'The container image, as published with the IMS Image Manager.' }),
    command: t.exposeString('command', { description: 'The command run in the container (empty: the image default).' }),
    args: t.stringList({ nullable: false, description: 'Arguments passed to the command.', resolve: (s) => s.args ?? [] }),
    ports: t.field({ type: [PortSpec], nullable: false, description: 'The ports the game server listens on.', resolve: (s) => s.ports ?? [] }),
    resources: t.field({ type: PayloadResources, description: 'CPU and memory requested for bin-packing.', resolve: (s) => s.resources ?? null }),
    environment: t.field({
      type: [EnvironmentVariable], nullable: false, description: 'Environment variables set in the container.',
      resolve: (s) => s.environment_variables ?? [],
    }),
    ddosProtection: t.field({
      type: DdosProtection, nullable: false, description: 'Whether DDoS protection is applied.',
      resolve: (s, _args, ctx) => fromWire('DdosProtection', s.ddos_protection, ctx.logger),
    }),
  }),
});

PortSpec.implement({
  description: 'A named port of the payload spec.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The port name; `Payload.ports` reports the host port under the same name.' }),
    containerPort: t.exposeInt('container_port', { description: 'The port inside the container.' }),
    policy: t.field({
      type: PortPolicy, nullable: false, description: 'How the container port maps to a host port.',
      resolve: (p, _args, ctx) => fromWire('PortPolicy', p.port_policy, ctx.logger),
    }),
    protocol: t.field({
      type: PortProtocol, nullable: false, description: 'The transport protocol.',
      resolve: (p, _args, ctx) => fromWire('PortProtocol', p.protocol, ctx.logger),
    }),
  }),
});

PayloadResources.implement({
  description: 'Resources requested per payload, as Kubernetes quantities.',
  fields: (t) => ({
    cpu: t.exposeString('cpu', { description: 'CPU request, e.g. "500m" or "1.5"; used for bin-packing.' }),
    memory: t.exposeString('memory', { description: 'Memory request, e.g. "512Mi" or "1Gi"; not a hard limit.' }),
  }),
});

EnvironmentVariable.implement({
  description: 'One environment variable of the payload spec.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The variable name.' }),
    value: t.exposeString('value', { description: 'The variable value.' }),
  }),
});

PayloadPort.implement({
  description: 'An externally reachable host port of a running payload.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The port name from the payload spec.' }),
    port: t.exposeInt('port', { description: 'The host port to connect to at `Payload.address`.' }),
  }),
});

AllocationSpec.implement({
  description: 'What an allocation runs and how many: the payload spec plus the scaling rules.',
  fields: (t) => ({
    payloadSpec: t.field({ type: PayloadSpec, description: 'The spec every payload of the allocation is created from.', resolve: (s) => s.payload_spec ?? null }),
    bufferSize: t.exposeInt('buffer_size', { description: 'How many Ready payloads the autoscaler keeps available.' }),
    minPayloads: t.exposeInt('min_payloads', { description: 'The autoscaler never goes below this many payloads.' }),
    maxPayloads: t.exposeInt('max_payloads', { description: 'The autoscaler never goes above this many payloads.' }),
    region: t.exposeString('region', { description: 'The region the payloads run in.' }),
  }),
});

AllocationMetadata.implement({
  description: 'Labels and annotations of an allocation (not copied to its payloads).',
  fields: (t) => ({
    labels: t.field({ type: [MetadataEntry], nullable: false, description: 'Identifying labels, sorted by key.', resolve: (m) => entries(m.labels) }),
    annotations: t.field({ type: [MetadataEntry], nullable: false, description: 'Non-identifying annotations, sorted by key.', resolve: (m) => entries(m.annotations) }),
  }),
});
