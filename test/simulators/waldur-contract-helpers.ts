import { expect } from 'vitest';
import { componentProperties, validateResponse } from '../contracts/openapi.ts';
import type { Reply, TestWaldur } from './waldur-client.ts';

export function expectValid(method: string, path: string, reply: Reply, sparse = false) {
  const result = validateResponse(method, path, reply.status, reply.body, { sparse });
  expect(result.errors, `${method} ${path} → ${reply.status}`).toEqual([]);
  expect(result.valid).toBe(true);
}

export function expectDeclarationOrder(body: Record<string, unknown>, schema: string) {
  expect(Object.keys(body)).toEqual(componentProperties(schema).filter((name) => name in body));
}

export async function first(w: TestWaldur, path: string, as = 'staff') {
  return (await w.call<any[]>(`${path}${path.includes('?') ? '&' : '?'}page_size=1`, { as })).body[0];
}
