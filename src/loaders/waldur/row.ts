/**
 * What a Waldur read returns under field pushdown: only the fields asked for, plus `uuid`.
 * Objects answered from a parent's `*_uuid`/`*_name` fields have this shape too.
 */
export type Row<T> = Partial<T> & { uuid: string };
