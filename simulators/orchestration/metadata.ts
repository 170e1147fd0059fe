import { badRequest } from './errors.ts';
import type { Metadata } from './model.ts';

/** docs/contracts/orchestration.md §7. */
export const KEY_PATTERN = /^[A-Za-z0-9]([A-Za-z0-9._-]{0,57}[A-Za-z0-9])?$/;
export const LABEL_VALUE_PATTERN = /^([A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?)?$/;

export function checkKey(kind: 'label' | 'annotation', key: unknown): string {
  if (typeof key !== 'string') throw badRequest(`${kind} key is required and must be a string`);
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(`invalid ${kind} key "${key}": must be 1-59 characters, start and end with [A-Za-z0-9] and contain only [A-Za-z0-9._-] (${KEY_PATTERN.source})`);
  }
  return key;
}

export function checkLabel(key: unknown, value: unknown): [string, string] {
  const k = checkKey('label', key);
  if (typeof value !== 'string') throw badRequest(`label value for key "${k}" is required and must be a string`);
  if (!LABEL_VALUE_PATTERN.test(value)) {
    throw badRequest(`invalid label value "${value}" for key "${k}": must be empty or 1-63 characters, start and end with [A-Za-z0-9] and contain only [A-Za-z0-9._-] (${LABEL_VALUE_PATTERN.source})`);
  }
  return [k, value];
}

export function checkAnnotation(key: unknown, value: unknown): [string, string] {
  const k = checkKey('annotation', key);
  if (typeof value !== 'string') throw badRequest(`annotation value for key "${k}" is required and must be a string`);
  return [k, value];
}

function entriesOf(raw: unknown, where: string): Array<[string, unknown]> {
  if (raw === undefined || raw === null) return [];
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${where} must be an object of string to string`);
  return Object.entries(raw);
}

/** Parses `{labels?, annotations?}`, validating every entry; absent maps become `{}`. */
export function parseMetadata(raw: unknown, where: string): Metadata {
  if (raw === undefined || raw === null) return { labels: {}, annotations: {} };
  if (typeof raw !== 'object' || Array.isArray(raw)) throw badRequest(`${where} must be an object`);
  const { labels, annotations } = raw as { labels?: unknown; annotations?: unknown };
  const out: Metadata = { labels: {}, annotations: {} };
  for (const [k, v] of entriesOf(labels, `${where}.labels`)) {
    const [key, value] = checkLabel(k, v);
    out.labels[key] = value;
  }
  for (const [k, v] of entriesOf(annotations, `${where}.annotations`)) {
    const [key, value] = checkAnnotation(k, v);
    out.annotations[key] = value;
  }
  return out;
}
