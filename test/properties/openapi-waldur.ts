import { createHash } from 'node:crypto';
import { generateSync } from 'json-schema-faker';
import { startFakeServer } from '../upstream/fake-server.ts';
import { matchPath, operationFor, responseJsonSchema } from '../contracts/openapi.ts';

/**
 * What one generated Waldur does, drawn by fast-check. Bodies come from the OpenAPI 8.0.5 response schemas only
 * (json-schema-faker, seeded), so the gateway meets every shape the document allows and nothing we invented.
 */
export interface WaldurWorld {
  seed: number;
  /** Chance that an optional property is present; the document marks nearly everything optional, `uuid` included. */
  optionalsProbability: number;
  /** The document declares no headers: a real server may or may not send them. */
  countOnGet: boolean;
  countOnHead: boolean;
  linkHeader: boolean;
  maxItems: number;
}

const schemaCache = new Map<string, Record<string, unknown> | undefined>();

function schemaFor(method: string, template: string) {
  const key = `${method} ${template}`;
  if (!schemaCache.has(key)) schemaCache.set(key, responseJsonSchema(method === 'HEAD' ? 'GET' : method, template, method === 'POST' ? 200 : 200));
  return schemaCache.get(key);
}

/** A seed per request that depends on the request, not on the order concurrent requests arrive in. */
function requestSeed(world: WaldurWorld, method: string, url: string): number {
  return createHash('sha256').update(`${world.seed} ${method} ${url}`).digest().readUInt32BE(0);
}

/** A loopback Waldur that answers every documented operation with generated, schema-valid data. */
export async function startOpenApiWaldur() {
  let world: WaldurWorld | undefined;
  const unknown: string[] = [];
  const server = await startFakeServer((req, res, hit) => {
    const method = hit.method.toUpperCase();
    const url = new URL(hit.url, 'http://waldur');
    const template = matchPath(url.pathname);
    const schema = template && operationFor(method === 'HEAD' ? 'GET' : method, template) ? schemaFor(method, template) : undefined;
    if (!world || !template || !schema) {
      if (!template) unknown.push(`${method} ${url.pathname}`);
      res.writeHead(404, { 'content-type': 'text/html' });
      res.end('<h1>Not Found</h1><p>The requested resource was not found on this server.</p>');
      return;
    }
    const body = generateSync(schema as never, {
      seed: requestSeed(world, method, hit.url), optionalsProbability: world.optionalsProbability,
      maxItems: world.maxItems, maxDepth: 7, refDepthMax: 4,
    });
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    const isList = Array.isArray(body) || (method === 'HEAD' && (schema as { type?: unknown }).type === 'array');
    if (isList && (method === 'HEAD' ? world.countOnHead : world.countOnGet)) headers['x-result-count'] = String(Array.isArray(body) ? body.length + (world.seed % 7) : world.seed % 500);
    if (isList && world.linkHeader) headers.link = `<${url.origin}${url.pathname}?page=2>; rel="next"`;
    res.writeHead(200, headers);
    res.end(method === 'HEAD' ? undefined : typeof body === 'string' ? body : JSON.stringify(body));
  });
  return {
    url: `${server.origin}/api/`,
    hits: server.hits,
    /** Requests to paths the document does not have: the gateway must never send one. */
    unknown,
    use(next: WaldurWorld) {
      world = next;
      server.hits.length = 0;
    },
    close: () => server.close(),
  };
}
