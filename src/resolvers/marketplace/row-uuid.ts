import { JunctionError } from '../../errors.ts';

/**
 * Waldur's OpenAPI document marks `uuid` optional on every object, so a row may come without one. Anything that
 * needs it (the `uuid` and `id` fields, the children of the object) fails with a coded UPSTREAM_ERROR on that
 * field alone: the rest of the answer stands, and no `…=undefined` query goes upstream.
 */
export function uuidOf(row: { uuid?: unknown }, typename: string): string {
  const uuid = row.uuid;
  if (typeof uuid === 'string' && uuid.trim() !== '') return uuid;
  throw new JunctionError('UPSTREAM_ERROR', `Waldur sent a ${typename} without its uuid, so it cannot be identified`, { service: 'waldur' });
}
