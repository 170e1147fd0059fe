import { describe, expect, it } from 'vitest';
import { startStack } from '../helpers/stack.ts';
import { mutate, rest } from '../mutations/waldur-fixtures.ts';

/**
 * How a real deployment links a new Waldur project, end to end through Junction: the consumer orders the provider's
 * "Orchestration project" offering; the provider creates the orchestration project and records its id as the
 * resource's backend_id (in the simulator, when the order completes); from then on the project is linked, and game
 * servers ordered in it are provisioned into that orchestration project.
 */
describe('linking a new project through the provider\'s orchestration offering', () => {
  it('should link the project once the provider has provisioned its orchestration project, and only for those who see it', async () => {
    await using stack = await startStack();
    const [customer] = await rest(stack, 'owner', 'customers/?field=uuid');
    const created = await mutate(stack, 'createProject', { customerUuid: customer.uuid, name: 'Esports league' }, '... on CreateProjectSuccess { project { uuid } }', 'owner');
    const projectUuid = created.result.project.uuid as string;
    const linkQuery = `query ($w: String!) { project(uuid: $w) { orchestrationProjectId allocations { allocationId marketplaceResource { uuid } } } }`;
    expect((await stack.query(linkQuery, { w: projectUuid }, 'owner')).data.project).toEqual({ orchestrationProjectId: null, allocations: null });

    const order = async (offeringUuid: string, name: string) => {
      const [plan] = (await rest(stack, 'owner', `marketplace-public-offerings/${offeringUuid}/?field=plans`)).plans;
      const placed = await mutate(stack, 'createOrder', { projectUuid, offeringUuid, planUuid: plan.uuid, attributes: { name } },
        '... on CreateOrderSuccess { order { uuid } resource { uuid } }', 'owner');
      expect(placed.result.__typename).toBe('CreateOrderSuccess');
      const done = await stack.control('waldur', 'POST', 'advance', { order: placed.result.order.uuid, to: 'done' });
      expect(done).toMatchObject({ state: 'done', resource_state: 'OK', backend_id: expect.any(String) });
      return { resourceUuid: placed.result.resource.uuid as string, backendId: done.backend_id as string };
    };

    const orchestrationProject = await order(stack.sims.waldur.orchestrationOfferingUuid, 'league-project');
    expect((await stack.query(linkQuery, { w: projectUuid }, 'owner')).data.project)
      .toEqual({ orchestrationProjectId: orchestrationProject.backendId, allocations: [] });

    const [gameServers] = await rest(stack, 'owner', 'marketplace-public-offerings/?type=Marketplace.GameServer&field=uuid&page_size=1');
    const server = await order(gameServers.uuid, 'league-arena');
    const linked = await stack.query(linkQuery, { w: projectUuid }, 'owner');
    expect(linked.data.project.allocations).toEqual([{ allocationId: server.backendId, marketplaceResource: { uuid: server.resourceUuid } }]);

    const outsider = await stack.query(`query ($p: String!) { allocations(projectId: $p) { allocationId } }`, { p: orchestrationProject.backendId }, 'nobody');
    expect(outsider.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});
