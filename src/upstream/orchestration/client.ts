/** One method per Orchestration API operation, envelopes unwrapped; credentials handled by send.ts. */
import { malformedBody } from '../failures.ts';
import type { UpstreamHttp } from '../http.ts';
import { DEFAULT_ORCHESTRATION_PATHS, type OrchestrationPaths } from './paths.ts';
import { createSender, type OrchestrationCallerIdentity } from './send.ts';
import type { TokenManager } from './token-manager.ts';
import type { Allocation, AllocationInput, Artefact, ArtefactPage, Payload, ReservationRequest, ReservationResult } from './types.ts';

export type { OrchestrationCallerIdentity } from './send.ts';

export interface ArtefactListOptions { pageSize?: number; pageToken?: string; payloadId?: string }

/** Every method rejects with a JunctionError (mapped from the upstream status), or with the signal's reason on abort. */
export interface OrchestrationCaller {
  listAllocations(projectId: string, limit?: number): Promise<Allocation[]>;
  getAllocation(projectId: string, allocationId: string): Promise<Allocation>;
  createAllocation(projectId: string, input: AllocationInput): Promise<Allocation>;
  updateAllocation(projectId: string, allocationId: string, input: AllocationInput & { name: string }): Promise<Allocation>;
  deleteAllocation(projectId: string, allocationId: string): Promise<void>;
  setAllocationEnabled(projectId: string, allocationId: string, enabled: boolean): Promise<void>;
  updateAllocationImage(projectId: string, allocationId: string, image: string): Promise<void>;
  listPayloads(projectId: string, allocationId: string): Promise<Payload[]>;
  getPayload(projectId: string, allocationId: string, payloadId: string): Promise<Payload>;
  /** `force` is needed to delete a Reserved payload (else 409 → CONFLICT). */
  deletePayload(projectId: string, allocationId: string, payloadId: string, force?: boolean): Promise<void>;
  setPayloadLabel(projectId: string, allocationId: string, payloadId: string, key: string, value: string): Promise<void>;
  setPayloadAnnotation(projectId: string, allocationId: string, payloadId: string, key: string, value: string): Promise<void>;
  listArtefacts(projectId: string, allocationId: string, options?: ArtefactListOptions): Promise<ArtefactPage>;
  getArtefact(projectId: string, allocationId: string, payloadId: string, filePath: string): Promise<Artefact>;
  /** No matching payload answers 412 → CONFLICT. */
  createReservation(projectId: string, allocationId: string, request?: ReservationRequest): Promise<ReservationResult>;
  deleteReservation(projectId: string, allocationId: string, payloadId: string): Promise<void>;
}

export interface OrchestrationClient {
  /** Binds the operations to a caller (pass-through bearer, or the service account). Never throws. */
  as(caller: OrchestrationCallerIdentity): OrchestrationCaller;
}

export interface OrchestrationClientOptions {
  http: UpstreamHttp;
  /** The service account; without it only pass-through callers are served. */
  tokens?: TokenManager;
  paths?: OrchestrationPaths;
}

/** Creates the Orchestration API client over an UpstreamHttp whose base URL includes the path prefix. */
export function createOrchestrationClient({ http, tokens, paths = DEFAULT_ORCHESTRATION_PATHS }: OrchestrationClientOptions): OrchestrationClient {
  return {
    as(caller) {
      const send = createSender(http, tokens, paths, caller);
      const result = async <T>(body: Promise<{ result?: T } | undefined>): Promise<T> => {
        const value = (await body)?.result;
        if (value === undefined || value === null) throw malformedBody('orchestration', 200);
        return value;
      };
      // Empty lists may be omitted entirely (proto3 JSON drops empty repeated fields).
      const results = async <T>(body: Promise<{ results?: T[] } | undefined>): Promise<T[]> => (await body)?.results ?? [];
      const none = async (body: Promise<unknown>): Promise<void> => void (await body);
      const A = (projectId: string, allocationId: string) => ({ project_id: projectId, allocation_id: allocationId });
      const P = (projectId: string, allocationId: string, payloadId: string) => ({ ...A(projectId, allocationId), payload_id: payloadId });

      return {
        listAllocations: (projectId, limit) => results(send({ operation: 'listAllocations', method: 'GET', params: { project_id: projectId },
          query: limit === undefined ? undefined : [['limit', String(limit)]] })),
        getAllocation: (p, a) => result(send({ operation: 'getAllocation', method: 'GET', params: A(p, a) })),
        createAllocation: (p, input) => result(send({ operation: 'createAllocation', method: 'POST', params: { project_id: p }, json: input })),
        updateAllocation: (p, a, input) => result(send({ operation: 'updateAllocation', method: 'PUT', params: A(p, a), json: input })),
        deleteAllocation: (p, a) => none(send({ operation: 'deleteAllocation', method: 'DELETE', params: A(p, a) })),
        setAllocationEnabled: (p, a, enabled) => none(send({ operation: 'setAllocationEnabled', method: 'PUT', params: A(p, a), json: { enabled } })),
        updateAllocationImage: (p, a, image) => none(send({ operation: 'updateAllocationImage', method: 'PUT', params: A(p, a), json: { image } })),
        listPayloads: (p, a) => results(send({ operation: 'listPayloads', method: 'GET', params: A(p, a) })),
        getPayload: (p, a, id) => result(send({ operation: 'getPayload', method: 'GET', params: P(p, a, id) })),
        deletePayload: (p, a, id, force = false) => none(send({ operation: 'deletePayload', method: 'DELETE', params: P(p, a, id),
          query: force ? [['force_delete', 'true']] : undefined })),
        setPayloadLabel: (p, a, id, key, value) => none(send({ operation: 'setPayloadLabel', method: 'PUT', params: P(p, a, id), json: { key, value } })),
        setPayloadAnnotation: (p, a, id, key, value) =>
          none(send({ operation: 'setPayloadAnnotation', method: 'PUT', params: P(p, a, id), json: { key, value } })),
        async listArtefacts(p, a, { pageSize, pageToken, payloadId } = {}) {
          const query: Array<[string, string]> = [];
          if (pageSize !== undefined) query.push(['page_size', String(pageSize)]);
          if (pageToken) query.push(['page_token', pageToken]);
          if (payloadId) query.push(['payload_id', payloadId]);
          const body = await send<Partial<ArtefactPage> | undefined>({ operation: 'listArtefacts', method: 'GET', params: A(p, a), query });
          return { items: body?.items ?? [], next_page_token: body?.next_page_token || undefined };
        },
        getArtefact: (p, a, id, filePath) => result(send({ operation: 'getArtefact', method: 'GET', params: P(p, a, id), query: [['file_path', filePath]] })),
        async createReservation(p, a, request = {}) {
          const body = await send<ReservationResult | undefined>({ operation: 'createReservation', method: 'POST', params: A(p, a), json: request });
          if (typeof body?.payload_id !== 'string') throw malformedBody('orchestration', 200);
          return body;
        },
        deleteReservation: (p, a, id) => none(send({ operation: 'deleteReservation', method: 'DELETE', params: P(p, a, id) })),
      };
    },
  };
}
