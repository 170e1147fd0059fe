import { rfc3339 } from './clock.ts';
import type { Allocation, Artefact, Payload } from './model.ts';

/**
 * Wire shapes (snake_case, RFC 3339). Unset timestamps are omitted, as protobuf JSON does by default;
 * maps and strings are always present.
 */
export function payloadJson(p: Payload): object {
  return {
    id: p.id,
    cluster_id: p.clusterId,
    allocation_id: p.allocationId,
    payload_spec: structuredClone(p.spec),
    status: {
      state: p.state,
      details: p.details,
      address: p.address,
      ports: p.ports.map((port) => ({ ...port })),
      ...(p.lastReserved !== undefined && { last_reserved: rfc3339(p.lastReserved) }),
      ...(p.started !== undefined && { started: rfc3339(p.started) }),
    },
    created: rfc3339(p.created),
    metadata: { labels: { ...p.metadata.labels }, annotations: { ...p.metadata.annotations } },
  };
}

export function allocationJson(a: Allocation): object {
  return {
    id: a.id,
    name: a.name,
    created: rfc3339(a.created),
    modified: rfc3339(a.modified),
    enabled: a.enabled,
    spec: structuredClone(a.spec),
    metadata: a.metadata && { labels: { ...a.metadata.labels }, annotations: { ...a.metadata.annotations } },
    status: { state: a.state, details: a.details },
  };
}

export function artefactJson(a: Artefact, origin: string): object {
  const path = [a.allocationId, a.payloadId, ...a.filePath.split('/')].map(encodeURIComponent).join('/');
  return {
    allocation_id: a.allocationId,
    payload_id: a.payloadId,
    file_path: a.filePath,
    size_bytes: a.sizeBytes,
    created: rfc3339(a.created),
    updated: rfc3339(a.updated),
    download_url: `${origin}/__sim/downloads/${path}`,
  };
}
