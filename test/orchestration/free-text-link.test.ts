import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';

/** Waldur's seed 000 gives a project `backend_id: "My unique string"`: free text names no orchestration project. */
describe('a link value that is no orchestration id', () => {
  it('should mean "not linked" (null, no error, no orchestration call), not bad input blamed on the caller', async () => {
    await using stack = await startStack({ env: { LINK_TRUST_PROJECT_FIELD: 'backend_id' } });
    const [project] = (await stack.query('{ projects(first: 1, orderBy: [NAME_ASC]) { nodes { uuid } } }')).data.projects.nodes;
    const patched = await fetch(`${stack.sims.waldurUrl}projects/${project.uuid}/`, {
      method: 'PATCH', body: JSON.stringify({ backend_id: 'My unique string' }),
      headers: { authorization: `Token ${stack.principal('staff').waldurToken}`, 'content-type': 'application/json' },
    });
    expect(patched.status).toBe(200);
    await stack.resetLogs();
    const answer = await stack.query('query($u: String!) { project(uuid: $u) { backendId orchestrationProjectId allocations { id } resources(first: 3) { nodes { allocation { id } } } } }', { u: project.uuid });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.project).toMatchObject({ backendId: 'My unique string', orchestrationProjectId: null, allocations: null });
    for (const resource of answer.data.project.resources.nodes) expect(resource.allocation).toBeNull();
    expect(await stack.requests('orchestration')).toEqual([]);
  });
});
