import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { matching } from './helpers.ts';

const DASHBOARD = /* GraphQL */ `
  query Dashboard($uuid: String!) {
    project(uuid: $uuid) {
      name
      orchestrationProjectId
      resources(first: 20) {
        nodes {
          name
          allocation {
            allocationId
            name
            status
            payloads {
              payloadId
              state
              artefacts(first: 5) { nodes { filePath sizeBytes } pageInfo { hasNextPage } }
            }
          }
        }
      }
    }
  }`;

describe('the project → resources → allocation → payloads → artefacts dashboard', () => {
  it('should fetch the allocations and the payloads of a project once, not per resource', async () => {
    await using stack = await startStack();
    // The seeded project with the most game servers: several resources share one orchestration project.
    const link = [...stack.sims.waldur.links].sort((a, b) => b.allocations.length - a.allocations.length)[0];
    expect(link.allocations.length).toBeGreaterThanOrEqual(3);
    await stack.resetLogs();

    const answer = await stack.query(DASHBOARD, { uuid: link.waldurProjectUuid }, 'staff');

    expect(answer.errors).toBeUndefined();
    const project = answer.data.project;
    expect(project.orchestrationProjectId).toBe(link.orchestrationProjectId);
    const linked = project.resources.nodes.filter((r: any) => r.allocation);
    expect(linked.map((r: any) => r.allocation.allocationId).sort()).toEqual(link.allocations.map((a) => a.id).sort());
    const payloads = linked.flatMap((r: any) => r.allocation.payloads);
    expect(payloads.length).toBeGreaterThan(0);

    const waldur = await stack.requests('waldur');
    const orchestration = await stack.requests('orchestration');
    // Waldur: the project, its resources, and the provider's link resource of the project. That link row, read with
    // the caller's own token, already proves the caller sees a project linked to the orchestration project: no
    // separate access check is needed.
    expect(waldur.map((r) => `${r.method} ${r.path}`).sort()).toEqual([
      'GET /api/marketplace-resources/',
      'GET /api/marketplace-resources/',
      `GET /api/projects/${link.waldurProjectUuid}/`,
    ]);
    const linkRead = waldur.find((r) => new URLSearchParams(r.query).get('offering_uuid') === stack.sims.waldur.orchestrationOfferingUuid)!;
    expect(new URLSearchParams(linkRead.query).get('project_uuid')).toBe(link.waldurProjectUuid);
    // Orchestration: one token, ONE allocation list for all resources, one payload list per allocation,
    // one artefact page per payload.
    expect(matching(orchestration, 'POST', /\/token$/)).toHaveLength(1);
    expect(matching(orchestration, 'GET', /\/allocations$/)).toHaveLength(1);
    expect(matching(orchestration, 'GET', /\/payloads$/)).toHaveLength(link.allocations.length);
    expect(matching(orchestration, 'GET', /\/artefacts$/)).toHaveLength(payloads.length);
    expect(orchestration).toHaveLength(1 + 1 + link.allocations.length + payloads.length);
  });

  it('should list each project\'s allocations once across many projects and answer the second run from no new token', async () => {
    await using stack = await startStack();
    const query = /* GraphQL */ `{
      projects(first: 20) {
        nodes {
          orchestrationProjectId
          resources(first: 20) { nodes { allocation { allocationId payloads { payloadId } } } }
        }
      }
    }`;
    await stack.query(query, {}, 'staff');
    await stack.resetLogs();

    const answer = await stack.query(query, {}, 'staff');

    expect(answer.errors).toBeUndefined();
    const projects = answer.data.projects.nodes;
    const linkedProjects = new Set(projects.map((p: any) => p.orchestrationProjectId).filter(Boolean));
    const allocations = projects.flatMap((p: any) => p.resources.nodes.map((r: any) => r.allocation).filter(Boolean));
    const waldur = await stack.requests('waldur');
    const orchestration = await stack.requests('orchestration');
    expect(matching(orchestration, 'POST', /\/token$/)).toHaveLength(0);
    expect(matching(orchestration, 'GET', /\/allocations$/)).toHaveLength(linkedProjects.size);
    expect(matching(orchestration, 'GET', /\/payloads$/)).toHaveLength(allocations.length);
    // No access check of its own: each project row (read with the caller's token) proves access to what it links to;
    // no project is fetched again for its link.
    expect(matching(waldur, 'GET', /^\/api\/projects\/$/).filter((r) => r.query.includes('backend_id='))).toHaveLength(0);
    expect(matching(waldur, 'GET', /^\/api\/projects\/[0-9a-f]{32}\/$/)).toHaveLength(0);
    // The links of all the projects: the caller's provider-recorded link resources, in one list.
    const linkReads = matching(waldur, 'GET', /^\/api\/marketplace-resources\/$/)
      .filter((r) => new URLSearchParams(r.query).get('offering_uuid') === stack.sims.waldur.orchestrationOfferingUuid);
    expect(linkReads).toHaveLength(1);
    expect(new URLSearchParams(linkReads[0].query).has('project_uuid')).toBe(false);
  });
});
