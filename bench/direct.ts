/**
 * The DIRECT baseline: the REST calls a hand-written dashboard would make for the same screens, by someone who
 * read the Waldur contract: `field=` on every call, projects of all customers in one `?customer=a,b` call,
 * offerings by `uuid_list`, names read from the parent rows. It is the floor Junction is measured against.
 */
import { request } from 'undici';

type Json = Record<string, any>;

export function createDirect(waldurUrl: string, token: string) {
  const get = async (path: string, params: Array<[string, string]>, fields?: string[]) => {
    const url = new URL(path, waldurUrl);
    for (const [k, v] of params) url.searchParams.append(k, v);
    for (const f of fields ?? []) url.searchParams.append('field', f);
    const response = await request(url, { headers: { authorization: `Token ${token}`, accept: 'application/json' } });
    return { body: (await response.body.json()) as Json[], total: Number(response.headers['x-result-count'] ?? 0) };
  };

  return {
    /** customers(5) → projects(3 each) → resources(5 each) with project and offering names. */
    async dashboard() {
      const customers = await get('customers/', [['page_size', '5']], ['uuid', 'name']);
      const projects = await get('projects/', [['customer', customers.body.map((c) => c.uuid).join(','), ], ['page_size', '300']], ['uuid', 'name', 'customer_uuid']);
      const perCustomer = customers.body.map((c) => projects.body.filter((p) => p.customer_uuid === c.uuid).slice(0, 3));
      const resources = await Promise.all(perCustomer.flat().map((p) =>
        get('marketplace-resources/', [['project_uuid', p.uuid], ['page_size', '5']], ['uuid', 'name', 'state', 'project_name', 'offering_name', 'offering_type'])));
      return { customers, perCustomer, resources };
    },
    /** The newest 20 orders with project, offering and resource names. */
    async orders() {
      return get('marketplace-orders/', [['page_size', '20']], [
        'uuid', 'type', 'state', 'cost', 'created', 'project_uuid', 'project_name', 'offering_name', 'offering_type', 'marketplace_resource_uuid', 'resource_name',
      ]);
    },
    /** One project, its resources, and their offerings' plans. */
    async projectPlans() {
      const projects = await get('projects/', [['page_size', '1']], ['uuid', 'name']);
      const resources = await get('marketplace-resources/', [['project_uuid', projects.body[0].uuid], ['page_size', '10']], ['uuid', 'name', 'offering_uuid', 'plan_uuid']);
      const uuids = [...new Set(resources.body.map((r) => r.offering_uuid))];
      const offerings = await get('marketplace-public-offerings/', [['uuid_list', uuids.join(',')], ['page_size', '300']], ['uuid', 'name', 'plans']);
      return { projects, resources, offerings };
    },
  };
}
