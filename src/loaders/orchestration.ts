import DataLoader from 'dataloader';
import { JunctionError } from '../errors.ts';
import type { ArtefactListOptions, OrchestrationCaller } from '../upstream/orchestration/client.ts';
import type { Allocation, Artefact, Payload } from '../upstream/orchestration/types.ts';

/** An Orchestration API object with the project it was read from (the API's DTOs do not carry it). */
export type InProject<T> = T & { readonly projectId: string };
export type ScopedAllocation = InProject<Allocation>;
/** A payload; `allocation_id` is always set (filled from the path when the API leaves it out). */
export type ScopedPayload = InProject<Payload & { allocation_id: string }>;
export type ScopedArtefact = InProject<Artefact>;
export interface ScopedArtefactPage { items: ScopedArtefact[]; nextPageToken: string | undefined }

/** ListAllocations answers at most this many (contract §10); an id missing from a full list may still exist. */
export const ALLOCATION_LIST_LIMIT = 1000;

/** From this many ids of one project in one batch, one ListAllocations is cheaper than the GetAllocations. */
const LIST_INSTEAD_OF_GETS = 3;

const key = (...parts: string[]) => parts.join('\u0000');
const split = (k: string) => k.split('\u0000');
const asError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));
const isNotFound = (error: unknown) => error instanceof JunctionError && error.code === 'NOT_FOUND';

/**
 * The Orchestration API reads of one request, through the caller it is given (in service-account mode the
 * access-guarded one, see auth/orchestration-access.ts). Lists are fetched once per project / allocation and
 * prime the by-id loaders, so `allocations { … }` followed by `allocation(id:)` costs one call.
 * A missing object (404) loads as null; any other failure rejects that key only.
 */
export function createOrchestrationLoaders(orchestration: OrchestrationCaller) {
  const getAllocation = async (projectId: string, allocationId: string) => {
    try {
      return { ...(await orchestration.getAllocation(projectId, allocationId)), projectId };
    } catch (error) {
      return isNotFound(error) ? null : asError(error);
    }
  };
  // Many ids of one project in one batch (`nodes(ids:)`) are read from the project's list: one call, not N.
  const allocation: DataLoader<string, ScopedAllocation | null> = new DataLoader((keys) => {
    const perProject = new Map<string, number>();
    for (const k of keys) perProject.set(split(k)[0], (perProject.get(split(k)[0]) ?? 0) + 1);
    return Promise.all(keys.map(async (k) => {
      const [projectId, allocationId] = split(k);
      if ((perProject.get(projectId) ?? 0) < LIST_INSTEAD_OF_GETS) return getAllocation(projectId, allocationId);
      let rows: ScopedAllocation[];
      try {
        rows = await allocations.load(projectId);
      } catch (error) {
        return isNotFound(error) ? null : asError(error);
      }
      const found = rows.find((a) => a.id === allocationId);
      return found ?? (rows.length >= ALLOCATION_LIST_LIMIT ? getAllocation(projectId, allocationId) : null);
    }));
  });

  const allocations = new DataLoader<string, ScopedAllocation[]>((projectIds) => Promise.all(projectIds.map(async (projectId) => {
    try {
      const rows = (await orchestration.listAllocations(projectId, ALLOCATION_LIST_LIMIT)).map((a) => ({ ...a, projectId }));
      for (const row of rows) allocation.prime(key(projectId, row.id), row);
      return rows;
    } catch (error) {
      return asError(error);
    }
  })));

  const payload = new DataLoader<string, ScopedPayload | null>((keys) => Promise.all(keys.map(async (k) => {
    const [projectId, allocationId, payloadId] = split(k);
    try {
      const row = await orchestration.getPayload(projectId, allocationId, payloadId);
      return { ...row, allocation_id: row.allocation_id || allocationId, projectId };
    } catch (error) {
      return isNotFound(error) ? null : asError(error);
    }
  })));

  const payloads = new DataLoader<string, ScopedPayload[]>((keys) => Promise.all(keys.map(async (k) => {
    const [projectId, allocationId] = split(k);
    try {
      const rows = (await orchestration.listPayloads(projectId, allocationId))
        .map((p) => ({ ...p, allocation_id: p.allocation_id || allocationId, projectId }));
      for (const row of rows) payload.prime(key(projectId, allocationId, row.id), row);
      return rows;
    } catch (error) {
      return asError(error);
    }
  })));

  const artefactPages = new DataLoader<string, ScopedArtefactPage>((keys) => Promise.all(keys.map(async (k) => {
    const [projectId, allocationId, payloadId, pageSize, pageToken] = split(k);
    const options: ArtefactListOptions = { pageSize: Number(pageSize), pageToken: pageToken || undefined, payloadId: payloadId || undefined };
    try {
      const page = await orchestration.listArtefacts(projectId, allocationId, options);
      return { items: page.items.map((a) => ({ ...a, projectId })), nextPageToken: page.next_page_token || undefined };
    } catch (error) {
      return asError(error);
    }
  })));

  return {
    /** Every allocation of an orchestration project (one ListAllocations call per project per request). */
    allocations: (projectId: string) => allocations.load(projectId),
    /** One allocation by id (GetAllocation, unless a list already primed it); null when the API answers 404. */
    allocation: (projectId: string, allocationId: string) => allocation.load(key(projectId, allocationId)),
    /**
     * One allocation looked up in its project's list, so N links into one project cost one call; falls back to
     * GetAllocation only when the list was full (the id may lie beyond it). Null when absent or the project is 404.
     */
    async allocationViaList(projectId: string, allocationId: string): Promise<ScopedAllocation | null> {
      let rows: ScopedAllocation[];
      try {
        rows = await allocations.load(projectId);
      } catch (error) {
        if (isNotFound(error)) return null;
        throw error;
      }
      const found = rows.find((a) => a.id === allocationId);
      if (found) return found;
      return rows.length >= ALLOCATION_LIST_LIMIT ? allocation.load(key(projectId, allocationId)) : null;
    },
    /** Every payload of an allocation (ListPayloads has no paging or filters). */
    payloads: (projectId: string, allocationId: string) => payloads.load(key(projectId, allocationId)),
    /** One payload by id; null when the API answers 404. */
    payload: (projectId: string, allocationId: string, payloadId: string) => payload.load(key(projectId, allocationId, payloadId)),
    /** One ListArtefacts page; the same page asked twice in one operation goes upstream once. */
    artefactPage: (projectId: string, allocationId: string, options: { payloadId?: string; pageSize: number; pageToken?: string }) =>
      artefactPages.load(key(projectId, allocationId, options.payloadId ?? '', String(options.pageSize), options.pageToken ?? '')),
  };
}

export type OrchestrationLoaders = ReturnType<typeof createOrchestrationLoaders>;
