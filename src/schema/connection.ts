import type { ObjectRef } from '@pothos/core';
import { builder } from './builder.ts';

/**
 * The one connection type per node type (`ProjectConnection`, `ProjectEdge`), shared by the root list and every
 * nested list of that type, with `totalCount` (from X-Result-Count; a HEAD when nothing else is selected; null when Waldur does not say).
 */
export function connectionOf<T>(ref: ObjectRef<any, T>, name: string, what: string) {
  return builder.connectionObject({
    type: ref,
    name: `${name}Connection`,
    description: `A page of ${what}, with cursors for paging on and the total count.`,
    fields: (t) => ({
      totalCount: t.int({
        description: `How many ${what} match in total (all pages); asking only for this costs a single HEAD request. `
          + 'Null when Waldur does not report it (no `X-Result-Count`, and no `Link` header to count by): unknown, never a guess.',
        resolve: (connection) => {
          const total = (connection as unknown as { totalCount: number | null }).totalCount;
          return total !== null && total <= 2 ** 31 - 1 ? total : null;
        },
      }),
    }),
  }, {
    name: `${name}Edge`,
    description: `One of the ${what} on this page, with its cursor.`,
  });
}
