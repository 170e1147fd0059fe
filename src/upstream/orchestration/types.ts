/**
 * Orchestration API v0 DTOs as settled in docs/orchestration-wire.md (snake_case on the wire). Enum-like strings
 * stay open (`| (string & {})`): the payload state set has grown before, and unknown values must not break parsing.
 */

type Open<T extends string> = T | (string & {});

export type PayloadState = Open<'Unknown' | 'Creating' | 'Preparing' | 'Starting' | 'Ready' | 'Reserved' | 'Shutdown' | 'Error' | 'Unhealthy'>;
export type AllocationState = Open<'Unknown' | 'New' | 'Updating' | 'Running' | 'Draining' | 'Stopped' | 'Deleted' | 'Error' | 'Disabled'>;
export type Protocol = Open<'UDP' | 'TCP' | 'TCPUDP'>;
export type PortPolicy = Open<'DYNAMIC' | 'PASSTHROUGH'>;

export interface PayloadSpec {
  image?: string;
  command?: string;
  args?: string[];
  ports?: Array<{ name?: string; container_port?: number; port_policy?: PortPolicy; protocol?: Protocol }>;
  resources?: { cpu?: string; memory?: string };
  environment_variables?: Array<{ name?: string; value?: string }>;
  ddos_protection?: Open<'DISABLED' | 'ENABLED'>;
}

export interface PayloadStatus {
  state?: PayloadState;
  details?: string;
  address?: string;
  ports?: Array<{ name?: string; port?: number }>;
  last_reserved?: string;
  started?: string;
}

export interface PayloadMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Payload {
  id: string;
  cluster_id?: string;
  allocation_id?: string;
  payload_spec?: PayloadSpec;
  status?: PayloadStatus;
  created?: string;
  metadata?: PayloadMetadata;
}

/** Reservation selector; `{}`, `[]` or no `match_labels` all mean "no label constraint". */
export interface PayloadSelector {
  match_labels?: Record<string, string>;
  payload_state?: PayloadState;
}

export interface AllocationSpec {
  payload_spec: PayloadSpec;
  buffer_size: number;
  min_payloads: number;
  max_payloads: number;
  region: string;
}

export interface AllocationMetadata {
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}

export interface Allocation {
  id: string;
  name?: string;
  created?: string;
  modified?: string;
  enabled?: boolean;
  spec?: AllocationSpec;
  metadata?: AllocationMetadata | null;
  status?: { state?: AllocationState; details?: string };
}

/** Body of createAllocation (`name` optional) and updateAllocation (`name` required by the API). */
export interface AllocationInput {
  spec: AllocationSpec;
  name?: string;
  metadata?: AllocationMetadata | null;
}

export interface ReservationRequest {
  payload_metadata?: PayloadMetadata;
  selectors?: PayloadSelector[];
}

/** createReservation answers this unwrapped (no `result` envelope). */
export interface ReservationResult {
  payload_id: string;
  payload_address?: string;
  payload_ports?: Array<{ name?: string; port?: number; protocol?: Protocol }>;
}

export interface Artefact {
  allocation_id: string;
  payload_id: string;
  file_path: string;
  size_bytes?: number;
  created?: string;
  updated?: string;
  download_url?: string;
}

/** One page of listArtefacts; an empty or absent `next_page_token` marks the last page. */
export interface ArtefactPage {
  items: Artefact[];
  next_page_token?: string;
}
