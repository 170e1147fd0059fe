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

/** Reads the allow-listed credential headers (HTTP request, or graphql-ws connectionParams). */
export function principalFrom(headers: HeaderSource): Principal {
  const read = (name: string) => headers.get(name)?.trim() || undefined;
  const waldurAuthorization = read('authorization');
  const orchestrationAuthorization = read('x-orchestration-authorization');
  const requestId = read('x-request-id');
  const impersonate = read('x-impersonated-user-uuid');
  return {
    waldurAuthorization,
    orchestrationAuthorization: orchestrationAuthorization && /^bearer\s+\S+$/i.test(orchestrationAuthorization) ? orchestrationAuthorization : undefined,
    impersonateUserUuid: impersonate && UUID.test(impersonate) ? impersonate : undefined,
    requestId: requestId && REQUEST_ID.test(requestId) ? requestId : randomUUID(),
    key: sha256(`${waldurAuthorization ?? ''}\u0000${orchestrationAuthorization ?? ''}\u0000${impersonate ?? ''}`),
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}
