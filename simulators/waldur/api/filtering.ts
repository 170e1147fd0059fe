import { fieldErrors, type FieldErrors } from '../http/errors.ts';
import { normalizeUuid } from '../http/ids.ts';
import type { QueryParams } from '../http/query-params.ts';
import { resolveLink } from '../http/links.ts';
import { parseDateTime, type Micros } from '../time.ts';
import type { Call } from './call.ts';

/**
 * A filter reads its query parameter(s) and returns a predicate, nothing (not used), or 'none' for
 * "match nothing" (an unresolvable URL filter). Invalid values add form errors, answered together as 400.
 */
export type Filter<T> = (query: QueryParams, errors: FieldErrors, call: Call) => ((item: T) => boolean) | 'none' | undefined;

type Get<T, V> = (item: T, call: Call) => V;

const addError = (errors: FieldErrors, name: string, message: string) => (errors[name] ??= []).push(message);
const invalidChoice = (value: string) => `Select a valid choice. ${value} is not one of the available choices.`;

/** A single UUID (`project_uuid=`): the last value wins. */
export const uuidFilter = <T>(name: string, get: Get<T, string | null | undefined>): Filter<T> => (query, errors, call) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  const uuid = normalizeUuid(raw);
  if (!uuid) return void addError(errors, name, 'Enter a valid UUID.');
  return (item) => get(item, call) === uuid;
};

/** A UUID parameter whose relation is not modelled: a bad value is still a 400, a good one narrows nothing. */
export const uuidCheckOnly = <T>(name: string): Filter<T> => (query, errors) => {
  const raw = query.last(name);
  if (raw && !normalizeUuid(raw)) addError(errors, name, 'Enter a valid UUID.');
  return undefined;
};

/** A UUID filter on a relation the simulator never has (e.g. parent offerings): a valid value matches nothing. */
export const absentRelationFilter = <T>(name: string): Filter<T> => (query, errors) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  if (!normalizeUuid(raw)) return void addError(errors, name, 'Enter a valid UUID.');
  return 'none';
};

/** A comma-separated list of UUIDs (`customer=a,b`); a repeated key keeps only its last value. */
export const uuidInFilter = <T>(name: string, get: Get<T, string | null | undefined>): Filter<T> => (query, errors, call) => {
  const items = (query.last(name) ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  if (items.length === 0) return undefined;
  const uuids = items.map(normalizeUuid);
  if (uuids.some((uuid) => uuid === null)) return void addError(errors, name, 'Enter a valid UUID.');
  const wanted = new Set(uuids as string[]);
  return (item) => wanted.has(get(item, call) ?? '');
};

/** A MultipleChoiceFilter (`state=a&state=b`): repeat the key; every value must be a valid choice. */
export const choiceFilter = <T>(name: string, choices: readonly string[], get: Get<T, string>): Filter<T> => (query, errors, call) => {
  const values = query.all(name);
  if (values.length === 0) return undefined;
  const bad = values.find((value) => !choices.includes(value));
  if (bad !== undefined) return void addError(errors, name, invalidChoice(bad));
  const wanted = new Set(values);
  return (item) => wanted.has(get(item, call));
};

/** Repeated free-text values (`offering_type=a&offering_type=b`). */
export const anyOfFilter = <T>(name: string, get: Get<T, string>): Filter<T> => (query, _errors, call) => {
  const values = query.all(name).filter(Boolean);
  if (values.length === 0) return undefined;
  return (item) => values.includes(get(item, call));
};

/** A CharInFilter (`offering_slug=a,b`). */
export const csvFilter = <T>(name: string, get: Get<T, string>): Filter<T> => (query, _errors, call) => {
  const values = (query.last(name) ?? '').split(',').filter(Boolean);
  if (values.length === 0) return undefined;
  return (item) => values.includes(get(item, call));
};

export const exactFilter = <T>(name: string, get: Get<T, string | null>): Filter<T> => (query, _errors, call) => {
  const value = query.last(name);
  return value ? (item) => get(item, call) === value : undefined;
};

export const containsFilter = <T>(name: string, get: Get<T, string | null>): Filter<T> => (query, _errors, call) => {
  const value = query.last(name)?.toLowerCase();
  return value ? (item) => (get(item, call) ?? '').toLowerCase().includes(value) : undefined;
};

/** True when a boolean parameter is set to true (`true`/`1`, any case). */
export const isTrue = (query: QueryParams, name: string) => ['true', '1'].includes(query.last(name)?.toLowerCase() ?? '');

/** django-filter's BooleanWidget: `true/false/1/0` in any case; anything else leaves the filter off. */
export const booleanFilter = <T>(name: string, get: Get<T, boolean>): Filter<T> => (query, _errors, call) => {
  const raw = query.last(name)?.toLowerCase();
  const value = raw === 'true' || raw === '1' ? true : raw === 'false' || raw === '0' ? false : undefined;
  return value === undefined ? undefined : (item) => get(item, call) === value;
};

/**
 * A filter Waldur applies when the parameter is present, whatever its value (`?can_manage`, `?can_manage=false`
 * alike): `ProjectViewSet.get_queryset` tests `query_params.get("can_manage", None) is not None`
 * (waldur_core/structure/views.py).
 */
export const presenceFilter = <T>(name: string, keep: Get<T, boolean>): Filter<T> => (query, _errors, call) =>
  (query.last(name) === undefined ? undefined : (item) => keep(item, call));

/** `created=`/`modified=`: greater than or equal. */
export const sinceFilter = <T>(name: string, get: Get<T, Micros | null>): Filter<T> => (query, errors, call) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  const since = parseDateTime(raw);
  if (since === null) return void addError(errors, name, 'Enter a valid date/time.');
  return (item) => {
    const value = get(item, call);
    return value !== null && value >= since;
  };
};

/** A URLFilter (`customer=<url>`): filters by the uuid in the URL; an unresolvable URL matches nothing. */
export const urlFilter = <T>(name: string, get: Get<T, string | null | undefined>): Filter<T> => (query, _errors, call) => {
  const raw = query.last(name);
  if (!raw) return undefined;
  const uuid = resolveLink(raw)?.uuids.at(-1);
  if (!uuid) return 'none';
  return (item) => get(item, call) === uuid;
};

/** Applies the filters; throws 400 with every form error at once. */
export function applyFilters<T>(items: Iterable<T>, filters: ReadonlyArray<Filter<T>>, call: Call, errors: FieldErrors = {}): T[] {
  const predicates: Array<(item: T) => boolean> = [];
  let matchNothing = false;
  for (const filter of filters) {
    const predicate = filter(call.req.query, errors, call);
    if (predicate === 'none') matchNothing = true;
    else if (predicate) predicates.push(predicate);
  }
  if (Object.keys(errors).length > 0) throw fieldErrors(errors);
  if (matchNothing) return [];
  const out: T[] = [];
  for (const item of items) if (predicates.every((predicate) => predicate(item))) out.push(item);
  return out;
}
