import { SimError, badRequest, conflict } from './errors.ts';
import { parseMetadata } from './metadata.ts';
import { PAYLOAD_STATES, type Allocation, type Payload, type PayloadState } from './model.ts';
import { enter } from './payloads.ts';

interface Selector { state: PayloadState; labels: Record<string, string> }

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// The docs write "match anything" as `"match_labels": []`; `{}` and absence mean the same.
function parseMatchLabels(raw: unknown, where: string): Record<string, string> {
  if (raw === undefined || raw === null || (Array.isArray(raw) && raw.length === 0)) return {};
  if (!isObject(raw)) throw badRequest(`${where}.match_labels must be an object of string to string`);
  for (const [k, v] of Object.entries(raw)) if (typeof v !== 'string') throw badRequest(`${where}.match_labels["${k}"] must be a string`);
  return raw as Record<string, string>;
}

function parseSelectors(raw: unknown): Selector[] {
  if (raw === undefined || raw === null) return [{ state: 'Ready', labels: {} }];
  if (!Array.isArray(raw)) throw badRequest('selectors must be an array');
  if (raw.length === 0) return [{ state: 'Ready', labels: {} }];
  return raw.map((s, i) => {
    const where = `selectors[${i}]`;
    if (!isObject(s)) throw badRequest(`${where} must be an object`);
    const state = s.payload_state ?? 'Ready';
    if (typeof state !== 'string' || !(PAYLOAD_STATES as readonly string[]).includes(state)) {
      throw badRequest(`${where}.payload_state must be one of ${PAYLOAD_STATES.join(', ')}`);
    }
    return { state: state as PayloadState, labels: parseMatchLabels(s.match_labels, where) };
  });
}

const startedOf = (p: Payload) => p.started ?? p.created;

/**
 * Only Ready and Reserved selectors can match (§6); Ready ones not while the allocation drains. Payloads being
 * deleted are in Shutdown, so they never match. Ties go to the payload that started first.
 */
function firstMatch(a: Allocation, s: Selector): Payload | undefined {
  if (s.state !== 'Ready' && s.state !== 'Reserved') return undefined;
  if (s.state === 'Ready' && (!a.enabled || a.deleting || a.errorHook !== undefined)) return undefined;
  return [...a.payloads.values()]
    .filter((p) => p.state === s.state && Object.entries(s.labels).every(([k, v]) => p.metadata.labels[k] === v))
    .sort((x, y) => startedOf(x) - startedOf(y) || x.created - y.created || (x.id < y.id ? -1 : 1))[0];
}

/** CreateReservation: the un-wrapped `{payload_id, payload_address, payload_ports}`. */
export function reserve(a: Allocation, body: unknown, now: number): object {
  if (body !== null && body !== undefined && !isObject(body)) throw badRequest('request body must be a JSON object');
  const { selectors, payload_metadata } = (body ?? {}) as Record<string, unknown>;
  const parsed = parseSelectors(selectors);
  const metadata = parseMetadata(payload_metadata, 'payload_metadata');
  for (const selector of parsed) {
    const payload = firstMatch(a, selector);
    if (!payload) continue;
    Object.assign(payload.metadata.labels, metadata.labels);
    Object.assign(payload.metadata.annotations, metadata.annotations);
    if (payload.state !== 'Reserved') enter(payload, 'Reserved', now, 'reserved');
    payload.lastReserved = now;
    return {
      payload_id: payload.id,
      payload_address: payload.address,
      payload_ports: payload.ports.map((p) => ({
        name: p.name, port: p.port, protocol: payload.spec.ports.find((s) => s.name === p.name)?.protocol ?? 'UDP',
      })),
    };
  }
  throw new SimError(412, 'no payload available that matches any of the selectors');
}

/** DeleteReservation: the payload goes back to Ready (and back into the autoscaler's hands). */
export function unreserve(p: Payload, now: number): void {
  if (p.state !== 'Reserved') throw conflict(`payload ${p.id} is ${p.state}, not Reserved`);
  enter(p, 'Ready', now, 'ready');
}
