import type { HeaderSource } from './principal.ts';

/** The headers that together say who the caller is; a WebSocket operation takes all of them from one place. */
const CREDENTIAL_HEADERS = ['authorization', 'x-orchestration-authorization', 'x-impersonated-user-uuid'];

export class HeaderShapeError extends Error {}

/**
 * Reads a plain object of header name → string value, names case-insensitively. Anything else throws, as do two
 * spellings of one name (`Authorization` and `authorization`): which of them counts would be a guess. `lenient`
 * skips non-string values instead (connectionParams may carry other settings; their credentials are checked at connect).
 */
export function headerMapOf(value: unknown, where: string, { lenient = false } = {}): ReadonlyMap<string, string> {
  if (value === undefined || value === null) return new Map();
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new HeaderShapeError(`${where}: expected an object of header name → string value, received ${Array.isArray(value) ? 'an array' : typeof value}`);
  }
  const headers = new Map<string, string>();
  for (const [name, text] of Object.entries(value)) {
    if (typeof text !== 'string' && lenient) continue;
    if (typeof text !== 'string') throw new HeaderShapeError(`${where}.${name}: expected a string, received ${text === null ? 'null' : typeof text}`);
    const key = name.toLowerCase();
    if (headers.has(key)) throw new HeaderShapeError(`${where}: the header ${JSON.stringify(key)} is given twice, in different letter case`);
    headers.set(key, text);
  }
  return headers;
}

export interface WebSocketHeaderSources {
  /** `payload.extensions.headers` of the `subscribe` message (GraphiQL's headers pane). */
  operation: ReadonlyMap<string, string>;
  /** `connectionParams` of `connection_init`. */
  connection: ReadonlyMap<string, string>;
  /** The HTTP upgrade request. */
  upgrade: Record<string, string | string[] | undefined>;
}

/**
 * The headers of one WebSocket operation. Credentials come whole from the first of operation, connection and
 * upgrade request that carries any of them, never mixed across sources (a connection's `Authorization` cannot be
 * combined with another operation's orchestration token); other headers (X-Request-Id …) follow the same order by name.
 */
export function websocketHeaders({ operation, connection, upgrade }: WebSocketHeaderSources): HeaderSource {
  const fromUpgrade = new Map(Object.entries(upgrade).flatMap(([name, value]) => (typeof value === 'string' ? [[name.toLowerCase(), value] as const] : [])));
  const sources = [operation, connection, fromUpgrade];
  const carriesCredentials = (source: ReadonlyMap<string, string>) => CREDENTIAL_HEADERS.some((name) => source.get(name)?.trim());
  const credentials = sources.find(carriesCredentials);
  return {
    get(name) {
      const key = name.toLowerCase();
      if (CREDENTIAL_HEADERS.includes(key)) return credentials?.get(key);
      return sources.find((source) => source.has(key))?.get(key);
    },
  };
}
