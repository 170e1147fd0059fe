import type { LoggedRequest, Stack } from '../helpers/stack.ts';

/** One upstream call as a readable line, query params decoded and in the order sent: `GET /api/projects/ customer=a,b field=uuid …`. */
export function line(r: LoggedRequest): string {
  const params = [...new URLSearchParams(r.query)].map(([k, v]) => `${k}=${v}`);
  return [`${r.method} ${r.path}`, ...params].join(' ');
}

/** The `field=` list of a call, in the order sent. */
export const fieldsOf = (r: LoggedRequest) => new URLSearchParams(r.query).getAll('field');
/** All params but `field`, in the order sent. */
export const paramsOf = (r: LoggedRequest) => [...new URLSearchParams(r.query)].filter(([k]) => k !== 'field');

/** Runs `query` after clearing the logs; returns the result and the Waldur calls it caused. */
export async function traced(stack: Stack, query: string, variables?: Record<string, unknown>, as: Parameters<Stack['query']>[2] = 'staff') {
  await stack.resetLogs();
  const result = await stack.query(query, variables, as);
  const calls = await stack.requests('waldur');
  return { result, calls, lines: calls.map(line) };
}
