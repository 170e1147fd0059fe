import { badInput } from '../../errors.ts';

/**
 * Orchestration objects have no global id of their own: an allocation id is unique only inside its project,
 * a payload id only inside its allocation (and may be reused later). So the key inside a global id is the
 * path to the object, each part percent-encoded and joined by "/" (which an encoded part never contains):
 * `Allocation:<project>/<allocation>`, `Payload:<project>/<allocation>/<payload>`.
 */
export interface AllocationKey { projectId: string; allocationId: string }
export interface PayloadKey extends AllocationKey { payloadId: string }

export const allocationKeyOf = (a: { projectId: string; id: string }) => joinKey(a.projectId, a.id);
export const payloadKeyOf = (p: { projectId: string; allocation_id: string; id: string }) => joinKey(p.projectId, p.allocation_id, p.id);

function joinKey(...parts: string[]): string {
  return parts.map(encodeURIComponent).join('/');
}

function splitKey(key: string, typename: string, names: readonly string[]): string[] {
  const parts = key.split('/');
  const decoded = parts.length === names.length ? parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return '';
    }
  }) : [];
  if (decoded.length !== names.length || decoded.some((part) => !part.trim())) {
    throw badInput(`id: expected a ${typename} id whose key is ${names.join('/')} (from a ${typename}'s \`id\` field), received the key ${JSON.stringify(key)}`);
  }
  return decoded;
}

export function parseAllocationKey(key: string): AllocationKey {
  const [projectId, allocationId] = splitKey(key, 'Allocation', ['project', 'allocation']);
  return { projectId, allocationId };
}

export function parsePayloadKey(key: string): PayloadKey {
  const [projectId, allocationId, payloadId] = splitKey(key, 'Payload', ['project', 'allocation', 'payload']);
  return { projectId, allocationId, payloadId };
}
