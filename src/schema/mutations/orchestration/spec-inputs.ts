import { builder } from '../../builder.ts';
import { DdosProtection, PortPolicy, PortProtocol } from '../../orchestration/enums.ts';

/** Inputs that mirror the output types of orchestration/spec.ts and orchestration/metadata.ts. */

export const MetadataEntryInput = builder.inputType('MetadataEntryInput', {
  description: 'One label or annotation. Label keys and annotation keys: 1–59 characters, letters, digits, ".", "_", "-", starting and ending with a letter or digit. Label values: empty, or up to 63 such characters. Annotation values: any text.',
  fields: (t) => ({
    key: t.string({ required: true, description: 'The key.' }),
    value: t.string({ required: true, description: 'The value (empty is allowed).' }),
  }),
});

export const MetadataInput = builder.inputType('MetadataInput', {
  description: 'Labels and annotations to write; each key at most once. A list left out is not sent.',
  fields: (t) => ({
    labels: t.field({ type: [MetadataEntryInput], description: 'Identifying labels (usable in reservation selectors).' }),
    annotations: t.field({ type: [MetadataEntryInput], description: 'Non-identifying annotations (e.g. match settings).' }),
  }),
});

export const PortSpecInput = builder.inputType('PortSpecInput', {
  description: 'A named port the game server listens on.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The port name (unique in the spec, no whitespace); `Payload.ports` reports the host port under it.' }),
    containerPort: t.int({ description: 'The port inside the container, 1–65535: required for DYNAMIC, left out for PASSTHROUGH (the system picks it).' }),
    policy: t.field({ type: PortPolicy, defaultValue: 'DYNAMIC', description: 'How the container port maps to a host port (UNKNOWN is rejected).' }),
    protocol: t.field({ type: PortProtocol, required: true, description: 'The transport protocol (UNKNOWN is rejected).' }),
  }),
});

export const PayloadResourcesInput = builder.inputType('PayloadResourcesInput', {
  description: 'Resources requested per payload, as Kubernetes quantities.',
  fields: (t) => ({
    cpu: t.string({ description: 'CPU request: cores ("1.5") or millicores ("500m").' }),
    memory: t.string({ description: 'Memory request in bytes with an optional suffix, e.g. "512Mi" or "1Gi" (not "m", which means thousandths).' }),
  }),
});

export const EnvironmentVariableInput = builder.inputType('EnvironmentVariableInput', {
  description: 'One environment variable set in the container.',
  fields: (t) => ({
    name: t.string({ required: true, description: 'The variable name: letters, digits, "_", "." or "-", not starting with a digit; unique in the spec.' }),
    value: t.string({ required: true, description: 'The value (any text, up to 32768 characters).' }),
  }),
});

export const PayloadSpecInput = builder.inputType('PayloadSpecInput', {
  description: 'What every payload of the allocation runs. Fields left out are not sent (the API applies its defaults).',
  fields: (t) => ({
    image: t.string({ required: true, description: 'The container image as published with the IMS Image Manager (non-empty, no whitespace).' }),
    command: t.string({ description: 'The command run in the container (left out: the image default).' }),
    args: t.stringList({ description: 'Arguments passed to the command.' }),
    ports: t.field({ type: [PortSpecInput], description: 'The ports the game server listens on (at most 64).' }),
    resources: t.field({ type: PayloadResourcesInput, description: 'CPU and memory requested for bin-packing.' }),
    environment: t.field({ type: [EnvironmentVariableInput], description: 'Environment variables set in the container.' }),
    ddosProtection: t.field({ type: DdosProtection, description: 'Whether DDoS protection is applied (UNKNOWN is rejected).' }),
  }),
});

export const AllocationSpecInput = builder.inputType('AllocationSpecInput', {
  description: 'The payload spec and scaling rules of an allocation: all counts ≥ 0, maxPayloads ≥ 1, minPayloads ≤ maxPayloads.',
  fields: (t) => ({
    payloadSpec: t.field({ type: PayloadSpecInput, required: true, description: 'The spec every payload is created from.' }),
    bufferSize: t.int({ required: true, description: 'How many Ready payloads the autoscaler keeps available (≥ 0).' }),
    minPayloads: t.int({ required: true, description: 'The autoscaler never goes below this many payloads (≥ 0, ≤ maxPayloads).' }),
    maxPayloads: t.int({ required: true, description: 'The autoscaler never goes above this many payloads (≥ 1).' }),
    region: t.string({ required: true, description: 'The region the payloads run in, e.g. "eu-west" (no whitespace).' }),
  }),
});
