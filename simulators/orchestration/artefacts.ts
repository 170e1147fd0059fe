import { badRequest } from './errors.ts';
import type { Artefact } from './model.ts';

/** Artefacts are kept 7 days after their last upload (docs/contracts/orchestration.md §1, S7). */
export const ARTEFACT_RETENTION_MS = 7 * 24 * 60 * 60 * 1000;
export const MAX_PAGE_SIZE = 1000;

const keyOf = (a: { allocationId: string; payloadId: string; filePath: string }) => `${a.allocationId}\n${a.payloadId}\n${a.filePath}`;
const sortKey = (a: Artefact) => `${a.payloadId}\n${a.filePath}`;
const alive = (a: Artefact, now: number) => a.updated + ARTEFACT_RETENTION_MS > now;

/** Page tokens are opaque base64 of the last key served, so pages stay stable while artefacts come and go. */
function encodeToken(after: string): string {
  return Buffer.from(JSON.stringify({ after }), 'utf8').toString('base64');
}

function decodeToken(token: string): string {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64').toString('utf8')) as { after?: unknown };
    if (typeof parsed.after === 'string') return parsed.after;
  } catch { /* answered below */ }
  throw badRequest('invalid page_token');
}

export function parsePageSize(raw: string | null): number {
  if (raw === null || raw === '') return MAX_PAGE_SIZE;
  if (!/^-?\d+$/.test(raw)) throw badRequest('page_size must be an integer');
  const size = Number(raw);
  if (size < 0 || size > MAX_PAGE_SIZE) throw badRequest(`page_size must be between 0 and ${MAX_PAGE_SIZE}`);
  return size === 0 ? MAX_PAGE_SIZE : size;
}

export class ArtefactStore {
  private readonly byKey = new Map<string, Artefact>();

  /** Uploads (or re-uploads) a file: the created time survives, everything else is replaced. */
  put(artefact: Artefact): void {
    const existing = this.byKey.get(keyOf(artefact));
    this.byKey.set(keyOf(artefact), existing ? { ...artefact, created: existing.created } : artefact);
  }

  expire(now: number): void {
    for (const [key, a] of this.byKey) if (!alive(a, now)) this.byKey.delete(key);
  }

  get(allocationId: string, payloadId: string, filePath: string, now: number): Artefact | undefined {
    const a = this.byKey.get(keyOf({ allocationId, payloadId, filePath }));
    return a && alive(a, now) ? a : undefined;
  }

  list(allocationId: string, q: { pageSize: number; pageToken: string; payloadId: string }, now: number): { items: Artefact[]; nextPageToken: string } {
    const after = q.pageToken ? decodeToken(q.pageToken) : '';
    const matching = [...this.byKey.values()]
      .filter((a) => a.allocationId === allocationId && alive(a, now) && (!q.payloadId || a.payloadId === q.payloadId))
      .filter((a) => !after || sortKey(a) > after)
      .sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1));
    const items = matching.slice(0, q.pageSize);
    const more = matching.length > items.length;
    return { items, nextPageToken: more ? encodeToken(sortKey(items[items.length - 1])) : '' };
  }
}
