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

type HeaderSource = { get(name: string): string | null | undefined };

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
    key: sha256(`${waldurAuthorization ?? ''}\u0000${orchestrationAuthorization ?? ''}\u0000${impersonate ?? ''}`),
  };
}

/** graphql-ws connectionParams are a plain object; header names are matched case-insensitively. */
export function headersFromParams(params: Record<string, unknown> | undefined): HeaderSource {
  const lower = new Map(Object.entries(params ?? {}).map(([k, v]) => [k.toLowerCase(), typeof v === 'string' ? v : undefined]));
  return { get: (name) => lower.get(name.toLowerCase()) };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
