import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { startStack, type PrincipalName, type Stack } from '../helpers/stack.ts';
import { visibleLinks, visibleOrchestrationProjects } from '../orchestration/helpers.ts';

/*
 * The default link is the backend_id the service provider records on the resource of its orchestration offering.
 * As in waldur-mastermind: a consumer's resource update (ResourceUpdateSerializer) carries only name, description
 * and end_date; `marketplace-provider-resources/` lists only resources of offerings the caller's customers provide
 * (filter_for_offering_customer: anyone else gets 404), and `set_backend_id` needs RESOURCE.SET_BACKEND_ID there.
 */

async function call(stack: Stack, as: PrincipalName, method: 'GET' | 'PATCH' | 'POST', path: string, body?: unknown) {
  const response = await request(`${stack.sims.waldurUrl}${path}`, {
    method,
    headers: { authorization: `Token ${stack.principal(as).waldurToken}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.body.text();
  return { status: response.statusCode, body: text ? JSON.parse(text) : undefined };
}

/** The owner's link resource (the provider's record for the owner's project) and an id the owner cannot reach. */
async function scene(stack: Stack) {
  const [projectUuid, orchestrationId] = [...await visibleLinks(stack, 'owner')].sort()[0];
  const offering = stack.sims.waldur.orchestrationOfferingUuid;
  const { body } = await call(stack, 'owner', 'GET', `marketplace-resources/?offering_uuid=${offering}&project_uuid=${projectUuid}&field=uuid&field=backend_id`);
  const ownerSees = await visibleOrchestrationProjects(stack, 'owner');
  const victim = [...await visibleOrchestrationProjects(stack, 'staff')].sort().find((id) => !ownerSees.has(id))!;
  return { projectUuid, orchestrationId, resourceUuid: body[0].uuid as string, victim };
}

const linkOf = async (stack: Stack, projectUuid: string) =>
  (await stack.query(`query ($w: String!) { project(uuid: $w) { orchestrationProjectId } }`, { w: projectUuid }, 'owner')).data.project.orchestrationProjectId;

describe('the provider-side link cannot be written by the consumer', () => {
  it('ignores backend_id in a consumer\'s resource PATCH, and answers 404 to a consumer\'s set_backend_id', async () => {
    await using stack = await startStack();
    const { projectUuid, orchestrationId, resourceUuid, victim } = await scene(stack);

    const patched = await call(stack, 'owner', 'PATCH', `marketplace-resources/${resourceUuid}/`, { name: 'renamed', backend_id: victim });
    expect(patched).toEqual({ status: 200, body: { name: 'renamed', description: '', end_date: null } });
    const forged = await call(stack, 'owner', 'POST', `marketplace-provider-resources/${resourceUuid}/set_backend_id/`, { backend_id: victim });
    expect(forged).toEqual({ status: 404, body: { detail: 'No Resource matches the given query.' } });
    for (const who of ['manager', 'member', 'nobody'] as const) {
      expect((await call(stack, who, 'POST', `marketplace-provider-resources/${resourceUuid}/set_backend_id/`, { backend_id: victim })).status, who).toBe(404);
    }

    expect((await call(stack, 'owner', 'GET', `marketplace-resources/${resourceUuid}/?field=backend_id`)).body).toEqual({ backend_id: orchestrationId });
    expect(await linkOf(stack, projectUuid)).toBe(orchestrationId);
    const answer = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId } }`, { p: victim }, 'owner');
    expect(answer.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });

  it('follows the provider when it sets the backend_id through the provider endpoint', async () => {
    await using stack = await startStack();
    const { projectUuid, resourceUuid, victim } = await scene(stack);

    const set = await call(stack, 'provider', 'POST', `marketplace-provider-resources/${resourceUuid}/set_backend_id/`, { backend_id: victim });
    expect(set).toEqual({ status: 200, body: { status: 'Resource backend_id has been changed.' } });
    const again = await call(stack, 'provider', 'POST', `marketplace-provider-resources/${resourceUuid}/set_backend_id/`, { backend_id: victim });
    expect(again.body).toEqual({ status: 'Resource backend_id is not changed.' });

    // The provider's record is the link: the owner now reaches the orchestration project the provider named.
    expect(await linkOf(stack, projectUuid)).toBe(victim);
    const answer = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId } }`, { p: victim }, 'owner');
    expect(answer.errors).toBeUndefined();
  });
});
