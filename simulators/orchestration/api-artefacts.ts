import { parsePageSize } from './artefacts.ts';
import { badRequest, notFound } from './errors.ts';
import { ALLOCATION_PATH, PAYLOAD_PATH, type RouteDef } from './router.ts';
import { artefactJson } from './serialize.ts';

// Artefacts outlive their payloads (7 days), so only the allocation has to exist.
export const artefactRoutes: RouteDef[] = [
  {
    method: 'GET', path: `${ALLOCATION_PATH}/artefacts`,
    handler: (sim, call) => {
      const allocation = sim.world.allocation(call.params.project, call.params.allocation);
      const page = sim.world.artefacts.list(allocation.id, {
        pageSize: parsePageSize(call.query.get('page_size')),
        pageToken: call.query.get('page_token') ?? '',
        payloadId: call.query.get('payload_id') ?? '',
      }, call.now);
      return { items: page.items.map((a) => artefactJson(a, sim.origin)), next_page_token: page.nextPageToken };
    },
  },
  {
    method: 'GET', path: `${PAYLOAD_PATH}/artefact`,
    handler: (sim, call) => {
      const allocation = sim.world.allocation(call.params.project, call.params.allocation);
      const filePath = call.query.get('file_path');
      if (!filePath) throw badRequest('file_path is required');
      const artefact = sim.world.artefacts.get(allocation.id, call.params.payload, filePath, call.now);
      if (!artefact) throw notFound(`artefact "${filePath}" of payload "${call.params.payload}" not found`);
      return { result: artefactJson(artefact, sim.origin) };
    },
  },
];
