/** One value per key for the life of a request: a loader per (collection, field set, query) is built once. */
export function memo<V>(): ((key: string, create: () => V) => V) & { withPrefix(prefix: string): V[] } {
  const values = new Map<string, V>();
  const get = (key: string, create: () => V) => {
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = create()));
    return value;
  };
  /** Every value whose key starts with `prefix` (e.g. all loaders of one collection, whatever their field set). */
  const withPrefix = (prefix: string) => [...values].filter(([key]) => key.startsWith(prefix)).map(([, value]) => value);
  return Object.assign(get, { withPrefix });
}

export type Query = ReadonlyArray<readonly [string, string]>;

/** A stable text key for a query (params sorted), used to share loaders and de-duplicate calls. */
export function queryKey(query: Query): string {
  return query.map(([k, v]) => `${k}=${v}`).sort().join('&');
}
