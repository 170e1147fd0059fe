import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { usePersistedOperations } from '@graphql-yoga/plugin-persisted-operations';

/** `{ "<sha256 hex of the document>": "<document>" }`: the format of GraphQL Codegen's persisted documents and of APQ hashes. */
export type TrustedManifest = Readonly<Record<string, string>>;

export const documentHash = (document: string) => createHash('sha256').update(document).digest('hex');

/** A manifest of these documents (e.g. the GraphiQL examples: `junction print-manifest`). */
export function manifestOf(documents: readonly string[]): TrustedManifest {
  return Object.fromEntries(documents.map((document) => [documentHash(document), document]));
}

/** Reads and checks a manifest file; throws, naming the file and the first problem, when it is unusable. */
export function loadManifest(path: string): TrustedManifest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`TRUSTED_DOCUMENTS: cannot read ${path} as JSON (${(error as Error).message})`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`TRUSTED_DOCUMENTS: expected a JSON object of {"<sha256>": "<document>"} in ${path}`);
  for (const [hash, document] of Object.entries(parsed)) {
    if (typeof document !== 'string' || documentHash(document) !== hash) {
      throw new Error(`TRUSTED_DOCUMENTS: the entry ${JSON.stringify(hash)} in ${path} is not the sha256 of its document`);
    }
  }
  return parsed as TrustedManifest;
}

const refusal = (message: string, reason: string) =>
  new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', reason, http: { status: 400 } } });

/**
 * Trusted documents (Yoga's persisted-operations plugin): a client sends `extensions.persistedQuery.sha256Hash`
 * (or `documentId`), or the exact text of a manifest document (so GraphiQL's example tabs keep working).
 * With `persistedOnly`, any other document is refused before parsing, with `extensions.reason`.
 */
export function useTrustedDocuments(manifest: TrustedManifest, persistedOnly: boolean): Plugin[] {
  const byText: Plugin = {
    onParams: ({ params, setParams }) => {
      if (typeof params.query !== 'string') return;
      const hash = documentHash(params.query);
      if (manifest[hash] !== undefined) setParams({ ...params, query: undefined, extensions: { ...params.extensions, persistedQuery: { version: 1, sha256Hash: hash } } });
    },
  };
  const persisted = usePersistedOperations({
    allowArbitraryOperations: !persistedOnly,
    extractPersistedOperationId: (params) => {
      const pq = (params.extensions as { persistedQuery?: { sha256Hash?: unknown } } | undefined)?.persistedQuery;
      const id = typeof pq?.sha256Hash === 'string' ? pq.sha256Hash : (params as { documentId?: unknown }).documentId;
      return typeof id === 'string' ? id.replace(/^sha256:/, '') : null;
    },
    getPersistedOperation: (hash) => manifest[hash] ?? null,
    customErrors: {
      notFound: ({ params }) => refusal(
        `Unknown trusted document: this gateway runs only the documents of its manifest (TRUSTED_DOCUMENTS); received the id ${JSON.stringify((params.extensions as { persistedQuery?: { sha256Hash?: string } })?.persistedQuery?.sha256Hash ?? (params as { documentId?: string }).documentId)}`,
        'PERSISTED_QUERY_NOT_FOUND'),
      keyNotFound: () => refusal('Expected a trusted document id in extensions.persistedQuery.sha256Hash (or documentId); received neither that nor a query', 'PERSISTED_QUERY_ID_REQUIRED'),
      persistedQueryOnly: () => refusal('This gateway accepts only trusted documents: send extensions.persistedQuery.sha256Hash of a document in its manifest; received a query text that is not in it', 'PERSISTED_QUERY_ONLY'),
    },
  });
  return [byText, persisted];
}
