/** The simulator's internal records. Wire shapes (snake_case) are produced by serialize.ts. */

export const PAYLOAD_STATES = [
  'Unknown', 'Creating', 'Preparing', 'Starting', 'Ready', 'Reserved', 'Shutdown', 'Error', 'Unhealthy',
] as const;
export type PayloadState = (typeof PAYLOAD_STATES)[number];

export const ALLOCATION_STATES = [
  'Unknown', 'New', 'Updating', 'Running', 'Draining', 'Stopped', 'Deleted', 'Error', 'Disabled',
] as const;
export type AllocationState = (typeof ALLOCATION_STATES)[number];

export const PROTOCOLS = ['UDP', 'TCP', 'TCPUDP'] as const;
export type Protocol = (typeof PROTOCOLS)[number];
export const PORT_POLICIES = ['DYNAMIC', 'PASSTHROUGH'] as const;
export type PortPolicy = (typeof PORT_POLICIES)[number];

export interface PortSpec { name: string; container_port: number; port_policy: PortPolicy; protocol: Protocol }

export interface PayloadSpec {
  image: string;
  command: string;
  args: string[];
  ports: PortSpec[];
  resources: { cpu: string; memory: string };
  environment_variables: Array<{ name: string; value: string }>;
  ddos_protection: string;
}

export interface AllocationSpec {
  payload_spec: PayloadSpec;
  buffer_size: number;
  min_payloads: number;
  max_payloads: number;
  region: string;
}

export interface Metadata { labels: Record<string, string>; annotations: Record<string, string> }

export interface Payload {
  id: string;
  allocationId: string;
  clusterId: string;
  /** The allocation's payload spec at spawn time, with PASSTHROUGH container ports filled in. */
  spec: PayloadSpec;
  specVersion: number;
  state: PayloadState;
  details: string;
  stateSince: number;
  created: number;
  started?: number;
  lastReserved?: number;
  address: string;
  ports: Array<{ name: string; port: number }>;
  metadata: Metadata;
  restarts: number;
  restartAt?: number;
  /** Set while the payload is being deleted (state Shutdown): when it disappears. */
  removeAt?: number;
}

export interface Allocation {
  id: string;
  projectId: string;
  name: string;
  created: number;
  modified: number;
  enabled: boolean;
  spec: AllocationSpec;
  /** Bumped by spec and image updates; payloads spawned under an older version get replaced. */
  specVersion: number;
  metadata: Metadata | null;
  state: AllocationState;
  details: string;
  /** Reconciling after create/edit/enable: Updating until the buffer is Ready on the current spec. */
  settling: boolean;
  deleting: boolean;
  deletedAt?: number;
  /** Set by the control API's error hook; the allocation reports Error and stops scaling. */
  errorHook?: string;
  payloads: Map<string, Payload>;
}

export interface Artefact {
  allocationId: string;
  payloadId: string;
  filePath: string;
  sizeBytes: number;
  created: number;
  updated: number;
}
