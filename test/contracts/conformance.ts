/**
 * Contract conformance of the requests Junction sends upstream.
 *
 * - Waldur requests are checked against the vendored OpenAPI subset (waldur-openapi.subset.yaml) plus the few rules
 *   of docs/contracts/waldur.md that the document cannot express (§4–§6, §9, §10): the operation exists; every query
 *   parameter is declared for it, in the declared style (repeated keys for `explode: true` arrays, one comma-separated
 *   key for `explode: false` ones and for `o`); `field=` values are in the operation's field enum; `o` terms are
 *   allowed; uuid-typed values look like uuids; JSON bodies validate against the request schema and carry no
 *   property the schema lacks; hyperlinks point at the right collection; `Accept-Language: en` is sent and no header
 *   outside the allow-list is.
 * - Orchestration API requests are checked against the operations table of docs/orchestration-wire.md (parsed from
 *   the document itself): method and path template, allowed query parameters, body shapes; plus the token request.
 *
 * Pure functions over one request at a time; the recorded run is test/conformance/upstream-requests.test.ts.
 */
import { readFileSync } from 'node:fs';
import { matchPath, openapiDocument, operationFor, validateRequestBody } from './openapi.ts';

type Json = Record<string, any>;
export type Service = 'waldur' | 'orchestration';

/** What the checker needs of one upstream request: a recording line (test/helpers/recording.ts) or a hand-written fixture. */
export interface UpstreamCall {
  service: Service;
  method: string;
  /** Path as received upstream, e.g. `/api/projects/` or `/api/v0/projects/p1/allocations`. */
  path: string;
  /** Raw query string without `?`. */
  query?: string;
  /** The logged request headers (lower-case names). */
  headers?: Record<string, string>;
  /** Every header name the sender set; null/undefined when not observed (no allow-list check then). */
  sentHeaderNames?: string[] | null;
  body?: unknown;
  /** Test file that made the request. */
  file?: string;
  /** Base paths of the upstream URLs in use; defaults are the embedded simulators'. */
  bases?: Partial<Bases>;
}

export interface Bases {
  waldur: string;
  orchestration: string;
  orchestrationToken: string;
}

export const DEFAULT_BASES: Bases = { waldur: '/api/', orchestration: '/api/v0', orchestrationToken: '/auth/v1/token' };

export type Rule =
  | 'unknown-path' | 'method' | 'path-param'
  | 'undeclared-param' | 'repeated-csv-key' | 'repeated-param' | 'comma-joined-repeat-param'
  | 'field-enum' | 'ordering' | 'uuid' | 'param-value' | 'page-size'
  | 'body-schema' | 'body-undeclared-property' | 'body-not-accepted' | 'content-type' | 'hyperlink'
  | 'accept-language' | 'forwarded-header' | 'authorization' | 'token-request';

export interface Violation {
  rule: Rule;
  message: string;
}

export interface Verdict {
  /** `operation` (a documented operation), `probe` (readiness GET of a base URL), `token` (the OAuth2 token request), `unknown`. */
  kind: 'operation' | 'probe' | 'token' | 'unknown';
  /** Waldur operationId, or `orchestration.<operation>` / `orchestration.token`. */
  operationId?: string;
  violations: Violation[];
}

const UUID = /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;
const UUID_SOURCE = '(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})';
/** Headers a client may have forwarded to Waldur (ARCHITECTURE.md "Credentials and access", docs/contracts/waldur.md §2, §10). */
export const WALDUR_HEADER_ALLOW_LIST = ['authorization', 'accept-language', 'x-request-id', 'x-impersonated-user-uuid', 'content-type'];
/** To the Orchestration API only the bearer, the request id and the body's type go. */
export const ORCHESTRATION_HEADER_ALLOW_LIST = ['authorization', 'x-request-id', 'content-type'];
/**
 * Set by Junction's HTTP client itself (`accept`; `accept-encoding` with UPSTREAM_COMPRESSION; W3C `traceparent` for
 * its own client span when tracing is on) or by undici for the transport; never forwarded client headers.
 */
const OWN_AND_TRANSPORT_HEADERS = ['accept', 'accept-encoding', 'traceparent', 'host', 'connection', 'content-length', 'transfer-encoding', 'keep-alive'];
/** docs/contracts/waldur.md §6: customers use DRF's OrderingFilter (unknown terms silently ignored, so the OAS has no enum). */
const CUSTOMER_ORDERING = ['abbreviation', 'accounting_start_date', 'agreement_number', 'contact_details', 'created', 'name', 'native_name', 'registration_code'];
/** docs/contracts/waldur.md §3: `page_size` above 300 is clamped. */
const MAX_PAGE_SIZE = 300;

// ---------------------------------------------------------------------------------------------------------------
// Query strings

/** Decodes a raw query string in order, keeping repeated keys (`+` is a space, as for HTML forms and Django). */
export function parseQuery(raw: string | undefined): { pairs: Array<[string, string]>; problems: string[] } {
  const pairs: Array<[string, string]> = [];
  const problems: string[] = [];
  for (const part of (raw ?? '').split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const [k, v] = eq < 0 ? [part, ''] : [part.slice(0, eq), part.slice(eq + 1)];
    try {
      pairs.push([decodeURIComponent(k.replace(/\+/g, ' ')), decodeURIComponent(v.replace(/\+/g, ' '))]);
    } catch {
      problems.push(`malformed percent-encoding in "${part}"`);
    }
  }
  return { pairs, problems };
}

function grouped(pairs: Array<[string, string]>): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const [k, v] of pairs) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(v);
  return byKey;
}

// ---------------------------------------------------------------------------------------------------------------
// Waldur (OpenAPI subset)

function resolveRef(node: Json | undefined): Json | undefined {
  let current = node;
  for (let i = 0; i < 10 && current && typeof current.$ref === 'string'; i++) {
    const [, , section, name] = (current.$ref as string).split('/');
    current = openapiDocument().components?.[section]?.[name];
  }
  return current;
}

/** A schema with `$ref` and single-member `allOf`/`oneOf` wrappers resolved. */
function resolveSchema(schema: Json | undefined): Json | undefined {
  let current = resolveRef(schema);
  for (let i = 0; i < 10 && current; i++) {
    const wrapper = current.allOf ?? current.oneOf;
    if (!current.type && !current.enum && Array.isArray(wrapper) && wrapper.length === 1) current = resolveRef(wrapper[0]);
    else break;
  }
  return current;
}

function refName(schema: Json | undefined): string | undefined {
  return typeof schema?.$ref === 'string' ? schema.$ref.split('/').pop() : undefined;
}

interface QueryParam {
  name: string;
  schema: Json;
  style: string;
  explode: boolean;
}

function queryParamsOf(operation: Json): Map<string, QueryParam> {
  const params = new Map<string, QueryParam>();
  for (const raw of operation.parameters ?? []) {
    const param = resolveRef(raw);
    if (!param || param.in !== 'query') continue;
    const style = param.style ?? 'form';
    params.set(param.name, { name: param.name, schema: param.schema ?? {}, style, explode: param.explode ?? style === 'form' });
  }
  return params;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Checks one scalar value against a (resolved) parameter schema; returns the broken rule or nothing. */
function checkParamValue(name: string, value: string, schema: Json | undefined, enumName: string | undefined): Violation | undefined {
  const resolved = resolveSchema(schema);
  if (!resolved) return undefined;
  if (value === '') return { rule: 'param-value', message: `${name}= has an empty value: Waldur skips an empty filter, so the list is not filtered` };
  if (Array.isArray(resolved.enum)) {
    if (resolved.enum.includes(value)) return undefined;
    if (name === 'field') return { rule: 'field-enum', message: `field=${value} is not a member of ${enumName ?? 'the field enum'} (Waldur drops unknown field names silently)` };
    return { rule: 'param-value', message: `${name}=${value} is not one of ${enumName ?? 'the allowed values'}: ${resolved.enum.join(', ')}` };
  }
  if (resolved.format === 'uuid' && !UUID.test(value)) return { rule: 'uuid', message: `${name}=${value} is not a uuid (Waldur answers 400 "Enter a valid UUID.")` };
  if (resolved.type === 'integer' && !/^-?\d+$/.test(value)) return { rule: 'param-value', message: `${name}=${value} is not an integer` };
  if (resolved.type === 'number' && !/^-?\d+(?:\.\d+)?$/.test(value)) return { rule: 'param-value', message: `${name}=${value} is not a number` };
  if (resolved.type === 'boolean' && !/^(?:true|false)$/i.test(value)) return { rule: 'param-value', message: `${name}=${value} is not a boolean (true/false)` };
  if (resolved.format === 'date-time' && Number.isNaN(Date.parse(value))) return { rule: 'param-value', message: `${name}=${value} is not a date-time` };
  if (resolved.format === 'date' && !/^\d{4}-\d{2}-\d{2}$/.test(value)) return { rule: 'param-value', message: `${name}=${value} is not a date (YYYY-MM-DD)` };
  return undefined;
}

/** `o`: one key, comma-separated terms, each an allowed field with an optional `-` (docs/contracts/waldur.md §6). */
function checkOrdering(operationId: string, param: QueryParam, values: string[]): Violation[] {
  const violations: Violation[] = [];
  if (values.length > 1) {
    violations.push({ rule: 'repeated-csv-key', message: `o= sent ${values.length} times: ordering is one comma-separated key ("o=a,-b"); Waldur keeps only the last` });
  }
  const items = param.schema.type === 'array' ? param.schema.items : undefined;
  const enumSchema = resolveSchema(items);
  const allowed: string[] | undefined = Array.isArray(enumSchema?.enum)
    ? enumSchema!.enum.map((term: string) => term.replace(/^-/, ''))
    : operationId.startsWith('customers_') ? CUSTOMER_ORDERING : undefined;
  for (const value of values) {
    for (const term of value.split(',')) {
      if (term === '') {
        violations.push({ rule: 'ordering', message: `o=${value} has an empty ordering term` });
        continue;
      }
      if (allowed && !allowed.includes(term.replace(/^-/, ''))) {
        const source = refName(items) ?? 'docs/contracts/waldur.md §6';
        violations.push({ rule: 'ordering', message: `o term "${term}" is not an allowed ordering (${source}: ${[...new Set(allowed)].join(', ')}, each optionally with "-")` });
      }
    }
  }
  return violations;
}

function checkWaldurQuery(operationId: string, operation: Json, raw: string | undefined): Violation[] {
  const violations: Violation[] = [];
  const { pairs, problems } = parseQuery(raw);
  for (const problem of problems) violations.push({ rule: 'param-value', message: problem });
  const declared = queryParamsOf(operation);
  for (const [name, values] of grouped(pairs)) {
    const param = declared.get(name);
    if (!param) {
      const names = [...declared.keys()];
      const shown = names.length > 12 ? `${names.slice(0, 12).join(', ')}, … (${names.length} in all)` : names.join(', ');
      violations.push({
        rule: 'undeclared-param',
        message: `query parameter "${name}" is not declared for ${operationId} (Waldur silently ignores unknown parameters)${names.length ? `; declared: ${shown}` : '; it declares none'}`,
      });
      continue;
    }
    if (name === 'o') {
      violations.push(...checkOrdering(operationId, param, values));
      continue;
    }
    if (param.schema.type === 'array') {
      const items = param.schema.items as Json | undefined;
      const itemSchema = resolveSchema(items);
      const enumName = refName(items);
      if (!param.explode) {
        if (values.length > 1) {
          violations.push({
            rule: 'repeated-csv-key',
            message: `${name}= is a comma-separated parameter (explode: false) sent as ${values.length} repeated keys; Waldur keeps only the last value: send one key "${name}=${values.join(',')}"`,
          });
        }
        for (const value of values) {
          for (const item of value.split(',')) {
            const problem = checkParamValue(name, item, items, enumName);
            if (problem) violations.push(problem);
          }
        }
      } else {
        const strict = Array.isArray(itemSchema?.enum) || itemSchema?.format === 'uuid';
        for (const value of values) {
          if (strict && value.includes(',')) {
            violations.push({
              rule: 'comma-joined-repeat-param',
              message: `${name}=${value} joins values with commas, but ${name} is a repeated parameter (explode: true): send "${value.split(',').map((v) => `${name}=${v}`).join('&')}"`,
            });
            continue;
          }
          const problem = checkParamValue(name, value, items, enumName);
          if (problem) violations.push(problem);
        }
      }
      continue;
    }
    if (values.length > 1) {
      violations.push({ rule: 'repeated-param', message: `${name}= is a single-valued parameter sent ${values.length} times; Waldur reads only the last` });
    }
    for (const value of values) {
      const problem = checkParamValue(name, value, param.schema, refName(param.schema));
      if (problem) violations.push(problem);
    }
    if (name === 'page_size') {
      for (const value of values) {
        const size = Number(value);
        if (Number.isInteger(size) && (size < 1 || size > MAX_PAGE_SIZE)) {
          violations.push({ rule: 'page-size', message: `page_size=${value} is outside 1–${MAX_PAGE_SIZE} (Waldur clamps larger values, falls back to 10 for smaller)` });
        }
      }
    }
  }
  return violations;
}

function stripOrigin(url: string): string | undefined {
  const match = /^https?:\/\/[^/?#]+(\/[^?#]*)(?:[?#].*)?$/i.exec(url);
  return match?.[1];
}

/** Hyperlink inputs and the collection each must point into (docs/contracts/waldur.md §9), relative to the API base. */
const HYPERLINKS: Record<string, { pattern: string; example: string }> = {
  project: { pattern: `projects/${UUID_SOURCE}/`, example: 'projects/<uuid>/' },
  customer: { pattern: `customers/${UUID_SOURCE}/`, example: 'customers/<uuid>/' },
  offering: { pattern: `marketplace-public-offerings/${UUID_SOURCE}/`, example: 'marketplace-public-offerings/<uuid>/' },
  plan: { pattern: `marketplace-public-offerings/${UUID_SOURCE}/plans/${UUID_SOURCE}/`, example: 'marketplace-public-offerings/<offering uuid>/plans/<plan uuid>/' },
};

function checkHyperlinks(body: Json, properties: Json, apiBase: string): Violation[] {
  const violations: Violation[] = [];
  const base = apiBase.endsWith('/') ? apiBase : `${apiBase}/`;
  for (const [field, { pattern, example }] of Object.entries(HYPERLINKS)) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    const declared = resolveSchema(properties[field]);
    if (declared?.format !== 'uri') continue; // e.g. backend-resource-requests take the offering's uuid (§8.6)
    const path = typeof value === 'string' ? stripOrigin(value) : undefined;
    const escapedBase = base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    if (path === undefined || !new RegExp(`^${escapedBase}${pattern}$`, 'i').test(path)) {
      violations.push({ rule: 'hyperlink', message: `body.${field} = ${JSON.stringify(value)} must be an absolute hyperlink to ${base}${example}` });
    }
  }
  return violations;
}

function checkWaldurBody(operationId: string, operation: Json, call: UpstreamCall, apiBase: string): Violation[] {
  const body = call.body;
  const hasBody = body !== undefined && body !== null && !(typeof body === 'string' && body === '');
  const requestBody = operation.requestBody as Json | undefined;
  if (!requestBody) {
    const empty = !hasBody || (typeof body === 'object' && body !== null && !Array.isArray(body) && Object.keys(body).length === 0);
    return empty ? [] : [{ rule: 'body-not-accepted', message: `${operationId} takes no request body, but ${JSON.stringify(body)} was sent` }];
  }
  if (!hasBody) {
    return requestBody.required ? [{ rule: 'body-schema', message: `${operationId} requires a JSON body; none was sent` }] : [];
  }
  const violations: Violation[] = [];
  const contentType = call.headers?.['content-type'];
  if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) {
    violations.push({ rule: 'content-type', message: `body sent as ${contentType}; Junction sends JSON (application/json)` });
  }
  const result = validateRequestBody(call.method, call.path, body);
  if (result && !result.valid) {
    violations.push({ rule: 'body-schema', message: `body does not match the ${refName(requestBody.content?.['application/json']?.schema) ?? 'request'} schema: ${result.errors.join('; ')}` });
  }
  const schema = resolveSchema(requestBody.content?.['application/json']?.schema);
  if (schema?.properties && typeof body === 'object' && !Array.isArray(body)) {
    const unknown = Object.keys(body as Json).filter((key) => !(key in schema.properties));
    if (unknown.length > 0) {
      violations.push({
        rule: 'body-undeclared-property',
        message: `body has ${plural(unknown.length, 'property')} ${refName(requestBody.content?.['application/json']?.schema) ?? 'the schema'} does not declare (Waldur ignores them silently): ${unknown.join(', ')}`,
      });
    }
    violations.push(...checkHyperlinks(body as Json, schema.properties, apiBase));
  }
  return violations;
}

function checkPathParams(operation: Json, template: string, path: string): Violation[] {
  const names = [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const values = new RegExp(`^${template.replace(/\{[^}]+\}/g, '([^/]+)')}$`).exec(path)?.slice(1) ?? [];
  const violations: Violation[] = [];
  names.forEach((name, i) => {
    const param = (operation.parameters ?? []).map(resolveRef).find((p: Json | undefined) => p?.in === 'path' && p.name === name);
    if (resolveSchema(param?.schema)?.format === 'uuid' && !UUID.test(decodeURIComponent(values[i] ?? ''))) {
      violations.push({ rule: 'uuid', message: `path parameter {${name}} = "${values[i]}" is not a uuid (Waldur answers 404)` });
    }
  });
  return violations;
}

function checkHeaderNames(call: UpstreamCall, allowList: string[]): Violation[] {
  if (!call.sentHeaderNames) return [];
  return call.sentHeaderNames
    .filter((name) => !allowList.includes(name.toLowerCase()) && !OWN_AND_TRANSPORT_HEADERS.includes(name.toLowerCase()))
    .map((name) => ({ rule: 'forwarded-header' as const, message: `header "${name}" is outside the allow-list (${allowList.join(', ')})` }));
}

function isProbe(call: UpstreamCall, base: string): boolean {
  const trimmed = base.replace(/\/+$/, '');
  return call.method.toUpperCase() === 'GET' && (call.path === trimmed || call.path === `${trimmed}/`) && !call.query
    && (call.body === undefined || call.body === null);
}

/** Probes carry no credentials and no client headers: they only ask whether the service answers. */
function checkProbe(call: UpstreamCall): Violation[] {
  const violations = checkHeaderNames(call, []);
  if (call.headers?.authorization) violations.push({ rule: 'authorization', message: 'a readiness probe must not carry credentials' });
  return violations;
}

function checkWaldur(call: UpstreamCall, bases: Bases): Verdict {
  if (isProbe(call, bases.waldur)) return { kind: 'probe', operationId: 'waldur.probe', violations: checkProbe(call) };
  const method = call.method.toUpperCase();
  const template = matchPath(call.path);
  const operation = operationFor(method, call.path);
  if (!template) return { kind: 'unknown', violations: [{ rule: 'unknown-path', message: `${call.path} is not a path of the Waldur OpenAPI subset` }] };
  const violations: Violation[] = [];
  let checked = operation;
  if (!operation) {
    const methods = Object.keys(openapiDocument().paths[template]).filter((m) => m !== 'parameters').map((m) => m.toUpperCase());
    violations.push({ rule: 'method', message: `${method} is not documented for ${template} (documented: ${methods.join(', ')})` });
    // Django answers HEAD with the GET view: check the rest of a HEAD against the GET operation, so a waived
    // method violation does not hide the parameters.
    checked = method === 'HEAD' ? operationFor('GET', call.path) : undefined;
    if (!checked) return { kind: 'unknown', violations };
  }
  const operationId = operation ? (operation.operationId as string) : `${checked!.operationId} (as HEAD)`;
  const operationChecked = checked!;
  violations.push(
    ...checkPathParams(operationChecked, template, call.path),
    ...checkWaldurQuery(operationId, operationChecked, call.query),
    ...checkWaldurBody(operationId, operationChecked, call, bases.waldur),
    ...checkHeaderNames(call, WALDUR_HEADER_ALLOW_LIST),
  );
  if (call.headers?.['accept-language'] !== 'en') {
    violations.push({
      rule: 'accept-language',
      message: call.headers?.['accept-language'] === undefined ? 'Accept-Language: en is missing' : `Accept-Language is "${call.headers['accept-language']}", not "en"`,
    });
  }
  return { kind: 'operation', operationId, violations };
}

// ---------------------------------------------------------------------------------------------------------------
// Orchestration API (docs/orchestration-wire.md)

export interface OrchestrationOperationSpec {
  name: string;
  method: string;
  /** Relative to ORCHESTRATION_URL, with `{P}`/`{A}` expanded, e.g. `/projects/{project_id}/allocations`. */
  template: string;
  query: string[];
  /** Body keys; `undefined` when the operation takes no body. */
  body?: Array<{ key: string; optional: boolean }>;
}

export interface OrchestrationWire {
  operations: OrchestrationOperationSpec[];
  /** The form fields of the token request, e.g. `grant_type=refresh_token`, `refresh_token=`. */
  tokenForm: Array<{ key: string; value?: string }>;
}

const WIRE_DOC = new URL('../../docs/orchestration-wire.md', import.meta.url);

/** Parses the operations table of docs/orchestration-wire.md. */
export function parseOrchestrationWire(markdown = readFileSync(WIRE_DOC, 'utf8')): OrchestrationWire {
  const P = '/projects/{project_id}';
  const A = `${P}/allocations/{allocation_id}`;
  const operations: OrchestrationOperationSpec[] = [];
  let tokenForm: OrchestrationWire['tokenForm'] = [];
  for (const line of markdown.split('\n')) {
    const row = /^\|\s*([A-Za-z]+)\s*\|\s*(GET|POST|PUT|PATCH|DELETE)\s*\|(.*)\|\s*$/.exec(line);
    if (!row) continue;
    const [, name, method, rest] = row;
    const firstCode = /`([^`]+)`/.exec(rest)?.[1] ?? '';
    if (name === 'token') {
      const form = /form-encoded `([^`]+)`/.exec(rest)?.[1] ?? '';
      tokenForm = form.split('&').filter(Boolean).map((pair) => {
        const [key, value] = pair.split('=');
        return { key, value: value || undefined };
      });
      continue;
    }
    const [pathPart, queryPart = ''] = firstCode.split('?');
    const template = pathPart.replace('{A}', A).replace('{P}', P);
    const query = queryPart.split('&').filter(Boolean).map((pair) => pair.split('=')[0]);
    const bodyText = /body `\{([^}]*)\}`/.exec(rest)?.[1];
    const body = bodyText === undefined ? undefined : bodyText.split(',').map((k) => k.trim()).filter(Boolean)
      .map((k) => ({ key: k.replace(/\?$/, ''), optional: k.endsWith('?') }));
    operations.push({ name, method, template, query, body });
  }
  return { operations, tokenForm };
}

let wire: OrchestrationWire | undefined;
export const orchestrationWire = () => (wire ??= parseOrchestrationWire());

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStringMap = (v: unknown) => isObject(v) && Object.values(v).every((x) => typeof x === 'string');

/** Value shapes of the body keys (docs/orchestration-wire.md "Shapes settled here", docs/contracts/orchestration.md §5). */
const SPEC_KEYS = ['payload_spec', 'buffer_size', 'min_payloads', 'max_payloads', 'region'];
const PAYLOAD_SPEC_KEYS = ['image', 'command', 'args', 'ports', 'resources', 'environment_variables', 'ddos_protection'];
/** Problems are relative to the key: `must be …`, `has …`, or `.<sub key> …`. */
function metadataProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'must be an object {labels?, annotations?}';
  const extra = Object.keys(value).filter((k) => k !== 'labels' && k !== 'annotations');
  if (extra.length) return `has unknown keys: ${extra.join(', ')}`;
  for (const k of ['labels', 'annotations']) if (value[k] !== undefined && !isStringMap(value[k])) return `.${k} must map strings to strings`;
  return undefined;
}
const BODY_VALUES: Record<string, (value: unknown) => string | undefined> = {
  key: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string'),
  value: (v) => (typeof v === 'string' ? undefined : 'must be a string'),
  enabled: (v) => (typeof v === 'boolean' ? undefined : 'must be a boolean'),
  image: (v) => (typeof v === 'string' && v !== '' ? undefined : 'must be a non-empty string'),
  name: (v) => (typeof v === 'string' ? undefined : 'must be a string'),
  spec: (v) => {
    if (!isObject(v)) return 'must be an object';
    const extra = Object.keys(v).filter((k) => !SPEC_KEYS.includes(k));
    if (extra.length) return `has unknown keys: ${extra.join(', ')} (allowed: ${SPEC_KEYS.join(', ')})`;
    for (const k of ['buffer_size', 'min_payloads', 'max_payloads']) if (v[k] !== undefined && !Number.isInteger(v[k])) return `.${k} must be an integer`;
    if (v.region !== undefined && typeof v.region !== 'string') return '.region must be a string';
    if (v.payload_spec !== undefined) {
      if (!isObject(v.payload_spec)) return '.payload_spec must be an object';
      const extraSpec = Object.keys(v.payload_spec).filter((k) => !PAYLOAD_SPEC_KEYS.includes(k));
      if (extraSpec.length) return `.payload_spec has unknown keys: ${extraSpec.join(', ')} (allowed: ${PAYLOAD_SPEC_KEYS.join(', ')})`;
    }
    return undefined;
  },
  metadata: (v) => (v === null ? undefined : metadataProblem(v)),
  payload_metadata: (v) => metadataProblem(v),
  selectors: (v) => {
    if (!Array.isArray(v)) return 'must be an array';
    for (const selector of v) {
      if (!isObject(selector)) return 'items must be objects {match_labels?, payload_state?}';
      const extra = Object.keys(selector).filter((k) => k !== 'match_labels' && k !== 'payload_state');
      if (extra.length) return `items have unknown keys: ${extra.join(', ')}`;
      if (selector.match_labels !== undefined && !isStringMap(selector.match_labels) && !(Array.isArray(selector.match_labels) && selector.match_labels.length === 0)) {
        return 'match_labels must map strings to strings';
      }
      if (selector.payload_state !== undefined && typeof selector.payload_state !== 'string') return 'payload_state must be a string';
    }
    return undefined;
  },
};

const QUERY_VALUES: Record<string, (value: string) => string | undefined> = {
  limit: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1000 ? undefined : 'must be an integer in 1–1000'),
  page_size: (v) => (/^\d+$/.test(v) && Number(v) >= 1 && Number(v) <= 1000 ? undefined : 'must be an integer in 1–1000'),
  force_delete: (v) => (v === 'true' || v === 'false' ? undefined : 'must be true or false'),
  page_token: (v) => (v !== '' ? undefined : 'must not be empty'),
  payload_id: (v) => (v !== '' ? undefined : 'must not be empty'),
  file_path: (v) => (v !== '' ? undefined : 'must not be empty'),
};

function templateRegex(template: string): RegExp {
  return new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[a-z_]+\}/g, '[^/]+')}$`);
}

function checkOrchestrationToken(call: UpstreamCall): Verdict {
  const violations: Violation[] = [];
  if (call.method.toUpperCase() !== 'POST') violations.push({ rule: 'token-request', message: `the token request is a POST, not ${call.method}` });
  if (call.query) violations.push({ rule: 'token-request', message: 'the token request carries its fields in the form body, not the query' });
  const contentType = call.headers?.['content-type'];
  if (!contentType || !/^application\/x-www-form-urlencoded\b/i.test(contentType)) {
    violations.push({ rule: 'token-request', message: `the token request must be form-encoded (application/x-www-form-urlencoded), got ${contentType ?? 'no content type'}` });
  }
  const form = orchestrationWire().tokenForm;
  const body = isObject(call.body) ? call.body : undefined;
  if (!body) violations.push({ rule: 'token-request', message: 'the token request has no form body' });
  else {
    for (const { key, value } of form) {
      if (typeof body[key] !== 'string' || body[key] === '') violations.push({ rule: 'token-request', message: `form field ${key} is missing or empty` });
      else if (value !== undefined && body[key] !== value) violations.push({ rule: 'token-request', message: `form field ${key}=${body[key]}, expected ${value}` });
    }
    const extra = Object.keys(body).filter((k) => !form.some((f) => f.key === k));
    if (extra.length) violations.push({ rule: 'token-request', message: `unexpected form fields: ${extra.join(', ')}` });
  }
  violations.push(...checkHeaderNames(call, ['content-type']));
  return { kind: 'token', operationId: 'orchestration.token', violations };
}

function checkOrchestration(call: UpstreamCall, bases: Bases): Verdict {
  if (call.path === bases.orchestrationToken) return checkOrchestrationToken(call);
  if (isProbe(call, bases.orchestration)) return { kind: 'probe', operationId: 'orchestration.probe', violations: checkProbe(call) };
  const prefix = bases.orchestration.replace(/\/+$/, '');
  if (!call.path.startsWith(`${prefix}/`)) {
    return { kind: 'unknown', violations: [{ rule: 'unknown-path', message: `${call.path} is outside the Orchestration API prefix ${prefix}` }] };
  }
  const relative = call.path.slice(prefix.length);
  const method = call.method.toUpperCase();
  const onPath = orchestrationWire().operations.filter((op) => templateRegex(op.template).test(relative));
  if (onPath.length === 0) {
    return { kind: 'unknown', violations: [{ rule: 'unknown-path', message: `${relative} matches no operation path of docs/orchestration-wire.md` }] };
  }
  const op = onPath.find((o) => o.method === method);
  if (!op) {
    const known = onPath.map((o) => `${o.method} (${o.name})`).join(', ');
    return { kind: 'unknown', violations: [{ rule: 'method', message: `${method} is not an operation on ${onPath[0].template} (docs/orchestration-wire.md: ${known})` }] };
  }
  const violations: Violation[] = [];
  const { pairs, problems } = parseQuery(call.query);
  for (const problem of problems) violations.push({ rule: 'param-value', message: problem });
  for (const [name, values] of grouped(pairs)) {
    if (!op.query.includes(name)) {
      violations.push({ rule: 'undeclared-param', message: `query parameter "${name}" is not one of ${op.name}'s (${op.query.length ? op.query.join(', ') : 'it takes none'})` });
      continue;
    }
    if (values.length > 1) violations.push({ rule: 'repeated-param', message: `${name}= sent ${values.length} times; ${op.name} takes one value` });
    for (const value of values) {
      const problem = QUERY_VALUES[name]?.(value);
      if (problem) violations.push({ rule: 'param-value', message: `${name}=${value} ${problem}` });
    }
  }
  const body = call.body;
  const hasBody = body !== undefined && body !== null;
  if (!op.body) {
    if (hasBody) violations.push({ rule: 'body-not-accepted', message: `${op.name} takes no body, but ${JSON.stringify(body)} was sent` });
  } else if (!isObject(body)) {
    violations.push({ rule: 'body-schema', message: `${op.name} takes a JSON object {${op.body.map((b) => b.key + (b.optional ? '?' : '')).join(', ')}}, got ${JSON.stringify(body)}` });
  } else {
    const contentType = call.headers?.['content-type'];
    if (contentType !== undefined && !/^application\/json\b/i.test(contentType)) violations.push({ rule: 'content-type', message: `body sent as ${contentType}, not application/json` });
    for (const { key, optional } of op.body) {
      if (body[key] === undefined) {
        if (!optional) violations.push({ rule: 'body-schema', message: `body.${key} is required by ${op.name}` });
        continue;
      }
      const problem = BODY_VALUES[key]?.(body[key]);
      if (problem) violations.push({ rule: 'body-schema', message: `body.${key}${problem.startsWith('.') ? '' : ' '}${problem} (${op.name})` });
    }
    const extra = Object.keys(body).filter((k) => !op.body!.some((b) => b.key === k));
    if (extra.length) violations.push({ rule: 'body-undeclared-property', message: `body has keys ${op.name} does not take: ${extra.join(', ')} (docs/orchestration-wire.md: {${op.body.map((b) => b.key + (b.optional ? '?' : '')).join(', ')}})` });
  }
  const authorization = call.headers?.authorization;
  if (!authorization || !/^Bearer \S+$/.test(authorization)) {
    violations.push({ rule: 'authorization', message: `Orchestration API calls carry "Authorization: Bearer <token>"; got ${authorization === undefined ? 'none' : JSON.stringify(authorization.split(' ')[0] + ' …')}` });
  }
  violations.push(...checkHeaderNames(call, ORCHESTRATION_HEADER_ALLOW_LIST));
  return { kind: 'operation', operationId: `orchestration.${op.name}`, violations };
}

// ---------------------------------------------------------------------------------------------------------------
// Entry points

/** Checks one upstream request. */
export function checkCall(call: UpstreamCall): Verdict {
  const bases: Bases = { ...DEFAULT_BASES, ...call.bases };
  return call.service === 'waldur' ? checkWaldur(call, bases) : checkOrchestration(call, bases);
}

/** `GET /api/customers/?uuid=x (test/foo.test.ts)` — the request as a reader finds it in the test that made it. */
export function describeCall(call: UpstreamCall): string {
  return `[${call.service}] ${call.method.toUpperCase()} ${call.path}${call.query ? `?${call.query}` : ''}${call.file ? ` (${call.file})` : ''}`;
}

/** Every documented operation: Waldur operationIds of the subset, then the Orchestration operations and the token request. */
export function documentedOperations(): { waldur: string[]; orchestration: string[] } {
  const waldur: string[] = [];
  for (const item of Object.values(openapiDocument().paths as Json)) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (['get', 'put', 'post', 'delete', 'patch', 'head', 'options'].includes(method)) waldur.push((operation as Json).operationId);
    }
  }
  return { waldur, orchestration: [...orchestrationWire().operations.map((op) => `orchestration.${op.name}`), 'orchestration.token'] };
}

export interface Finding {
  call: UpstreamCall;
  violation: Violation;
}

/**
 * One line per distinct (request, rule, message), the files that made it and how often:
 * `[waldur] GET /api/customers/?uuid=x (test/a.test.ts) — undeclared-param: query parameter "uuid" …`.
 */
export function formatFindings(findings: Finding[], limit = 200): string {
  const groups = new Map<string, { call: UpstreamCall; violation: Violation; files: Set<string>; count: number }>();
  for (const { call, violation } of findings) {
    const key = [call.service, call.method, call.path, call.query ?? '', violation.rule, violation.message].join('\u0000');
    const group = groups.get(key) ?? { call, violation, files: new Set<string>(), count: 0 };
    group.count += 1;
    if (call.file) group.files.add(call.file);
    groups.set(key, group);
  }
  const lines = [...groups.values()].map(({ call, violation, files, count }) =>
    `${describeCall({ ...call, file: [...files].join(', ') || undefined })}${count > 1 ? ` ×${count}` : ''}\n    ${violation.rule}: ${violation.message}`);
  const shown = lines.slice(0, limit);
  if (lines.length > limit) shown.push(`… and ${lines.length - limit} more`);
  return shown.join('\n');
}

export interface CoverageReport {
  waldur: { covered: string[]; total: number };
  orchestration: { covered: string[]; total: number };
  /** Documented operations no recorded request reached. */
  notExercised: string[];
  /** Schema coordinates (`Mutation.createOrder`) whose operations no recorded request reached. */
  exposedNotReached: Array<{ coordinate: string; operations: string[] }>;
  /** Root fields of the schema that the exposure table does not map. */
  unmappedRootFields: string[];
  /** Table entries naming coordinates the schema does not have (yet). */
  absentFromSchema: string[];
}

/**
 * Which documented operations the recorded requests exercised, and which operations the schema exposes
 * (`exposure`: schema coordinate → operations it may call) that no recorded request reached.
 */
export function coverageReport(exercised: ReadonlySet<string>, exposure: Readonly<Record<string, readonly string[]>>,
  schema: { rootFields: readonly string[]; has(coordinate: string): boolean }): CoverageReport {
  const documented = documentedOperations();
  const covered = (ops: string[]) => ops.filter((op) => exercised.has(op));
  const all = [...documented.waldur, ...documented.orchestration];
  const unknown = Object.entries(exposure).flatMap(([coordinate, ops]) => ops.filter((op) => !all.includes(op)).map((op) => `${coordinate} → ${op}`));
  if (unknown.length) throw new Error(`the exposure table names operations that are not documented: ${unknown.join('; ')}`);
  return {
    waldur: { covered: covered(documented.waldur), total: documented.waldur.length },
    orchestration: { covered: covered(documented.orchestration), total: documented.orchestration.length },
    notExercised: all.filter((op) => !exercised.has(op)),
    exposedNotReached: Object.entries(exposure)
      .filter(([coordinate]) => schema.has(coordinate))
      .map(([coordinate, ops]) => ({ coordinate, operations: ops.filter((op) => !exercised.has(op)) }))
      .filter(({ operations }) => operations.length > 0),
    unmappedRootFields: schema.rootFields.filter((coordinate) => !(coordinate in exposure)),
    absentFromSchema: Object.keys(exposure).filter((coordinate) => !schema.has(coordinate)),
  };
}
