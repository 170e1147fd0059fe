import type { ScopedArtefact } from '../../loaders/orchestration.ts';
import { builder } from '../builder.ts';
import { Payload } from './payload.ts';

/** A file a payload wrote to `ARTEFACTS_DIR`, kept for 7 days after its last upload. */
export const Artefact = builder.objectRef<ScopedArtefact>('Artefact');

Artefact.implement({
  description: 'A file a payload wrote into its `ARTEFACTS_DIR`; uploaded by the platform and kept for 7 days after its last upload.',
  fields: (t) => ({
    filePath: t.exposeString('file_path', { nullable: false, description: 'The path relative to `ARTEFACTS_DIR`.' }),
    payloadId: t.exposeString('payload_id', { nullable: false, description: 'The id of the payload that wrote it (the payload may be gone).' }),
    allocationId: t.exposeString('allocation_id', { nullable: false, description: 'The id of the allocation the payload belonged to.' }),
    sizeBytes: t.exposeFloat('size_bytes', { description: 'The size in bytes (a Float, since files may exceed 2 GiB).' }),
    created: t.expose('created', { type: 'DateTime', description: 'When it was first uploaded.' }),
    updated: t.expose('updated', { type: 'DateTime', description: 'When it was last uploaded (re-uploaded on change and before termination).' }),
    downloadUrl: t.exposeString('download_url', { description: 'Where to download the file.' }),
    payload: t.field({
      type: Payload,
      description: 'The payload that wrote it; null once the payload is gone (artefacts outlive payloads).',
      resolve: (a, _args, ctx) => ctx.loaders.orchestration.payload(a.projectId, a.allocation_id, a.payload_id),
    }),
  }),
});

export const ArtefactConnection = builder.connectionObject({
  type: Artefact,
  name: 'ArtefactConnection',
  description: 'A page of artefacts, in the Orchestration API\'s order (by payload, then path). Pages forward only: `first`/`after`.',
}, {
  name: 'ArtefactEdge',
  description: 'An artefact with its cursor.',
});
