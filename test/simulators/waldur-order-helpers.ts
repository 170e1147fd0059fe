import type { TestWaldur } from './waldur-client.ts';

/** Shortcuts over the demo data for order tests. */
export function orderKit(w: TestWaldur) {
  const offerings = async () => w.all('/api/marketplace-public-offerings/');
  const offering = async (type: string) => (await offerings()).find((o) => o.type === type && o.state === 'Active')!;
  const projectOf = async (as: string) => (await w.call('/api/projects/?page_size=1', { as })).body[0];

  async function create(as: string, type: string, options: { project?: any; name?: string; startDate?: string; limits?: Record<string, number> } = {}) {
    const target = await offering(type);
    // Staff's first project by name may belong to the archived customer; the owner's is always usable.
    const project = options.project ?? (await projectOf(as === 'staff' ? 'owner' : as));
    return w.call('/api/marketplace-orders/', {
      as, method: 'POST',
      body: {
        project: project.url, offering: target.url, plan: target.plans[0].url,
        attributes: { name: options.name ?? `test-${type.split('.')[1].toLowerCase()}` }, limits: options.limits ?? {},
        ...(options.startDate ? { start_date: options.startDate } : {}),
      },
    });
  }

  const order = async (uuid: string) => (await w.call(`/api/marketplace-orders/${uuid}/`)).body;
  const resource = async (uuid: string) => (await w.call(`/api/marketplace-resources/${uuid}/`)).body;
  const act = (uuid: string, action: string, as: string, body?: unknown) =>
    w.call(`/api/marketplace-orders/${uuid}/${action}/`, { as, method: 'POST', body });
  const resourceAct = (uuid: string, action: string, as: string, body?: unknown) =>
    w.call(`/api/marketplace-resources/${uuid}/${action}/`, { as, method: 'POST', body });
  const advance = (body?: unknown) => w.control('POST', 'advance', body);

  return { offering, projectOf, create, order, resource, act, resourceAct, advance };
}
