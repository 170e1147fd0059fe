/**
 * The three reference dashboard screens, written against the PEER gateway's schema (GraphQL Mesh's OpenAPI handler
 * over the Waldur OpenAPI document, see peer-mesh.ts).
 *
 * What a Mesh user has to work with: one root field per GET operation, named after its operationId
 * (`customers_list`, `projects_list(customer: [HexUUID])`, `marketplace_resources_list(project_uuid:)`,
 * `marketplace_public_offerings_retrieve(uuid:)`, …) and flat objects. The Waldur document declares no OpenAPI
 * `links` (its `x-waldur-operation-id` hints are vendor extensions Mesh ignores), so no object has a field that leads
 * to another: `Customer` has no `projects`, `Project` no `resources`, `Resource` no `offering`. Nesting is therefore
 * done by the CLIENT, in round trips, the way a Mesh user writes it:
 *   round 1 — a root list query;
 *   round 2 — ONE document with one aliased root field per parent object from round 1 (Mesh runs the aliased root
 *             fields concurrently, but each one is its own REST call: no batching, no de-duplication);
 *   and so on. The client de-duplicates what it asks for (offerings by uuid), nothing else is clever.
 * Names that Waldur denormalises onto an object (`project_name`, `offering_name`, `resource_name` on resources and
 * orders) are read from the object itself, as a Mesh user would.
 *
 * Mesh does not push the selection set down to Waldur's `field=` sparse-fieldset parameter: every call returns whole
 * objects unless the client passes the `field:` argument by hand. `sparseFields: true` builds that hand-tuned
 * variant (the same field lists Junction derives from the selection); the default is what a Mesh user gets.
 * Mesh also drops the `x-result-count` response header, so none of these screens can show a total.
 */
import { request } from 'undici';

export type PeerScenarioKey = 'dashboard' | 'orders' | 'projectPlans';

export interface GraphQLReply {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }>;
}

/** Sends one GraphQL document to the peer. */
export type PeerExecute = (query: string, variables?: Record<string, unknown>) => Promise<GraphQLReply>;

export interface PeerRun<T> {
  /** The screen's data, assembled by the client into the same nesting the Junction query returns. */
  data: T;
  /** The documents the client sent, in order (one per client→peer round trip). */
  documents: string[];
  /** Client→peer HTTP round trips (= documents.length). */
  roundTrips: number;
}

export interface PeerScenario<T = unknown> {
  key: PeerScenarioKey;
  title: string;
  run(execute: PeerExecute): Promise<PeerRun<T>>;
}

export interface PeerQueryOptions {
  /** Pass Waldur's `field:` argument by hand on every root field (Mesh never derives it). Default false. */
  sparseFields?: boolean;
}

export class PeerQueryError extends Error {
  constructor(readonly document: string, readonly errors: NonNullable<GraphQLReply['errors']>) {
    super(`peer query failed: ${errors.map((e) => `${e.message}${e.path ? ` at ${e.path.join('.')}` : ''}`).join('; ')}`);
  }
}

/** A PeerExecute over HTTP that sends the caller's `Authorization` header (e.g. `Token <waldurToken>`). */
export function createPeerClient(url: string, authorization?: string): PeerExecute {
  return async (query, variables) => {
    const response = await request(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(authorization ? { authorization } : {}),
      },
      body: JSON.stringify(variables ? { query, variables } : { query }),
    });
    return (await response.body.json()) as GraphQLReply;
  };
}

// ---------------------------------------------------------------------------------------------------------------------

/** A GraphQL string literal (uuids only ever come from the previous round's answers). */
const str = (value: string) => JSON.stringify(value);

/** `, field: [a, b]` when hand-tuning, nothing otherwise. */
const fieldArg = (options: PeerQueryOptions, fields: readonly string[]) => (options.sparseFields ? `, field: [${fields.join(', ')}]` : '');

async function send(execute: PeerExecute, documents: string[], document: string): Promise<Record<string, any>> {
  documents.push(document);
  const reply = await execute(document);
  if (reply.errors?.length || !reply.data) throw new PeerQueryError(document, reply.errors ?? [{ message: 'no data' }]);
  return reply.data;
}

// A. Dashboard ---------------------------------------------------------------------------------------------------------

export interface DashboardData {
  customers: Array<{
    uuid: string;
    name: string;
    projects: Array<{
      uuid: string;
      name: string;
      resources: Array<{ uuid: string; name: string; state: string; project_name: string | null; offering_name: string | null }>;
    }>;
  }>;
}

export const DASHBOARD_LIMITS = { customers: 5, projectsPerCustomer: 3, resourcesPerProject: 5 } as const;

/** Round 1: the first customers. */
export function dashboardCustomersDocument(options: PeerQueryOptions = {}): string {
  return `query DashboardCustomers {
  customers_list(page_size: ${DASHBOARD_LIMITS.customers}${fieldArg(options, ['uuid', 'name'])}) { uuid name }
}`;
}

/** Round 2: each customer's projects, one aliased root field per customer. */
export function dashboardProjectsDocument(customerUuids: readonly string[], options: PeerQueryOptions = {}): string {
  const fields = customerUuids.map((uuid, i) =>
    `  c${i}: projects_list(customer: [${str(uuid)}], page_size: ${DASHBOARD_LIMITS.projectsPerCustomer}${fieldArg(options, ['uuid', 'name'])}) { uuid name }`);
  return `query DashboardProjects {\n${fields.join('\n')}\n}`;
}

/** Round 3: each project's resources, one aliased root field per project. */
export function dashboardResourcesDocument(projectUuids: readonly string[], options: PeerQueryOptions = {}): string {
  const selection = ['uuid', 'name', 'state', 'project_name', 'offering_name'];
  const fields = projectUuids.map((uuid, i) =>
    `  p${i}: marketplace_resources_list(project_uuid: ${str(uuid)}, page_size: ${DASHBOARD_LIMITS.resourcesPerProject}${fieldArg(options, selection)}) { ${selection.join(' ')} }`);
  return `query DashboardResources {\n${fields.join('\n')}\n}`;
}

export function dashboardScenario(options: PeerQueryOptions = {}): PeerScenario<DashboardData> {
  return {
    key: 'dashboard',
    title: 'customers(5) → projects(3 each) → resources(5 each) with project and offering names',
    async run(execute) {
      const documents: string[] = [];
      const round1 = await send(execute, documents, dashboardCustomersDocument(options));
      const customers: Array<{ uuid: string; name: string }> = round1.customers_list ?? [];
      const round2 = customers.length ? await send(execute, documents, dashboardProjectsDocument(customers.map((c) => c.uuid), options)) : {};
      const projectsOf = customers.map((_, i): Array<{ uuid: string; name: string }> => round2[`c${i}`] ?? []);
      const allProjects = projectsOf.flat();
      const round3 = allProjects.length ? await send(execute, documents, dashboardResourcesDocument(allProjects.map((p) => p.uuid), options)) : {};
      let p = 0;
      const data: DashboardData = {
        customers: customers.map((customer, i) => ({
          uuid: customer.uuid,
          name: customer.name,
          projects: projectsOf[i].map((project) => ({ uuid: project.uuid, name: project.name, resources: round3[`p${p++}`] ?? [] })),
        })),
      };
      return { data, documents, roundTrips: documents.length };
    },
  };
}

// B. Order list --------------------------------------------------------------------------------------------------------

export interface OrdersData {
  orders: Array<{
    uuid: string; state: string; type: string; created: string;
    project_name: string | null; offering_name: string | null; resource_name: string | null;
  }>;
}

export const ORDERS_LIMIT = 20;

/** One round trip: the order carries its project, offering and resource names itself. */
export function ordersDocument(options: PeerQueryOptions = {}): string {
  const selection = ['uuid', 'state', 'type', 'created', 'project_name', 'offering_name', 'resource_name'];
  return `query RecentOrders {
  marketplace_orders_list(page_size: ${ORDERS_LIMIT}${fieldArg(options, selection)}) { ${selection.join(' ')} }
}`;
}

export function ordersScenario(options: PeerQueryOptions = {}): PeerScenario<OrdersData> {
  return {
    key: 'orders',
    title: '20 orders with project, offering and resource names',
    async run(execute) {
      const documents: string[] = [];
      const reply = await send(execute, documents, ordersDocument(options));
      return { data: { orders: reply.marketplace_orders_list ?? [] }, documents, roundTrips: documents.length };
    },
  };
}

// C. One project's resources and their offerings' plans ----------------------------------------------------------------

export interface ProjectPlansData {
  project: null | {
    uuid: string;
    name: string;
    resources: Array<{
      uuid: string;
      name: string;
      offering: null | { uuid: string; name: string; plans: Array<{ name: string; unit_price: string | number | null }> };
    }>;
  };
}

export const PROJECT_PLANS_LIMITS = { resources: 10 } as const;

/** Round 1: one project. */
export function projectPlansProjectDocument(options: PeerQueryOptions = {}): string {
  return `query OneProject {
  projects_list(page_size: 1${fieldArg(options, ['uuid', 'name'])}) { uuid name }
}`;
}

/** Round 2: the project's resources (the offering is only a uuid on them). */
export function projectPlansResourcesDocument(projectUuid: string, options: PeerQueryOptions = {}): string {
  return `query ProjectResources {
  marketplace_resources_list(project_uuid: ${str(projectUuid)}, page_size: ${PROJECT_PLANS_LIMITS.resources}${fieldArg(options, ['uuid', 'name', 'offering_uuid'])}) { uuid name offering_uuid }
}`;
}

/** Round 3: each distinct offering once, with its plans (one aliased root field, so one REST call, per offering). */
export function projectPlansOfferingsDocument(offeringUuids: readonly string[], options: PeerQueryOptions = {}): string {
  const fields = offeringUuids.map((uuid, i) =>
    `  o${i}: marketplace_public_offerings_retrieve(uuid: ${str(uuid)}${fieldArg(options, ['uuid', 'name', 'plans'])}) { uuid name plans { name unit_price } }`);
  return `query ResourceOfferings {\n${fields.join('\n')}\n}`;
}

export function projectPlansScenario(options: PeerQueryOptions = {}): PeerScenario<ProjectPlansData> {
  return {
    key: 'projectPlans',
    title: "one project's resources with their offerings' plans (name, unit price)",
    async run(execute) {
      const documents: string[] = [];
      const round1 = await send(execute, documents, projectPlansProjectDocument(options));
      const project: { uuid: string; name: string } | undefined = round1.projects_list?.[0];
      if (!project) return { data: { project: null }, documents, roundTrips: documents.length };
      const round2 = await send(execute, documents, projectPlansResourcesDocument(project.uuid, options));
      const resources: Array<{ uuid: string; name: string; offering_uuid: string | null }> = round2.marketplace_resources_list ?? [];
      const offeringUuids = [...new Set(resources.map((r) => r.offering_uuid).filter((u): u is string => !!u))];
      const round3 = offeringUuids.length ? await send(execute, documents, projectPlansOfferingsDocument(offeringUuids, options)) : {};
      const offerings = new Map(offeringUuids.map((uuid, i) => [uuid, round3[`o${i}`] ?? null]));
      const data: ProjectPlansData = {
        project: {
          uuid: project.uuid,
          name: project.name,
          resources: resources.map((r) => ({ uuid: r.uuid, name: r.name, offering: r.offering_uuid ? offerings.get(r.offering_uuid) ?? null : null })),
        },
      };
      return { data, documents, roundTrips: documents.length };
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------------

/** The three screens, keyed `dashboard`, `orders`, `projectPlans`. */
export function peerScenarios(options: PeerQueryOptions = {}) {
  return {
    dashboard: dashboardScenario(options),
    orders: ordersScenario(options),
    projectPlans: projectPlansScenario(options),
  } satisfies Record<PeerScenarioKey, PeerScenario<any>>;
}
