import { request } from 'undici';
import type { LoggedRequest, PrincipalName, Stack } from '../helpers/stack.ts';

/** One upstream request as these tests compare it: method, path, decoded query (in the order sent) and JSON body. */
export interface Sent {
  method: string;
  path: string;
  query?: string;
  body?: unknown;
}

export const sent = (r: LoggedRequest): Sent => ({
  method: r.method, path: r.path,
  ...(r.query && { query: decodeURIComponent(r.query) }),
  ...(r.body !== undefined && r.body !== null && { body: r.body }),
});

/** Path of a Waldur API object, as the simulator logs it. */
export const api = (path: string) => `/api/${path}`;

/** The absolute hyperlink Waldur expects for `path` (e.g. `projects/<uuid>/`). */
export const link = (stack: Stack, path: string) => `${stack.sims.waldurUrl}${path}`;

/** `field=a&field=b` for a sorted field list with `uuid` first, as the gateway sends it. */
export const fieldQuery = (...fields: string[]) => ['uuid', ...fields.filter((f) => f !== 'uuid').sort()].map((f) => `field=${f}`).join('&');
/** The `field=` params of a list page, which carries `uuid` only when the selection reads it. */
export const listFieldQuery = (...fields: string[]) =>
  [...(fields.includes('uuid') ? ['uuid'] : []), ...fields.filter((f) => f !== 'uuid').sort()].map((f) => `field=${f}`).join('&');

/** Runs an operation as a principal after clearing the simulator logs; returns the response and the Waldur calls it made. */
export async function run(stack: Stack, query: string, variables?: Record<string, unknown>, as: PrincipalName = 'staff') {
  await stack.resetLogs();
  const response = await stack.query(query, variables, as);
  return { data: response.data, errors: response.errors, calls: (await stack.requests('waldur')).map(sent) };
}

const ERRORS = `
  fragment Errors on MutationError {
    __typename message
    ... on ValidationError { fields { field message } }
    ... on ConflictError { validStates }
  }`;

/** Runs mutation `name(input: $input)`; returns its typed result, any GraphQL errors and the Waldur calls. */
export async function mutate(stack: Stack, name: string, input: unknown, selection = '', as: PrincipalName = 'staff') {
  const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  const document = `mutation Run($input: ${type}!) { result: ${name}(input: $input) { __typename ...Errors ${selection} } } ${ERRORS}`;
  const { data, errors, calls } = await run(stack, document, { input }, as);
  return { result: data?.result, errors, calls };
}

/** A Waldur REST call made by the test itself (a fixture), not through the gateway. */
export async function rest<T = any>(stack: Stack, as: PrincipalName, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await request(`${stack.sims.waldurUrl}${path}`, {
    method: method as 'GET',
    headers: { authorization: `Token ${stack.principal(as).waldurToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 400) throw new Error(`${method} ${path} → ${response.statusCode} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

export interface WaldurResource {
  uuid: string; name: string; slug: string; state: string; backend_id: string; project_uuid: string; customer_uuid: string;
  offering: string; offering_uuid: string; offering_type: string; offering_name: string; plan_uuid: string | null;
  limits: Record<string, number>; end_date: string | null;
}

/** Resources as `as` sees them directly in Waldur (fixtures), optionally narrowed by raw Waldur filters. */
export async function resourcesOf(stack: Stack, filters: string, as: PrincipalName = 'owner') {
  return rest<WaldurResource[]>(stack, as, `marketplace-resources/?page_size=300&${filters}`);
}

/** The first resource matching raw Waldur filters (throws when there is none, so a test never passes vacuously). */
export async function oneResource(stack: Stack, filters: string, as: PrincipalName = 'owner', skip = 0) {
  const found = (await resourcesOf(stack, filters, as))[skip];
  if (!found) throw new Error(`no resource for ${filters} as ${as}`);
  return found;
}

export const OFFERING_TYPES = {
  basic: 'Marketplace.Basic', support: 'Marketplace.Support', slurm: 'Marketplace.Slurm',
  script: 'Marketplace.Script', gameServer: 'Marketplace.GameServer',
} as const;
