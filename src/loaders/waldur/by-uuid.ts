import DataLoader from 'dataloader';
import { JunctionError } from '../../errors.ts';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import { measured, type BatchObserver } from '../batch-size.ts';
import type { Row } from './row.ts';
import { sameUuid } from './same-uuid.ts';

/**
 * Objects of a collection without a many-by-uuid filter (customers, projects, resources, orders: contract §5.2),
 * loaded as parallel, de-duplicated `GET <collection>/<uuid>/?field=…` on the keep-alive pool.
 * An object the caller cannot see (404) loads as null; any other failure rejects that key only.
 */
export function retrieveLoader<T>(waldur: WaldurCaller, collection: string, fields: readonly string[] | undefined, observe?: BatchObserver) {
  return new DataLoader<string, Row<T> | null>(measured(collection, observe, (uuids) => Promise.all(uuids.map(async (uuid) => {
    try {
      return await waldur.retrieve<Row<T>>(collection, uuid, fields);
    } catch (error) {
      if (error instanceof JunctionError && error.code === 'NOT_FOUND') return null;
      return error instanceof Error ? error : new Error(String(error));
    }
  }))));
}

/**
 * Offerings by uuid in one call per ≤100 uuids: `marketplace-public-offerings/?uuid_list=a,b&page_size=300`
 * (the only true many-by-uuid filter of this API, CSV-encoded). Missing keys (not visible) load as null.
 * The answer is checked: a row that was not asked for means this Waldur ignored `uuid_list` (7.x has no such
 * filter and answers the unfiltered list), and a 400 means it refused it; either way that chunk is read again
 * with one exact `GET marketplace-public-offerings/<uuid>/` per offering, never answered from the wrong rows.
 */
export function offeringLoader<T>(waldur: WaldurCaller, fields: readonly string[], observe?: BatchObserver) {
  const exact = retrieveLoader<T>(waldur, 'marketplace-public-offerings', fields, observe);
  return new DataLoader<string, Row<T> | null>(measured('marketplace-public-offerings', observe, async (uuids) => {
    const found = new Map<string, Row<T> | null | Error>();
    const chunks: string[][] = [];
    for (let i = 0; i < uuids.length; i += 100) chunks.push(uuids.slice(i, i + 100));
    await Promise.all(chunks.map(async (chunk) => {
      const rows = await batchOrUndefined<T>(waldur, chunk, fields);
      if (rows === undefined) {
        const one = await exact.loadMany(chunk);
        chunk.forEach((uuid, i) => found.set(sameUuid(uuid), one[i]));
        return;
      }
      for (const row of rows) found.set(sameUuid(row.uuid), row);
    }));
    return uuids.map((uuid) => found.get(sameUuid(uuid)) ?? null);
  }), { maxBatchSize: 300 });
}

/** The rows of one `uuid_list` call, or undefined when the filter was ignored or refused. */
async function batchOrUndefined<T>(waldur: WaldurCaller, chunk: readonly string[], fields: readonly string[]): Promise<Row<T>[] | undefined> {
  try {
    const page = await waldur.list<Row<T>>('marketplace-public-offerings', { query: [['uuid_list', chunk.join(',')]], fields, pageSize: 300 });
    const asked = new Set(chunk.map(sameUuid));
    return page.items.every((row) => asked.has(sameUuid(row.uuid))) ? page.items : undefined;
  } catch (error) {
    if (error instanceof JunctionError && error.code === 'BAD_USER_INPUT' && error.status === 400) return undefined;
    throw error;
  }
}
