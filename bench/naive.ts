/**
 * The NAIVE baseline: what a straightforward GraphQL-over-REST gateway does. Plain graphql-js resolvers, every
 * call without `field=` (whole objects), one REST call per linked object (order.project → GET projects/<uuid>/),
 * one list call per parent, no batching, no de-duplication, nothing answered from the parent.
 */
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { request } from 'undici';

const SDL = `
  type Query {
    customers(first: Int): CustomerConnection
    projects(first: Int): ProjectConnection
    orders(first: Int): OrderConnection
  }
  type CustomerConnection { totalCount: Int nodes: [Customer] }
  type ProjectConnection { totalCount: Int nodes: [Project] }
  type ResourceConnection { totalCount: Int nodes: [Resource] }
  type OrderConnection { totalCount: Int nodes: [Order] }
  type Customer { uuid: String name: String projects(first: Int): ProjectConnection }
  type Project { uuid: String name: String customer: Customer resources(first: Int): ResourceConnection }
  type Resource { uuid: String name: String state: String project: Project offering: Offering plan: Plan }
  type Offering { uuid: String name: String type: String plans: [Plan] }
  type Plan { uuid: String name: String unit: String unitPrice: String }
  type Order { uuid: String type: String state: String cost: String created: String project: Project offering: Offering resource: Resource }
`;

type Json = Record<string, any>;

export function createNaive(waldurUrl: string, token: string): { schema: GraphQLSchema; run(query: string): Promise<unknown> } {
  const get = async (path: string): Promise<{ body: any; total: number }> => {
    const response = await request(new URL(path, waldurUrl), { headers: { authorization: `Token ${token}`, accept: 'application/json' } });
    const body = await response.body.json();
    return { body, total: Number(response.headers['x-result-count'] ?? 0) };
  };
  const list = async (path: string, first = 10) => {
    const { body, total } = await get(`${path}${path.includes('?') ? '&' : '?'}page_size=${first}`);
    return { totalCount: total, nodes: body as Json[] };
  };
  const one = async (collection: string, uuid: string | undefined | null) => (uuid ? (await get(`${collection}/${uuid}/`)).body : null);

  const schema = buildSchema(SDL);
  const resolvers: Record<string, Record<string, (parent: Json, args: Json) => unknown>> = {
    Query: {
      customers: (_p, { first }) => list('customers/', first),
      projects: (_p, { first }) => list('projects/', first),
      orders: (_p, { first }) => list('marketplace-orders/', first),
    },
    Customer: { projects: (c, { first }) => list(`projects/?customer=${c.uuid}`, first) },
    Project: {
      customer: (p) => one('customers', p.customer_uuid),
      resources: (p, { first }) => list(`marketplace-resources/?project_uuid=${p.uuid}`, first),
    },
    Resource: {
      project: (r) => one('projects', r.project_uuid),
      offering: (r) => one('marketplace-public-offerings', r.offering_uuid),
      plan: async (r) => (r.plan_uuid ? (await get(`marketplace-public-offerings/${r.offering_uuid}/plans/${r.plan_uuid}/`)).body : null),
    },
    Offering: { plans: (o) => o.plans ?? [] },
    Plan: { unitPrice: (p) => p.unit_price },
    Order: {
      project: (o) => one('projects', o.project_uuid),
      offering: (o) => one('marketplace-public-offerings', o.offering_uuid),
      resource: (o) => one('marketplace-resources', o.marketplace_resource_uuid),
    },
  };
  return {
    schema,
    run: (query) => graphql({
      schema, source: query,
      fieldResolver: (parent: Json, args: Json, _ctx: unknown, info) => {
        const resolver = resolvers[info.parentType.name]?.[info.fieldName];
        return resolver ? resolver(parent, args) : parent?.[info.fieldName];
      },
    }),
  };
}
