import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RFC3339, startTestSim, type TestSim } from './orchestration-helpers.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let t: TestSim;
beforeAll(async () => { t = await startTestSim(); });
afterAll(async () => { await t.close(); });

const list = (query = '') => t.api('GET', `${t.allocationPath()}/artefacts${query}`);
const key = (a: any) => `${a.payload_id}/${a.file_path}`;

async function all(query = '', pageSize = 3): Promise<{ items: any[]; pages: number }> {
  const items: any[] = [];
  let token = '';
  let pages = 0;
  do {
    const { status, body } = await list(`?page_size=${pageSize}${token && `&page_token=${encodeURIComponent(token)}`}${query}`);
    expect(status).toBe(200);
    expect(Object.keys(body).sort()).toEqual(['items', 'next_page_token']);
    items.push(...body.items);
    token = body.next_page_token;
    pages++;
  } while (token);
  return { items, pages };
}

describe('orchestration simulator: artefacts', () => {
  it('lists seeded artefacts as {items, next_page_token} with the settled shape', async () => {
    const { body } = await list();
    expect(body.next_page_token).toBe('');
    expect(body.items.length).toBeGreaterThanOrEqual(8);
    const [a] = body.items;
    expect(Object.keys(a).sort()).toEqual(['allocation_id', 'created', 'download_url', 'file_path', 'payload_id', 'size_bytes', 'updated']);
    expect(a.updated).toMatch(RFC3339);
    expect(Number.isInteger(a.size_bytes)).toBe(true);
    const download = await fetch(a.download_url);
    expect(download.status).toBe(200);
    expect((await download.arrayBuffer()).byteLength).toBe(a.size_bytes);
  });

  it('pages with opaque base64 tokens without gaps or repeats', async () => {
    const everything = (await list()).body.items.map(key);
    const paged = await all('', 3);
    expect(paged.items.map(key)).toEqual(everything);
    expect(paged.pages).toBe(Math.ceil(everything.length / 3));
    const { body } = await list('?page_size=1');
    expect(body.items).toHaveLength(1);
    expect(body.next_page_token).toMatch(/^[A-Za-z0-9+/]+=*$/);
  });

  it('validates page_size and page_token', async () => {
    expect((await list('?page_size=1001')).status).toBe(400);
    expect((await list('?page_size=-1')).status).toBe(400);
    expect((await list('?page_size=x')).status).toBe(400);
    expect((await list('?page_size=1000')).status).toBe(200);
    expect((await list('?page_token=not-a-token')).status).toBe(400);
  });

  it('filters by payload_id', async () => {
    const [reserved] = (await t.payloads()).filter((p: any) => p.status.state === 'Reserved');
    const { items } = await all(`&payload_id=${reserved.id}`, 2);
    expect(items.map((a) => a.file_path).sort()).toEqual(['logs/server.log', 'metrics/summary.json', expect.stringMatching(/^replays\/match-.*\.replay$/)]);
    expect(new Set(items.map((a) => a.payload_id))).toEqual(new Set([reserved.id]));
    expect((await list('?payload_id=zzzzz-zzzzz')).body.items).toEqual([]);
  });

  it('gets one artefact by payload and file_path', async () => {
    const [first] = (await list()).body.items;
    const path = `${t.allocationPath()}/payloads/${first.payload_id}/artefact`;
    const got = await t.api('GET', `${path}?file_path=${encodeURIComponent(first.file_path)}`);
    expect(got.body).toEqual({ result: first });
    expect((await t.api('GET', path)).status).toBe(400);
    expect((await t.api('GET', `${path}?file_path=nope.txt`)).status).toBe(404);
  });

  it('expires artefacts 7 days after their last upload, on the simulator clock', async () => {
    const before = (await list()).body.items;
    const oldest = before.reduce((a: any, b: any) => (Date.parse(a.updated) < Date.parse(b.updated) ? a : b));
    const age = Date.now() - Date.parse(oldest.updated);
    expect(age).toBeGreaterThan(6 * DAY);
    await t.control('POST', 'advance', { ms: 7 * DAY - age + HOUR });
    const after = (await list()).body.items.map(key);
    expect(after).not.toContain(key(oldest));
    expect(after.length).toBeGreaterThan(0);
    const path = `${t.allocationPath()}/payloads/${oldest.payload_id}/artefact?file_path=${encodeURIComponent(oldest.file_path)}`;
    expect((await t.api('GET', path)).status).toBe(404);
    await t.control('POST', 'advance', { ms: 7 * DAY });
    const remaining = (await list()).body.items.map(key);
    for (const a of before) expect(remaining).not.toContain(key(a));
  });
});
