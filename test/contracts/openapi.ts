import { readFileSync } from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';

/**
 * Validates bodies against the vendored Waldur 8.0.5 OpenAPI subset. OpenAPI 3.0 schemas become JSON
 * Schema for ajv: `nullable` turns into a null alternative, `$ref`s point into components/schemas, and
 * readOnly/writeOnly are ignored.
 */

type Schema = Record<string, any>;
export type Operation = Record<string, any>;

const SPEC_PATH = new URL('./waldur-openapi.subset.yaml', import.meta.url);
const DOC_ID = 'waldur-openapi';

/**
 * Fields that real Waldur renders as null although the generated schema omits `nullable`
 * (read-only relations that are simply absent: no parent offering, no backend scope, no issue).
 */
const REALITY_NULLABLE: Record<string, string[]> = {
  Resource: ['scope', 'parent_offering_uuid', 'parent_offering_name', 'parent_offering_slug', 'parent_uuid', 'parent_name',
    'project_end_date_requested_by', 'service_settings_uuid'],
  OrderDetails: ['issue'],
  PublicOfferingDetails: ['scope'],
};

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'];

function convert(schema: unknown, refBase = `${DOC_ID}#/components/schemas/`): unknown {
  if (Array.isArray(schema)) return schema.map((item) => convert(item, refBase));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Schema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'readOnly' || key === 'writeOnly' || key === 'nullable' || key === 'example' || key.startsWith('x-')) continue;
    if (key === '$ref' && typeof value === 'string') out.$ref = value.replace(/^#\/components\/schemas\//, refBase);
    else if (key === 'properties') out.properties = Object.fromEntries(Object.entries(value as Schema).map(([name, sub]) => [name, convert(sub, refBase)]));
    else out[key] = convert(value, refBase);
  }
  if ((schema as Schema).nullable === true) {
    if (typeof out.type === 'string' && !out.allOf && !out.oneOf && !out.anyOf) {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
      return out;
    }
    return { anyOf: [{ type: 'null' }, out] };
  }
  return out;
}

function loadSpec() {
  const doc = parse(readFileSync(SPEC_PATH, 'utf8')) as Schema;
  const schemas: Schema = {};
  for (const [name, schema] of Object.entries(doc.components.schemas as Schema)) {
    const patched = structuredClone(schema) as Schema;
    for (const field of REALITY_NULLABLE[name] ?? []) if (patched.properties?.[field]) patched.properties[field].nullable = true;
    schemas[name] = convert(patched);
  }
  const ajv = new Ajv({ strict: false, allErrors: true });
  const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  // Waldur renders UUIDs as 32 hex digits; Django renders blank URL and e-mail fields as ''.
  ajv.addFormat('uuid', /^(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i);
  ajv.addFormat('uri', (value: string) => value === '' || /^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(value));
  ajv.addFormat('email', (value: string) => value === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value));
  ajv.addFormat('decimal', /^-?\d+(?:\.\d+)?$/);
  ajv.addSchema({ $id: DOC_ID, components: { schemas } });
  return { doc, ajv };
}

let spec: ReturnType<typeof loadSpec> | undefined;
const specOnce = () => (spec ??= loadSpec());

/** The OpenAPI path template a concrete path belongs to (literal segments win over `{params}`). */
export function matchPath(concretePath: string): string | undefined {
  const path = concretePath.replace(/^https?:\/\/[^/]+/, '').split('?')[0];
  const templates = Object.keys(specOnce().doc.paths as Schema)
    .map((template) => ({ template, params: (template.match(/\{/g) ?? []).length }))
    .sort((a, b) => a.params - b.params);
  return templates.find(({ template }) => new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path))?.template;
}

/** The operation object for a method and a concrete (or template) path, or undefined when not in the subset. */
export function operationFor(method: string, concretePath: string): Operation | undefined {
  const paths = specOnce().doc.paths as Schema;
  const template = concretePath in paths ? concretePath : matchPath(concretePath);
  const lower = method.toLowerCase();
  return template && HTTP_METHODS.includes(lower) ? paths[template][lower] : undefined;
}

function dropRequired(schema: Schema): Schema {
  const { required: _ignored, ...rest } = schema;
  return rest;
}

const compiled = new Map<string, ValidateFunction>();

export interface ValidationResult {
  valid: boolean;
  errors: string[];
}

/**
 * Validates a response body. `sparse` is for `?field=` responses: the body is a subset of the schema,
 * so its required properties are not enforced.
 */
export function validateResponse(method: string, path: string, status: number, body: unknown, options: { sparse?: boolean } = {}): ValidationResult {
  const operation = operationFor(method, path);
  if (!operation) return { valid: false, errors: [`${method} ${path} is not in the OpenAPI subset`] };
  const response = operation.responses?.[String(status)];
  if (!response) return { valid: false, errors: [`${method} ${path} does not document status ${status}`] };
  const raw = response.content?.['application/json']?.schema as Schema | undefined;
  if (!raw) {
    const emptyBody = body === undefined || body === null || body === '';
    return emptyBody ? { valid: true, errors: [] } : { valid: false, errors: [`status ${status} has no body in the schema`] };
  }
  const key = `${method} ${path} ${status} ${options.sparse ? 'sparse' : 'full'}`;
  let validate = compiled.get(key);
  if (!validate) {
    let schema = convert(raw) as Schema;
    if (options.sparse) schema = sparseSchema(schema);
    validate = specOnce().ajv.compile(schema);
    compiled.set(key, validate);
  }
  const valid = validate(body) as boolean;
  return { valid, errors: (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`) };
}

/** Resolves the top-level `$ref` (and array items) so `required` can be dropped from the object itself. */
function sparseSchema(schema: Schema): Schema {
  const resolve = (s: Schema): Schema => {
    if (typeof s.$ref !== 'string') return s;
    const name = s.$ref.split('/').pop()!;
    return resolve(specOnce().ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`)!.schema as Schema);
  };
  const resolved = resolve(schema);
  if (resolved.type === 'array' && resolved.items) return { ...resolved, items: dropRequired(resolve(resolved.items)) };
  return dropRequired(resolved);
}

/** A component schema's property names in declaration order (Waldur's serializer field order). */
export function componentProperties(name: string): string[] {
  return Object.keys((specOnce().doc.components.schemas as Schema)[name]?.properties ?? {});
}

/** The parsed OpenAPI subset (paths, components): for checks of what Junction sends (test/contracts/conformance.ts). */
export function openapiDocument(): Record<string, any> {
  return specOnce().doc;
}

/**
 * Validates a request body against the operation's `application/json` request schema (required properties enforced).
 * `undefined` when the operation declares no JSON request body.
 */
export function validateRequestBody(method: string, path: string, body: unknown): ValidationResult | undefined {
  const raw = operationFor(method, path)?.requestBody?.content?.['application/json']?.schema as Schema | undefined;
  if (!raw) return undefined;
  const key = `request ${method.toUpperCase()} ${matchPath(path) ?? path}`;
  let validate = compiled.get(key);
  if (!validate) {
    validate = specOnce().ajv.compile(convert(raw) as Schema);
    compiled.set(key, validate);
  }
  const valid = validate(body) as boolean;
  return { valid, errors: (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`) };
}

/**
 * The JSON Schema of an operation's response body as the document declares it (no reality patches), self-contained:
 * components under `$defs`, for data generators. `undefined` when the operation or status declares no JSON body.
 */
export function responseJsonSchema(method: string, path: string, status = 200): Schema | undefined {
  const response = operationFor(method, path)?.responses?.[String(status)];
  const raw = (response?.content?.['application/json'] ?? response?.content?.['text/plain'])?.schema as Schema | undefined;
  if (!raw) return undefined;
  const $defs = Object.fromEntries(Object.entries(specOnce().doc.components.schemas as Schema).map(([name, schema]) => [name, convert(schema, '#/$defs/')]));
  return { ...(convert(raw, '#/$defs/') as Schema), $defs };
}
