/**
 * The conformance checker (conformance.ts) must be able to fail: hand-written requests, each wrong in one known way,
 * and the message it gives for each. Also: well-formed requests pass, and the orchestration table it parses from
 * docs/orchestration-wire.md is the one Junction's path defaults follow.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ORCHESTRATION_PATHS } from '../../src/upstream/orchestration/paths.ts';
import { checkCall, documentedOperations, formatFindings, orchestrationWire, parseQuery, type UpstreamCall, type Violation } from './conformance.ts';

const U1 = '80e57c78f82e46b7aa63f7e95ef21a9c';
const U2 = '56809f216c2d40f09996a816ad24b4e6';
const U3 = '485440403c54499bae134d4f796ecaf6';
const W = 'http://waldur.example/api';
const GOOD_HEADERS = { authorization: 'Token 0123456789abcdef', 'accept-language': 'en', 'x-request-id': 'r-1' };
const SENT = ['accept', 'accept-language', 'authorization', 'x-request-id'];

const waldur = (method: string, path: string, query = '', extra: Partial<UpstreamCall> = {}): UpstreamCall => ({
  service: 'waldur', method, path, query, headers: { ...GOOD_HEADERS, ...(extra.body !== undefined && { 'content-type': 'application/json' }) },
  sentHeaderNames: extra.body !== undefined ? [...SENT, 'content-type'] : SENT, file: 'test/fixture.test.ts', ...extra,
});
const A = '/api/v0/projects/p-1/allocations/11111111-2222-4333-8444-555555555555';
const orch = (method: string, path: string, query = '', body: unknown = null, extra: Partial<UpstreamCall> = {}): UpstreamCall => ({
  service: 'orchestration', method, path, query, body,
  headers: { authorization: 'Bearer t0k3n', ...(body !== null && { 'content-type': 'application/json' }) },
  sentHeaderNames: ['accept', 'authorization', ...(body !== null ? ['content-type'] : [])], file: 'test/fixture.test.ts', ...extra,
});

const violationsOf = (call: UpstreamCall): Violation[] => checkCall(call).violations;
const rulesOf = (call: UpstreamCall) => violationsOf(call).map((v) => v.rule);

describe('the conformance checker, on well-formed requests', () => {
  it.each<[string, UpstreamCall]>([
    ['a projects list with CSV customers, repeated fields, ordering and paging', waldur('GET', '/api/projects/', `customer=${U1},${U2}&field=uuid&field=name&o=-created,name&page=2&page_size=300`)],
    ['orders with repeated states and types', waldur('GET', '/api/marketplace-orders/', 'state=done&state=erred&type=Create&project_uuid=' + U1)],
    ['offerings by uuid_list', waldur('GET', '/api/marketplace-public-offerings/', `uuid_list=${U1},${U2}&field=uuid&page_size=300`)],
    ['customers ordered by a DRF ordering field', waldur('GET', '/api/customers/', 'o=-abbreviation&query=Labs')],
    ['a retrieve with fields', waldur('GET', `/api/customers/${U1}/`, 'field=uuid&field=name')],
    ['an order create with the three hyperlinks', waldur('POST', '/api/marketplace-orders/', '', {
      body: { project: `${W}/projects/${U1}/`, offering: `${W}/marketplace-public-offerings/${U2}/`, plan: `${W}/marketplace-public-offerings/${U2}/plans/${U3}/`, attributes: { name: 'x' }, limits: { cpu: 2 } },
    })],
    ['a project create', waldur('POST', '/api/projects/', '', { body: { name: 'P', customer: `${W}/customers/${U1}/` } })],
    ['a backend resource request (offering is a uuid here)', waldur('POST', '/api/backend-resource-requests/', '', { body: { offering: U1 } })],
    ['an action without a body', waldur('POST', `/api/marketplace-orders/${U1}/cancel/`)],
    ['a readiness probe', { service: 'waldur', method: 'GET', path: '/api/', query: '', headers: {}, sentHeaderNames: [] }],
    ['an allocation list', orch('GET', '/api/v0/projects/p-1/allocations', 'limit=1000')],
    ['an allocation create', orch('POST', '/api/v0/projects/p-1/allocations', '', { spec: { buffer_size: 2, min_payloads: 1, max_payloads: 5, region: 'eu', payload_spec: { image: 'img:1' } }, name: 'a' })],
    ['a payload label', orch('PUT', `${A}/payloads/abc-def/metadata/label`, '', { key: 'mode', value: 'ffa' })],
    ['a reservation', orch('POST', `${A}/reservations`, '', { selectors: [{ match_labels: { mode: 'ffa' }, payload_state: 'Ready' }], payload_metadata: { labels: { a: 'b' } } })],
    ['artefacts with paging', orch('GET', `${A}/artefacts`, 'page_size=10&page_token=tok%3D%3D&payload_id=abc-def')],
    ['a forced payload delete', orch('DELETE', `${A}/payloads/abc-def`, 'force_delete=true')],
    ['the token request', {
      service: 'orchestration', method: 'POST', path: '/auth/v1/token', query: '', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      sentHeaderNames: ['accept', 'content-type'], body: { grant_type: 'refresh_token', refresh_token: 'r', client_id: 'c', client_secret: 's' },
    }],
  ])('passes %s', (_name, call) => {
    expect(violationsOf(call)).toEqual([]);
  });
});

describe('the conformance checker, on deliberately wrong requests', () => {
  it('names an undeclared filter (Waldur would silently ignore it)', () => {
    const [violation] = violationsOf(waldur('GET', '/api/customers/', `uuid=${U1}`));
    expect(violation.rule).toBe('undeclared-param');
    expect(violation.message).toMatch(/^query parameter "uuid" is not declared for customers_list \(Waldur silently ignores unknown parameters\); declared: /);
  });

  it('names a repeated CSV key (Waldur keeps only the last value)', () => {
    expect(violationsOf(waldur('GET', '/api/projects/', `customer=${U1}&customer=${U2}`))).toEqual([{
      rule: 'repeated-csv-key',
      message: `customer= is a comma-separated parameter (explode: false) sent as 2 repeated keys; Waldur keeps only the last value: send one key "customer=${U1},${U2}"`,
    }]);
  });

  it('names comma-joined values of a repeat-style parameter', () => {
    expect(violationsOf(waldur('GET', '/api/marketplace-orders/', 'state=done,erred'))).toEqual([{
      rule: 'comma-joined-repeat-param',
      message: 'state=done,erred joins values with commas, but state is a repeated parameter (explode: true): send "state=done&state=erred"',
    }]);
    expect(rulesOf(waldur('GET', '/api/projects/', 'field=uuid,name'))).toEqual(['comma-joined-repeat-param']);
  });

  it('names a field outside the operation\'s field enum', () => {
    expect(violationsOf(waldur('GET', '/api/projects/', 'field=uuid&field=owner_email'))).toEqual([{
      rule: 'field-enum', message: 'field=owner_email is not a member of ProjectFieldEnum (Waldur drops unknown field names silently)',
    }]);
  });

  it('names ordering terms that are not allowed, and a repeated o', () => {
    const [bad] = violationsOf(waldur('GET', '/api/marketplace-resources/', 'o=-popularity'));
    expect(bad.rule).toBe('ordering');
    expect(bad.message).toMatch(/^o term "-popularity" is not an allowed ordering \(ResourceOEnum: created, end_date, name, project_name, state, each optionally with "-"\)$/);
    expect(rulesOf(waldur('GET', '/api/customers/', 'o=-size'))).toEqual(['ordering']);
    expect(rulesOf(waldur('GET', '/api/projects/', 'o=name&o=-created'))).toEqual(['repeated-csv-key']);
  });

  it('names values of the wrong type: uuids, enums, integers, page sizes, empty filters', () => {
    expect(violationsOf(waldur('GET', '/api/marketplace-resources/', 'project_uuid=not-a-uuid'))).toEqual([
      { rule: 'uuid', message: 'project_uuid=not-a-uuid is not a uuid (Waldur answers 400 "Enter a valid UUID.")' },
    ]);
    expect(rulesOf(waldur('GET', '/api/projects/', `customer=${U1},nope`))).toEqual(['uuid']);
    expect(rulesOf(waldur('GET', '/api/marketplace-orders/', 'state=finished'))).toEqual(['param-value']);
    expect(rulesOf(waldur('GET', '/api/projects/', 'page=two&page_size=1000'))).toEqual(['param-value', 'page-size']);
    expect(rulesOf(waldur('GET', '/api/projects/', 'customer='))).toEqual(['param-value']);
    expect(rulesOf(waldur('GET', '/api/projects/', 'name=a&name=b'))).toEqual(['repeated-param']);
    expect(rulesOf(waldur('GET', `/api/projects/${'x'.repeat(5)}/`))).toEqual(['uuid']);
  });

  it('names unknown paths and undocumented methods', () => {
    expect(violationsOf(waldur('GET', '/api/marketplace-plans/'))).toEqual([{ rule: 'unknown-path', message: '/api/marketplace-plans/ is not a path of the Waldur OpenAPI subset' }]);
    expect(violationsOf(waldur('DELETE', `/api/marketplace-resources/${U1}/`))).toEqual([
      { rule: 'method', message: 'DELETE is not documented for /api/marketplace-resources/{uuid}/ (documented: GET, PUT, PATCH)' },
    ]);
  });

  it('names invalid bodies, undeclared body properties and hyperlinks to the wrong collection', () => {
    const order = violationsOf(waldur('POST', '/api/marketplace-orders/', '', {
      body: {
        project: `${W}/customers/${U1}/`,
        offering: `${W}/marketplace-provider-offerings/${U2}/`,
        plan: `${W}/marketplace-plans/${U3}/`,
        plan_uuid: U3,
        limits: { cpu: 'two' },
      },
    }));
    expect(order.map((v) => v.rule).sort()).toEqual(['body-schema', 'body-undeclared-property', 'hyperlink', 'hyperlink', 'hyperlink']);
    expect(order).toContainEqual({ rule: 'hyperlink', message: `body.project = "${W}/customers/${U1}/" must be an absolute hyperlink to /api/projects/<uuid>/` });
    expect(order).toContainEqual({ rule: 'hyperlink', message: `body.offering = "${W}/marketplace-provider-offerings/${U2}/" must be an absolute hyperlink to /api/marketplace-public-offerings/<uuid>/` });
    expect(order).toContainEqual({ rule: 'hyperlink', message: `body.plan = "${W}/marketplace-plans/${U3}/" must be an absolute hyperlink to /api/marketplace-public-offerings/<offering uuid>/plans/<plan uuid>/` });
    expect(order).toContainEqual({ rule: 'body-undeclared-property', message: 'body has 1 property OrderCreateRequest does not declare (Waldur ignores them silently): plan_uuid' });
    expect(order.find((v) => v.rule === 'body-schema')!.message).toMatch(/^body does not match the OrderCreateRequest schema: \/limits\/cpu must be integer/);

    const project = violationsOf(waldur('POST', '/api/projects/', '', { body: { name: '', customer: U1 } }));
    expect(project.map((v) => v.rule)).toEqual(['body-schema', 'hyperlink']);
    expect(project[0].message).toMatch(/\/name must NOT have fewer than 1 characters/);
    expect(project[0].message).toMatch(/\/customer must match format "uri"/);
    expect(rulesOf(waldur('POST', `/api/marketplace-orders/${U1}/cancel/`, '', { body: { reason: 'x' } }))).toEqual(['body-not-accepted']);
    expect(rulesOf(waldur('POST', '/api/marketplace-orders/'))).toEqual(['body-schema']);
  });

  it('names a missing Accept-Language and forwarded headers outside the allow-list', () => {
    const call = waldur('GET', '/api/projects/', 'field=uuid', {
      headers: { authorization: 'Token x' }, sentHeaderNames: ['accept', 'authorization', 'cookie', 'x-orchestration-authorization'],
    });
    expect(violationsOf(call)).toEqual([
      { rule: 'forwarded-header', message: 'header "cookie" is outside the allow-list (authorization, accept-language, x-request-id, x-impersonated-user-uuid, content-type)' },
      { rule: 'forwarded-header', message: 'header "x-orchestration-authorization" is outside the allow-list (authorization, accept-language, x-request-id, x-impersonated-user-uuid, content-type)' },
      { rule: 'accept-language', message: 'Accept-Language: en is missing' },
    ]);
    expect(rulesOf({ service: 'waldur', method: 'GET', path: '/api/', headers: { authorization: 'Token x' }, sentHeaderNames: ['authorization'] }))
      .toEqual(['forwarded-header', 'authorization']);
  });

  it('names orchestration requests off the wire document: paths, methods, query, bodies, credentials, token', () => {
    expect(violationsOf(orch('GET', '/api/v0/projects/p-1/allocation'))).toEqual([
      { rule: 'unknown-path', message: '/projects/p-1/allocation matches no operation path of docs/orchestration-wire.md' },
    ]);
    expect(violationsOf(orch('POST', `${A}/enabled`, '', { enabled: true }))).toEqual([
      { rule: 'method', message: 'POST is not an operation on /projects/{project_id}/allocations/{allocation_id}/enabled (docs/orchestration-wire.md: PUT (setAllocationEnabled))' },
    ]);
    expect(violationsOf(orch('PUT', `${A}/enabled`, '', { enabled: 'yes' }))).toEqual([
      { rule: 'body-schema', message: 'body.enabled must be a boolean (setAllocationEnabled)' },
    ]);
    expect(violationsOf(orch('PUT', `${A}/payloads/abc/metadata/annotation`, '', { key: 'k', value: 1, note: 'x' }))).toEqual([
      { rule: 'body-schema', message: 'body.value must be a string (setPayloadAnnotation)' },
      { rule: 'body-undeclared-property', message: 'body has keys setPayloadAnnotation does not take: note (docs/orchestration-wire.md: {key, value})' },
    ]);
    expect(violationsOf(orch('GET', '/api/v0/projects/p-1/allocations', 'limit=5000&page=2'))).toEqual([
      { rule: 'param-value', message: 'limit=5000 must be an integer in 1–1000' },
      { rule: 'undeclared-param', message: 'query parameter "page" is not one of listAllocations\'s (limit)' },
    ]);
    expect(violationsOf(orch('POST', '/api/v0/projects/p-1/allocations', '', { name: 'a', metadata: { labels: { a: 1 } } }))).toEqual([
      { rule: 'body-schema', message: 'body.spec is required by createAllocation' },
      { rule: 'body-schema', message: 'body.metadata.labels must map strings to strings (createAllocation)' },
    ]);
    expect(violationsOf(orch('PUT', A, '', { spec: {}, metadata: null }))).toEqual([{ rule: 'body-schema', message: 'body.name is required by updateAllocation' }]);
    expect(violationsOf(orch('DELETE', `${A}/reservations/abc`, '', { force: true }))).toEqual([{ rule: 'body-not-accepted', message: 'deleteReservation takes no body, but {"force":true} was sent' }]);
    expect(violationsOf(orch('GET', `${A}/payloads`, '', null, { headers: {}, sentHeaderNames: ['accept', 'accept-language'] }))).toEqual([
      { rule: 'authorization', message: 'Orchestration API calls carry "Authorization: Bearer <token>"; got none' },
      { rule: 'forwarded-header', message: 'header "accept-language" is outside the allow-list (authorization, x-request-id, content-type)' },
    ]);
    expect(violationsOf({
      service: 'orchestration', method: 'POST', path: '/auth/v1/token', headers: { 'content-type': 'application/json' },
      body: { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' },
    })).toEqual([
      { rule: 'token-request', message: 'the token request must be form-encoded (application/x-www-form-urlencoded), got application/json' },
      { rule: 'token-request', message: 'form field grant_type=client_credentials, expected refresh_token' },
      { rule: 'token-request', message: 'form field refresh_token is missing or empty' },
    ]);
  });

  it('formats each finding with the request, the test file that made it and the rule', () => {
    const call = waldur('GET', '/api/customers/', `uuid=${U1}`);
    const text = formatFindings([...violationsOf(call), ...violationsOf(call)].map((violation) => ({ call, violation })));
    expect(text.split('\n')[0]).toBe(`[waldur] GET /api/customers/?uuid=${U1} (test/fixture.test.ts) ×2`);
    expect(text.split('\n')[1]).toMatch(/^ {4}undeclared-param: query parameter "uuid" is not declared for customers_list/);
  });
});

describe('the documents the checker reads', () => {
  it('parses every operation of docs/orchestration-wire.md, with the templates Junction uses by default', () => {
    const { operations, tokenForm } = orchestrationWire();
    expect(Object.fromEntries(operations.map((op) => [op.name, op.template]))).toEqual({ ...DEFAULT_ORCHESTRATION_PATHS });
    expect(operations.find((op) => op.name === 'listArtefacts')!.query).toEqual(['page_size', 'page_token', 'payload_id']);
    expect(operations.find((op) => op.name === 'createAllocation')!.body).toEqual([
      { key: 'spec', optional: false }, { key: 'name', optional: true }, { key: 'metadata', optional: true },
    ]);
    expect(tokenForm.map((f) => f.key)).toEqual(['grant_type', 'refresh_token', 'client_id', 'client_secret']);
  });

  it('lists the documented operations: every operationId of the OpenAPI subset, and the Orchestration table plus the token', () => {
    const { waldur: ids, orchestration } = documentedOperations();
    expect(ids).toHaveLength(74);
    expect(ids).toContain('version_retrieve');
    expect(ids).toContain('projects_list_users_list');
    expect(orchestration).toHaveLength(17);
  });

  it('decodes queries in order, keeping repeated keys', () => {
    expect(parseQuery('a=1&b=x+y&a=%2C').pairs).toEqual([['a', '1'], ['b', 'x y'], ['a', ',']]);
    expect(parseQuery('bad=%E0%A4%A').problems).toEqual(['malformed percent-encoding in "bad=%E0%A4%A"']);
  });
});
