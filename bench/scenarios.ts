/**
 * The six screens of the performance issue, each written three ways that return the same data:
 *   junction: one GraphQL document;
 *   direct:   the REST calls a careful hand-written client makes (`field=` on every call, batched where the API
 *             can, each level started as soon as its keys are known) — see direct-rest.ts;
 *   mesh:     GraphQL Mesh's OpenAPI handler driven by its client one round trip per level (Waldur only), with
 *             `field:` passed by hand (`sparse`, the fair peer) or as given.
 * The GraphQL selections read exactly what the REST variants fetch, so bytes compare like for like.
 */
import type { DirectRest } from './direct-rest.ts';
import type { PeerExecute } from './peer-queries.ts';

export interface Fixture {
  /** A Waldur project linked to an orchestration project with allocations. */
  projectUuid: string;
  orchestrationProjectId: string;
  /** A resource with an offering and a plan. */
  resourceUuid: string;
}

export interface Scenario {
  key: string;
  title: string;
  junction(f: Fixture): string;
  direct(rest: DirectRest, f: Fixture): Promise<unknown>;
  /** Absent: the peer cannot answer it (orchestration data, mutations). */
  mesh?(execute: PeerExecute, f: Fixture, sparse: boolean): Promise<unknown>;
}

type Json = Record<string, any>;
const field = (sparse: boolean, fields: readonly string[]) => (sparse ? `, field: [${fields.join(', ')}]` : '');
const str = JSON.stringify;

async function mesh(execute: PeerExecute, document: string): Promise<Json> {
  const reply = await execute(document);
  if (reply.errors?.length || !reply.data) throw new Error(`mesh: ${JSON.stringify(reply.errors ?? 'no data')}`);
  return reply.data;
}

const RESOURCE_ROW = ['uuid', 'name', 'state', 'offering_name', 'offering_type'];
const ORDER_ROW = ['uuid', 'type', 'state', 'created', 'project_name', 'offering_name', 'resource_name'];
const LIST_ROW = ['name', 'offering_name', 'project_name', 'customer_name'];

export const SCENARIOS: Scenario[] = [
  {
    key: 'dashboard',
    title: 'dashboard: customers(5) → projects(3) → resources(5)',
    junction: () => `{ customers(first: 5) { nodes { uuid name projects(first: 3) { nodes { uuid name
      resources(first: 5) { nodes { uuid name state offering { name type } } } } } } } }`,
    async direct(rest) {
      const customers = await rest.waldur('customers/', [['page_size', '5']], ['uuid', 'name']);
      const projects = await rest.waldur('projects/', [['customer', customers.map((c) => c.uuid).join(',')], ['page_size', '300']], ['uuid', 'name', 'customer_uuid']);
      const perCustomer = customers.map((c) => projects.filter((p) => p.customer_uuid === c.uuid).slice(0, 3));
      const resources = await Promise.all(perCustomer.flat().map((p) => rest.waldur('marketplace-resources/', [['project_uuid', p.uuid], ['page_size', '5']], RESOURCE_ROW)));
      let i = 0;
      return customers.map((c, j) => ({ ...c, projects: perCustomer[j].map((p) => ({ ...p, resources: resources[i++] })) }));
    },
    async mesh(execute, _f, sparse) {
      const { customers_list: customers } = await mesh(execute, `{ customers_list(page_size: 5${field(sparse, ['uuid', 'name'])}) { uuid name } }`);
      const projects = await mesh(execute, `{ ${customers.map((c: Json, i: number) =>
        `c${i}: projects_list(customer: [${str(c.uuid)}], page_size: 3${field(sparse, ['uuid', 'name'])}) { uuid name }`).join(' ')} }`);
      const all: Json[] = customers.flatMap((_: Json, i: number) => projects[`c${i}`]);
      const resources = all.length ? await mesh(execute, `{ ${all.map((p, i) =>
        `p${i}: marketplace_resources_list(project_uuid: ${str(p.uuid)}, page_size: 5${field(sparse, RESOURCE_ROW)}) { ${RESOURCE_ROW.join(' ')} }`).join(' ')} }`) : {};
      let i = 0;
      return customers.map((c: Json, j: number) => ({ ...c, projects: projects[`c${j}`].map((p: Json) => ({ ...p, resources: resources[`p${i++}`] })) }));
    },
  },
  {
    key: 'orders',
    title: '20 orders with project, offering, resource names',
    junction: () => '{ orders(first: 20) { nodes { uuid type state created project { name } offering { name } resource { name } } } }',
    direct: (rest) => rest.waldur('marketplace-orders/', [['page_size', '20']], ORDER_ROW),
    mesh: async (execute, _f, sparse) => (await mesh(execute, `{ marketplace_orders_list(page_size: 20${field(sparse, ORDER_ROW)}) { ${ORDER_ROW.join(' ')} } }`)).marketplace_orders_list,
  },
  {
    key: 'resource',
    title: 'one resource with offering and plan',
    junction: (f) => `{ resource(uuid: ${str(f.resourceUuid)}) { uuid name offering { name } plan { name unit unitPrice } } }`,
    async direct(rest, f) {
      const [resource] = await rest.waldur(`marketplace-resources/${f.resourceUuid}/`, [], ['uuid', 'name', 'offering_name', 'offering_uuid', 'plan_uuid']);
      const [offering] = await rest.waldur('marketplace-public-offerings/', [['uuid_list', resource.offering_uuid]], ['uuid', 'plans']);
      return { ...resource, plan: offering?.plans?.find((p: Json) => p.uuid === resource.plan_uuid) ?? null };
    },
    async mesh(execute, f, sparse) {
      const row = ['uuid', 'name', 'offering_name', 'offering_uuid', 'plan_uuid'];
      const { marketplace_resources_retrieve: resource } = await mesh(execute,
        `{ marketplace_resources_retrieve(uuid: ${str(f.resourceUuid)}${field(sparse, row)}) { ${row.join(' ')} } }`);
      const { marketplace_public_offerings_retrieve: offering } = await mesh(execute,
        `{ marketplace_public_offerings_retrieve(uuid: ${str(resource.offering_uuid)}${field(sparse, ['uuid', 'plans'])}) { uuid plans { uuid name unit unit_price } } }`);
      return { ...resource, plan: offering.plans.find((p: Json) => p.uuid === resource.plan_uuid) ?? null };
    },
  },
  {
    key: 'resources100',
    title: 'resources(first: 100) with offering, project, customer',
    junction: () => '{ resources(first: 100) { nodes { name offering { name } project { name } customer { name } } } }',
    direct: (rest) => rest.waldur('marketplace-resources/', [['page_size', '100']], LIST_ROW),
    mesh: async (execute, _f, sparse) => (await mesh(execute, `{ marketplace_resources_list(page_size: 100${field(sparse, LIST_ROW)}) { ${LIST_ROW.join(' ')} } }`)).marketplace_resources_list,
  },
  {
    key: 'crossBackend',
    title: 'project → resources → allocation → payloads',
    junction: (f) => `{ project(uuid: ${str(f.projectUuid)}) { name resources(first: 10) { nodes { name
      allocation { allocationId name status payloads { payloadId state } } } } } }`,
    async direct(rest, f) {
      const [[project], resources] = await Promise.all([
        rest.waldur(`projects/${f.projectUuid}/`, [], ['uuid', 'name', 'backend_id']),
        rest.waldur('marketplace-resources/', [['project_uuid', f.projectUuid], ['page_size', '10']], ['uuid', 'name', 'backend_id']),
      ]);
      const allocations: Json[] = project.backend_id ? (await rest.orchestration(`projects/${project.backend_id}/allocations`, [['limit', '1000']])).results : [];
      const linked = resources.map((r) => allocations.find((a) => a.id === r.backend_id) ?? null);
      const payloads = await Promise.all(linked.map(async (a) => (a ? (await rest.orchestration(`projects/${project.backend_id}/allocations/${a.id}/payloads`, [])).results : null)));
      return { ...project, resources: resources.map((r, i) => ({ ...r, allocation: linked[i] && { ...linked[i], payloads: payloads[i] } })) };
    },
  },
  {
    key: 'mutation',
    title: 'mutation round trip',
    junction: (f) => `mutation { updateProject(input: { uuid: ${str(f.projectUuid)}, description: "bench" }) {
      __typename ... on UpdateProjectSuccess { project { uuid name description } } } }`,
    direct: async (rest, f) => rest.waldurWrite('PATCH', `projects/${f.projectUuid}/`, { description: 'bench' }),
  },
];
