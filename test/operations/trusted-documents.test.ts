import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { graphiqlDocuments } from '../../src/http/graphiql.ts';
import { documentHash, loadManifest, manifestOf } from '../../src/http/trusted-documents.ts';
import { printManifest } from '../../src/server.ts';
import { startStack, type Stack } from '../helpers/stack.ts';

const dir = mkdtempSync(join(tmpdir(), 'junction-trusted-'));
const manifestPath = join(dir, 'trusted-documents.json');
writeFileSync(manifestPath, printManifest());
const viewer = graphiqlDocuments().find((d) => d.includes('query Viewer'))!;

let stack: Stack;
beforeAll(async () => {
  stack = await startStack({ env: { TRUSTED_DOCUMENTS: manifestPath, PERSISTED_ONLY: 'true' } });
});
afterAll(async () => {
  await stack[Symbol.asyncDispose]();
  rmSync(dir, { recursive: true, force: true });
});

async function post(body: Record<string, unknown>) {
  const response = await request(stack.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
    body: JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as any };
}

describe('trusted documents (PERSISTED_ONLY=true)', () => {
  it('should ship the GraphiQL examples as the manifest, each keyed by its sha256', () => {
    const manifest = loadManifest(manifestPath);
    expect(Object.values(manifest)).toEqual(graphiqlDocuments());
    expect(manifest).toEqual(manifestOf(graphiqlDocuments()));
    expect(Object.keys(manifest).length).toBeGreaterThanOrEqual(5);
  });

  it('should run a manifest document by its hash, and by its exact text (GraphiQL tabs keep working)', async () => {
    const byHash = await post({ operationName: 'Viewer', extensions: { persistedQuery: { version: 1, sha256Hash: documentHash(viewer) } } });
    expect(byHash.body.errors).toBeUndefined();
    expect(byHash.body.data.viewer.username).toBe('sam.staff');
    const byText = await post({ query: viewer, operationName: 'Viewer' });
    expect(byText.body).toEqual(byHash.body);
    const byDocumentId = await post({ documentId: `sha256:${documentHash(viewer)}`, operationName: 'Viewer' });
    expect(byDocumentId.body).toEqual(byHash.body);
  });

  it('should refuse an unknown document id with a coded error and no upstream call', async () => {
    await stack.resetLogs();
    const unknown = 'f'.repeat(64);
    const response = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } });
    expect(response.status).toBe(400);
    expect(response.body.errors).toEqual([expect.objectContaining({
      message: expect.stringContaining(`received the id "${unknown}"`),
      extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_NOT_FOUND' }),
    })]);
    expect(await stack.requests('waldur')).toEqual([]);
  });

  it('should refuse a query text that is not in the manifest', async () => {
    await stack.resetLogs();
    const response = await post({ query: '{ viewer { username } }' });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_ONLY' });
    expect(response.body.data).toBeUndefined();
    expect(await stack.requests('waldur')).toEqual([]);
  });

  it('should refuse a request with neither a query nor a document id', async () => {
    const response = await post({ variables: {} });
    expect(response.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'PERSISTED_QUERY_ID_REQUIRED' });
  });

  it('should reject a manifest whose keys are not the hashes of their documents, and PERSISTED_ONLY without one', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ [documentHash('{ a }')]: '{ b }' }));
    expect(() => loadManifest(bad)).toThrow(/is not the sha256 of its document/);
    expect(() => loadConfig({ PERSISTED_ONLY: 'true' })).toThrow(ConfigError);
  });
});
