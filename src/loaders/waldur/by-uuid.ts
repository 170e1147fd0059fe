import DataLoader from 'dataloader';
import { JunctionError } from '../../errors.ts';
import type { WaldurCaller } from '../../upstream/waldur/client.ts';
import { measured, type BatchObserver } from '../batch-size.ts';
import type { Row } from './row.ts';

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
 */
export function offeringLoader<T>(waldur: WaldurCaller, fields: readonly string[], observe?: BatchObserver) {
  return new DataLoader<string, Row<T> | null>(measured('marketplace-public-offerings', observe, async (uuids) => {
    const found = new Map<string, Row<T>>();
    const chunks: string[][] = [];
    for (let i = 0; i < uuids.length; i += 100) chunks.push(uuids.slice(i, i + 100));
    await Promise.all(chunks.map(async (chunk) => {
      const page = await waldur.list<Row<T>>('marketplace-public-offerings', {
        query: [['uuid_list', chunk.join(',')]], fields, pageSize: 300,
      });
      for (const item of page.items) found.set(item.uuid, item);
    }));
    return uuids.map((uuid) => found.get(uuid) ?? null);
  }), { maxBatchSize: 300 });
}
