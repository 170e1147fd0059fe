import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { matching } from './helpers.ts';

const PROJECT_LINKS = /* GraphQL */ `
  query ($w: String!) {
    project(uuid: $w) {
      orchestrationProjectId
      allocations { allocationId }
      resources(first: 20) { nodes { uuid backendId allocation { allocationId } } }
    }
  }`;

describe('the links between the marketplace and orchestration', () => {
  it('should link a listed project whose selection names neither uuid nor any other project field', async () => {
    await using stack = await startStack();
    const answer = await stack.query(`{ projects(first: 50) { nodes { name orchestrationProjectId allocations { allocationId } } } }`, {}, 'staff');

    expect(answer.errors).toBeUndefined();
    const linked = new Set(stack.sims.waldur.links.map((l: any) => l.orchestrationProjectId));
    const ids = answer.data.projects.nodes.map((p: any) => p.orchestrationProjectId).filter(Boolean);
    expect(ids.length).toBe(linked.size);
    for (const id of ids) expect(linked.has(id)).toBe(true);
    // The project's uuid is what its link is looked up by: the list must ask for it even when no field shows it.
    const lists = (await stack.requests('waldur')).filter((r) => r.path === '/api/projects/');
    expect(lists.every((r) => new URLSearchParams(r.query).getAll('field').includes('uuid'))).toBe(true);
  });

  it('should answer null, not an error, when the linked project\'s allocation list is 404', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    await stack.control('orchestration', 'POST', 'faults', { method: 'GET', path: `/projects/${link.orchestrationProjectId}/allocations$`, status: 404 });

    const answer = await stack.query(PROJECT_LINKS, { w: link.waldurProjectUuid }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.project.orchestrationProjectId).toBe(link.orchestrationProjectId);
    expect(answer.data.project.allocations).toBeNull();
    expect(answer.data.project.resources.nodes.map((r: any) => r.allocation)).toEqual(answer.data.project.resources.nodes.map(() => null));
  });

  it('should answer null for a backend_id that names no allocation, from the one list call', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];
    const [kept, ...dropped] = link.allocations;
    // The list no longer holds all but one of the linked allocations (as after a delete).
    const listed = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId } }`, { p: link.orchestrationProjectId });
    expect(listed.data.allocations.map((a: any) => a.allocationId)).toContain(kept.id);
    await stack.resetLogs();
    await stack.control('orchestration', 'POST', 'faults', {
      method: 'GET', path: `/projects/${link.orchestrationProjectId}/allocations$`, status: 200,
      body: { results: [{ id: kept.id, name: kept.name, status: { state: 'Running' } }] },
    });

    const answer = await stack.query(PROJECT_LINKS, { w: link.waldurProjectUuid }, 'staff');

    expect(answer.errors).toBeUndefined();
    const byUuid = new Map(answer.data.project.resources.nodes.map((r: any) => [r.uuid, r]));
    expect((byUuid.get(kept.resourceUuid) as any).allocation).toEqual({ allocationId: kept.id });
    for (const gone of dropped) expect((byUuid.get(gone.resourceUuid) as any).allocation).toBeNull();
    // Resources of other kinds carry backend ids that are not allocations (hpc_…, vm-…): null as well.
    for (const r of answer.data.project.resources.nodes) if (r.backendId && !/^[0-9a-f-]{36}$/.test(r.backendId)) expect(r.allocation).toBeNull();
    const orchestration = await stack.requests('orchestration');
    expect(orchestration.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /api/v0/projects/${link.orchestrationProjectId}/allocations`]);
  });

  it('should answer null for an allocation or payload the API does not know', async () => {
    await using stack = await startStack();
    const link = stack.sims.waldur.links[0];

    const answer = await stack.query(`query ($p: String!, $a: String!) {
      missing: allocation(projectId: $p, id: "00000000-0000-4000-8000-000000000000") { allocationId }
      known: allocation(projectId: $p, id: $a) { payload(id: "zzzzz-zzzzz") { payloadId } }
      payload(projectId: $p, allocationId: $a, id: "zzzzz-zzzzz") { payloadId }
    }`, { p: link.orchestrationProjectId, a: link.allocations[0].id }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data).toEqual({ missing: null, known: { payload: null }, payload: null });
  });

  it('should only follow resources of the configured offering types', async () => {
    await using stack = await startStack({ env: { LINK_RESOURCE_OFFERING_TYPES: 'Marketplace.Slurm' } });
    const link = stack.sims.waldur.links[0];
    await stack.resetLogs();

    const answer = await stack.query(PROJECT_LINKS.replace('allocations { allocationId }', ''), { w: link.waldurProjectUuid }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.project.resources.nodes.every((r: any) => r.allocation === null)).toBe(true);
    expect(await stack.requests('orchestration')).toEqual([]);
  });

  it('should find an allocation\'s marketplace resource, with one Waldur call per project for a whole list', async () => {
    await using stack = await startStack();
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0];
    await stack.resetLogs();

    const answer = await stack.query(`query ($p: String!) {
      allocations(projectId: $p) { allocationId marketplaceResource { uuid name state project { uuid } } }
    }`, { p: link.orchestrationProjectId }, 'staff');

    expect(answer.errors).toBeUndefined();
    const found = answer.data.allocations.filter((a: any) => a.marketplaceResource);
    expect(found.map((a: any) => [a.allocationId, a.marketplaceResource.uuid]).sort())
      .toEqual(link.allocations.map((a) => [a.id, a.resourceUuid]).sort());
    for (const a of found) expect(a.marketplaceResource.project.uuid).toBe(link.waldurProjectUuid);
    const waldur = await stack.requests('waldur');
    // The access evidence (the provider's link resources naming P), then the project's resources in one list.
    expect(waldur.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/marketplace-resources/', 'GET /api/marketplace-resources/']);
    expect(new URLSearchParams(waldur[0].query).get('backend_id')).toBe(link.orchestrationProjectId);
    expect(new URLSearchParams(waldur[0].query).get('offering_uuid')).toBe(stack.sims.waldur.orchestrationOfferingUuid);
    expect(waldur[1].query).toContain(`project_uuid=${link.waldurProjectUuid}`);
  });

  it('should read the link from the project field the operator opted in to trust', async () => {
    await using stack = await startStack({ env: { LINK_TRUST_PROJECT_FIELD: 'slug' } });
    const link = stack.sims.waldur.links[0];

    const answer = await stack.query(`query ($w: String!) { project(uuid: $w) { slug orchestrationProjectId } }`, { w: link.waldurProjectUuid }, 'staff');
    const denied = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId } }`, { p: link.orchestrationProjectId }, 'staff');

    expect(answer.errors).toBeUndefined();
    expect(answer.data.project.orchestrationProjectId).toBe(answer.data.project.slug);
    expect(denied.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(matching(await stack.requests('waldur'), 'GET', /^\/api\/projects\/$/).some((r) => r.query.includes(`slug=${link.orchestrationProjectId}`))).toBe(true);
  });
});
