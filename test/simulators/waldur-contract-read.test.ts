import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentProperties, matchPath, operationFor, validateResponse } from '../contracts/openapi.ts';
import { startTestWaldur, type Reply, type TestWaldur } from './waldur-client.ts';
import { expectDeclarationOrder, expectValid, first as firstOf } from './waldur-contract-helpers.ts';

let w: TestWaldur;
beforeAll(async () => {
  w = await startTestWaldur();
});
afterAll(() => w.close());

const first = (path: string, as = 'staff') => firstOf(w, path, as);

describe('the OpenAPI helper', () => {
  it('should map concrete paths to templates, literal segments first', () => {
    expect(matchPath('/api/marketplace-resources/suggest_name/')).toBe('/api/marketplace-resources/suggest_name/');
    expect(matchPath('/api/marketplace-resources/0f/terminate/?x=1')).toBe('/api/marketplace-resources/{uuid}/terminate/');
    expect(operationFor('get', '/api/projects/abc/')?.operationId).toBe('projects_retrieve');
    expect(operationFor('get', '/api/nowhere/')).toBeUndefined();
  });

  it('should reject bodies that break the schema', () => {
    expect(validateResponse('GET', '/api/marketplace-orders/{uuid}/', 200, { state: 'nope' }).valid).toBe(false);
    expect(validateResponse('GET', '/api/projects/{uuid}/', 200, { uuid: 'not-a-uuid' }).valid).toBe(false);
    expect(validateResponse('GET', '/api/marketplace-resources/{uuid}/', 200, { order_in_progress: null, scope: null }).valid).toBe(true);
    expect(validateResponse('POST', '/api/marketplace-resources/x/terminate/', 200, {}).valid).toBe(false);
    expect(validateResponse('POST', '/api/marketplace-resources/x/terminate/', 200, {}, { sparse: true }).valid).toBe(true);
  });
});

describe('read endpoints', () => {
  it('should match the schema for every order and resource of the data set, in declaration order', async () => {
    const orders = await w.all('/api/marketplace-orders/');
    const resources = await w.all('/api/marketplace-resources/');
    expect(orders.length).toBeGreaterThan(100);
    expectValid('GET', '/api/marketplace-orders/', { status: 200, body: orders } as Reply);
    expectValid('GET', '/api/marketplace-resources/', { status: 200, body: resources } as Reply);
    expect(Object.keys(orders[0])).toEqual(componentProperties('OrderDetails').filter((name) => name !== 'error_traceback' || name in orders[0]));
    expectDeclarationOrder(resources[0], 'Resource');
    expect(Object.keys(resources[0])).toEqual(componentProperties('Resource'));
  });

  it('should match the schema on every list and detail path', async () => {
    const customer = await first('/api/customers/');
    const project = await first('/api/projects/');
    const offering = await first('/api/marketplace-public-offerings/');
    const order = await first('/api/marketplace-orders/');
    const resource = await first('/api/marketplace-resources/?state=OK');
    const request = await first('/api/backend-resource-requests/');
    const paths = [
      '/api/users/me/', '/api/customers/', `/api/customers/${customer.uuid}/`, '/api/projects/', `/api/projects/${project.uuid}/`,
      `/api/projects/${project.uuid}/list_users/`, '/api/marketplace-public-offerings/', `/api/marketplace-public-offerings/${offering.uuid}/`,
      `/api/marketplace-public-offerings/${offering.uuid}/plans/`, offering.plans[0].url, '/api/marketplace-orders/',
      `/api/marketplace-orders/${order.uuid}/`, '/api/marketplace-resources/', `/api/marketplace-resources/${resource.uuid}/`,
      `/api/marketplace-resources/${resource.uuid}/team/`, `/api/marketplace-resources/${resource.uuid}/offering/`,
      `/api/marketplace-resources/${resource.uuid}/plan_periods/`, '/api/backend-resource-requests/', `/api/backend-resource-requests/${request.uuid}/`,
    ];
    for (const path of paths) {
      const reply = await w.call(path);
      expect(reply.status, path).toBe(200);
      expectValid('GET', path, reply);
      const head = await w.call(path, { method: 'HEAD' });
      expect(head.text).toBe('');
    }
    expectDeclarationOrder((await w.call('/api/users/me/')).body, 'User');
    expectDeclarationOrder(customer, 'Customer');
    expectDeclarationOrder(project, 'Project');
    expectDeclarationOrder(offering, 'PublicOfferingDetails');
    expect(Object.keys(customer)).toEqual(componentProperties('Customer'));
    expect(Object.keys(project)).toEqual(componentProperties('Project'));
    expect(Object.keys(offering)).toEqual(componentProperties('PublicOfferingDetails'));
  });

  it('should match the schema with required fields dropped for ?field= responses', async () => {
    for (const path of ['/api/customers/', '/api/projects/', '/api/marketplace-orders/', '/api/marketplace-resources/', '/api/marketplace-public-offerings/']) {
      const reply = await w.call(`${path}?field=uuid&field=name&field=state`);
      expectValid('GET', path, reply, true);
    }
    const me = await w.call('/api/users/me/?field=uuid&field=username');
    expectValid('GET', '/api/users/me/', me, true);
  });
});
