/**
 * The PEER gateway: GraphQL Mesh's OpenAPI handler (`@omnigraph/openapi`, the source handler behind GraphQL Mesh v1
 * and Hive Gateway) built from the same vendored Waldur OpenAPI document Junction is contract-tested against, served
 * by graphql-yoga. Configured the way a Mesh user would configure it for Waldur and nothing more:
 *   - base URL = the Waldur origin (the document's paths already start with `/api/`);
 *   - the client's `Authorization` header is forwarded on every upstream call (`{context.headers.authorization}`,
 *     the same interpolation Mesh's `operationHeaders` config uses);
 *   - one scalar override, without which no Waldur object can be read at all: the document says `format: uuid`, Mesh
 *     maps that to graphql-scalars' `UUID`, which accepts only the dashed form, and Waldur answers (and filters by)
 *     32-hex-digit uuids (`uuid.hex`), so every `uuid` field errors. `getScalarForFormat` is the loader's documented
 *     hook for this; the override (`HexUUID`) accepts both spellings and passes the value through unchanged;
 *   - no additional resolvers, no links (the document has none), no response caching, no custom fetch.
 * What Mesh then does per root field: one REST call, whole objects (no `field=` pushdown unless the client passes the
 * `field:` argument itself), the `x-result-count` header dropped, no batching or de-duplication across fields.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { GraphQLError, GraphQLScalarType, Kind, type GraphQLSchema } from 'graphql';
import { createYoga } from 'graphql-yoga';
import { loadGraphQLSchemaFromOpenAPI } from '@omnigraph/openapi';

/** The document Junction's contract tests use (OpenAPI 3.0.3, Waldur 8.0.5 paths). */
export const WALDUR_OPENAPI_DOCUMENT = fileURLToPath(new URL('../test/contracts/waldur-openapi.subset.yaml', import.meta.url));

export interface MeshPeer {
  /** The peer's GraphQL endpoint (`http://127.0.0.1:<port>/graphql`). */
  url: string;
  /** The Mesh-generated schema (print it to see the root fields: customers_list, projects_list, …). */
  schema: GraphQLSchema;
  /** Runs one GraphQL request in-process (no socket), e.g. `execute(query)` for a client living in the same process. */
  execute(query: string, authorization: string): Promise<{ data?: Record<string, any> | null; errors?: Array<{ message: string }> }>;
  close(): Promise<void>;
}

/** Waldur's base URL without the trailing `api/`: the OpenAPI paths carry `/api/` themselves. */
export function waldurBase(waldurUrl: string): string {
  const url = new URL(waldurUrl);
  url.pathname = url.pathname.replace(/api\/?$/, '');
  url.search = '';
  url.hash = '';
  return url.toString().replace(/\/$/, '');
}

const UUID_SPELLINGS = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

function uuidValue(value: unknown): string {
  if (typeof value !== 'string' || !UUID_SPELLINGS.test(value)) throw new GraphQLError(`Value is not a valid UUID: ${String(value)}`);
  return value;
}

/** `format: uuid` as Waldur spells it: 32 hex digits (Django's `uuid.hex`), or the dashed form. */
export const HexUUID = new GraphQLScalarType({
  // Not `UUID`: Mesh's directive processing re-attaches graphql-scalars' implementation to any scalar of that name.
  name: 'HexUUID',
  description: 'A UUID, as 32 hex digits (the way Waldur writes them) or in the dashed form.',
  serialize: uuidValue,
  parseValue: uuidValue,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`Can only validate strings as UUIDs but got a: ${ast.kind}`, { nodes: ast });
    return uuidValue(ast.value);
  },
});

/** Builds the Mesh schema for a Waldur at `waldurUrl` (e.g. `http://127.0.0.1:8000/api/`). */
export function loadMeshWaldurSchema(waldurUrl: string): Promise<GraphQLSchema> {
  return loadGraphQLSchemaFromOpenAPI('Waldur', {
    source: WALDUR_OPENAPI_DOCUMENT,
    endpoint: waldurBase(waldurUrl),
    operationHeaders: {
      Authorization: '{context.headers.authorization}',
      Accept: 'application/json',
    },
    getScalarForFormat: (format) => (format === 'uuid' ? HexUUID : undefined),
  });
}

interface PeerContext {
  /** Lower-cased request headers, as Mesh's gateway exposes them to `{context.headers.*}` interpolation. */
  headers: Record<string, string>;
}

export async function startMeshPeer({ waldurUrl }: { waldurUrl: string }): Promise<MeshPeer> {
  const schema = await loadMeshWaldurSchema(waldurUrl);
  const yoga = createYoga<Record<string, unknown>, PeerContext>({
    schema,
    graphqlEndpoint: '/graphql',
    landingPage: false,
    graphiql: false,
    logging: false,
    // Upstream failures (401/404/500 from Waldur) surface as they are: this is a benchmark peer, not production.
    maskedErrors: false,
    context: ({ request }) => ({ headers: Object.fromEntries(request.headers) }),
  });
  const server = createServer(yoga);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    schema,
    async execute(query, authorization) {
      const response = await yoga.fetch('http://peer/graphql', {
        method: 'POST', body: JSON.stringify({ query }),
        headers: { 'content-type': 'application/json', accept: 'application/json', authorization },
      });
      return response.json();
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
