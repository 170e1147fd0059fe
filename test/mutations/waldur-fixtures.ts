import { request } from 'undici';
import type { LoggedRequest, PrincipalName, Stack } from '../helpers/stack.ts';

/** The demo principals; `provider` owns the service providers' customers (test/helpers/stack.ts does not list it). */
export type Who = PrincipalName | 'provider';

/** The demo principal's Waldur token and user uuid. */
export const principal = (stack: Stack, who: Who) => stack.principal(who as PrincipalName);

/** Every typed error, with what a client branches on. */
export const ERRORS = `
  fragment Errors on MutationError {
    __typename message
    ... on ValidationError { fields { field message } }
    ... on ConflictError { validStates }
  }`;

/** One upstream request as the tests compare it: method, path, query and parsed JSON body. */
export interface Sent {
  method: string;
  path: string;
  query?: string;
  body?: unknown;
}

const sent = (r: LoggedRequest): Sent => ({ method: r.method, path: r.path, ...(r.query && { query: r.query }), ...(r.body !== undefined && r.body !== null && { body: r.body }) });

/**
 * Runs one Waldur mutation `name(input: $input)` as a principal after clearing the simulator logs.
 * Returns the field's result (typed success or error), any GraphQL errors, and the Waldur requests it caused.
 */
export async function mutate(stack: Stack, name: string, input: unknown, selection = '', as: Who = 'staff') {
  const inputType = `${name[0].toUpperCase()}${name.slice(1)}Input`;
  const document = `mutation Run($input: ${inputType}!) { result: ${name}(input: $input) { __typename ...Errors ${selection} } } ${ERRORS}`;
  await stack.resetLogs();
  const response = await stack.query(document, { input }, { authorization: `Token ${principal(stack, as).waldurToken}` });
  const calls = (await stack.requests('waldur')).map(sent);
  return { result: response.data?.result, errors: response.errors, calls };
}

/** A Waldur REST call made by the test itself (fixtures), as a principal; not through the gateway. */
export async function rest<T = any>(stack: Stack, as: Who, path: string, method = 'GET', body?: unknown): Promise<T> {
  const response = await request(`${stack.sims.waldurUrl}${path}`, {
    method: method as 'GET',
    headers: { authorization: `Token ${principal(stack, as).waldurToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  if (response.statusCode >= 400) throw new Error(`${method} ${path} → ${response.statusCode} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** The absolute hyperlink Waldur expects for `path` (e.g. `projects/<uuid>/`). */
export const link = (stack: Stack, path: string) => `${stack.sims.waldurUrl}${path}`;

/** Path of an API object, as the simulator logs it. */
export const api = (path: string) => `/api/${path}`;

export const OFFERINGS = {
  basic: 'Basic support',
  support: 'Expert support desk',
  gameServer: 'Game server hosting',
  slurm: 'HPC cluster allocation',
} as const;

/** An offering by name, with its plans and component types. */
export async function offering(stack: Stack, name: string) {
  const [found] = await rest<any[]>(stack, 'staff', `marketplace-public-offerings/?name_exact=${encodeURIComponent(name)}`);
  if (!found) throw new Error(`no offering named ${name}`);
  return found as { uuid: string; type: string; plans: Array<{ uuid: string; name: string }>; customer_uuid: string };
}

/** The project where the `member` principal is a PROJECT.MEMBER (customer 0, owned by `owner`). */
export async function memberProject(stack: Stack) {
  const [project] = await rest<any[]>(stack, 'member', 'projects/');
  return project as { uuid: string; name: string; customer_uuid: string };
}

/** Resources of the owner's projects in a state, optionally of one offering type. */
export async function resources(stack: Stack, state: string, type?: string) {
  const list = await rest<any[]>(stack, 'owner', `marketplace-resources/?state=${state}&page_size=300${type ? `&offering_type=${type}` : ''}`);
  return list as Array<{ uuid: string; project_uuid: string; offering_uuid: string; plan_uuid: string | null; limits: Record<string, number>; state: string }>;
}

/** An order placed directly on Waldur (fixture), returning its body. */
export async function placeOrder(stack: Stack, as: Who, projectUuid: string, offeringName: string, attributes: Record<string, unknown> = { name: `fixture-${Date.now()}` }) {
  const o = await offering(stack, offeringName);
  return rest(stack, as, 'marketplace-orders/', 'POST', {
    project: link(stack, `projects/${projectUuid}/`),
    offering: link(stack, `marketplace-public-offerings/${o.uuid}/`),
    plan: link(stack, `marketplace-public-offerings/${o.uuid}/plans/${o.plans[0].uuid}/`),
    attributes,
  });
}
