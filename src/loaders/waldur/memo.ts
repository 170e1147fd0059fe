/** One value per key for the life of a request: a loader per (collection, field set, query) is built once. */
export function memo<V>(): (key: string, create: () => V) => V {
  const values = new Map<string, V>();
  return (key, create) => {
    let value = values.get(key);
    if (value === undefined) values.set(key, (value = create()));
    return value;
  };
}

export type Query = ReadonlyArray<readonly [string, string]>;

/** A stable text key for a query (params sorted), used to share loaders and de-duplicate calls. */
export function queryKey(query: Query): string {
  return query.map(([k, v]) => `${k}=${v}`).sort().join('&');
}
