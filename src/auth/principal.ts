import { createHash, randomUUID } from 'node:crypto';

/** Who is calling, as far as the two upstreams are concerned. Nothing else from the client is forwarded. */
export interface Principal {
  /** The caller's Waldur `Authorization` header, forwarded as-is (`Token …` or `Bearer …`). */
  waldurAuthorization: string | undefined;
  /** `X-Orchestration-Authorization: Bearer …`: pass-through mode for the Orchestration API. */
  orchestrationAuthorization: string | undefined;
  impersonateUserUuid: string | undefined;
  requestId: string;
  /** A stable key for caches and pollers shared across requests; never the raw credential. */
  key: string;
}

export type HeaderSource = { get(name: string): string | null | undefined };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const UUID = /^[0-9a-f]{32}$|^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The caller's `X-Request-Id` when it is a plausible id, else a fresh one. */
export function requestIdFrom(headers: HeaderSource): string {
  const given = headers.get('x-request-id')?.trim();
  return given && REQUEST_ID.test(given) ? given : randomUUID();
}

/** Reads the allow-listed credential headers (HTTP request, or graphql-ws connectionParams). */
export function principalFrom(headers: HeaderSource, requestId = requestIdFrom(headers)): Principal {
  const read = (name: string) => headers.get(name)?.trim() || undefined;
  const waldurAuthorization = read('authorization');
  const orchestrationAuthorization = read('x-orchestration-authorization');
  const impersonate = read('x-impersonated-user-uuid');
  return {
    waldurAuthorization,
    orchestrationAuthorization: orchestrationAuthorization && /^bearer\s+\S+$/i.test(orchestrationAuthorization) ? orchestrationAuthorization : undefined,
    impersonateUserUuid: impersonate && UUID.test(impersonate) ? impersonate : undefined,
    requestId,
    key: identityKey(waldurAuthorization, orchestrationAuthorization, impersonate),
  };
}

/**
 * The key of what the upstreams will treat as one caller: the scheme's case, extra spaces and ignored headers
 * (an impersonation header that is not a uuid is never forwarded) do not make a new caller. Caps on live
 * pollers and poller sharing depend on it: a respelled header must not buy a second allowance.
 */
function identityKey(waldur: string | undefined, orchestration: string | undefined, impersonate: string | undefined): string {
  const credential = (value: string | undefined) => {
    const parts = value?.split(/\s+/).filter(Boolean) ?? [];
    return parts.length === 2 ? `${parts[0].toLowerCase()} ${parts[1]}` : parts.join(' ');
  };
  const orchestrationBearer = orchestration && /^bearer\s+\S+$/i.test(orchestration) ? credential(orchestration) : '';
  const impersonated = impersonate && UUID.test(impersonate) ? impersonate.toLowerCase().replace(/-/g, '') : '';
  return sha256(`${credential(waldur)}\u0000${orchestrationBearer}\u0000${impersonated}`);
}

const CREDENTIAL = /^(token|bearer|jwt)\s+[\x21-\x7e]{1,2048}$/i;

/**
 * Why the credentials a WebSocket client sent in `connection_init` cannot be right, or undefined. graphql-ws
 * closes such a connection with 4403 at once, rather than failing each of its operations later.
 */
export function credentialProblem(params: Record<string, unknown> | undefined): string | undefined {
  for (const [name, value] of Object.entries(params ?? {})) {
    const header = name.toLowerCase();
    if (header === 'authorization' && (typeof value !== 'string' || !CREDENTIAL.test(value.trim()))) return 'Authorization: expected "Token <key>" or "Bearer <token>"';
    if (header === 'x-orchestration-authorization' && (typeof value !== 'string' || !/^bearer\s+[\x21-\x7e]{1,4096}$/i.test(value.trim()))) return 'X-Orchestration-Authorization: expected "Bearer <token>"';
    if (header === 'x-impersonated-user-uuid' && (typeof value !== 'string' || !UUID.test(value.trim()))) return 'X-Impersonated-User-Uuid: expected a uuid';
  }
  return undefined;
}

/** graphql-ws connectionParams are a plain object; header names are matched case-insensitively. */
export function headersFromParams(params: Record<string, unknown> | undefined): HeaderSource {
  const lower = new Map(Object.entries(params ?? {}).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : undefined]));
  return { get: (name) => lower.get(name.toLowerCase()) };
}

const hashes = new Map<string, string>();
const MAX_HASHES = 10_000;

/** Remembered per credential text (bounded: the map starts afresh when full), so a request seldom hashes anything. */
function sha256(text: string): string {
  let hash = hashes.get(text);
  if (hash === undefined) {
    if (hashes.size >= MAX_HASHES) hashes.clear();
    hashes.set(text, (hash = createHash('sha256').update(text).digest('base64url')));
  }
  return hash;
}
