import { normalizeUuid } from './ids.ts';

/** Waldur's URL fields are absolute and built from the request's host. */
export const links = {
  user: (origin: string, uuid: string) => `${origin}/api/users/${uuid}/`,
  customer: (origin: string, uuid: string) => `${origin}/api/customers/${uuid}/`,
  serviceProvider: (origin: string, uuid: string) => `${origin}/api/marketplace-service-providers/${uuid}/`,
  project: (origin: string, uuid: string) => `${origin}/api/projects/${uuid}/`,
  category: (origin: string, uuid: string) => `${origin}/api/marketplace-categories/${uuid}/`,
  offering: (origin: string, uuid: string) => `${origin}/api/marketplace-public-offerings/${uuid}/`,
  providerOffering: (origin: string, uuid: string) => `${origin}/api/marketplace-provider-offerings/${uuid}/`,
  plan: (origin: string, offeringUuid: string, planUuid: string) =>
    `${origin}/api/marketplace-public-offerings/${offeringUuid}/plans/${planUuid}/`,
  order: (origin: string, uuid: string) => `${origin}/api/marketplace-orders/${uuid}/`,
  resource: (origin: string, uuid: string) => `${origin}/api/marketplace-resources/${uuid}/`,
  backendRequest: (origin: string, uuid: string) => `${origin}/api/backend-resource-requests/${uuid}/`,
  media: (origin: string, path: string) => `${origin}/media/${path}`,
};

export type LinkKind = 'customer' | 'project' | 'offering' | 'provider-offering' | 'plan' | 'resource' | 'provider-resource' | 'order' | 'user';

const PATTERNS: Array<[LinkKind, RegExp]> = [
  ['plan', /^\/api\/marketplace-public-offerings\/([^/]+)\/plans\/([^/]+)\/$/],
  ['customer', /^\/api\/customers\/([^/]+)\/$/],
  ['project', /^\/api\/projects\/([^/]+)\/$/],
  ['offering', /^\/api\/marketplace-public-offerings\/([^/]+)\/$/],
  ['provider-offering', /^\/api\/marketplace-provider-offerings\/([^/]+)\/$/],
  ['resource', /^\/api\/marketplace-resources\/([^/]+)\/$/],
  ['provider-resource', /^\/api\/marketplace-provider-resources\/([^/]+)\/$/],
  ['order', /^\/api\/marketplace-orders\/([^/]+)\/$/],
  ['user', /^\/api\/users\/([^/]+)\/$/],
];

export interface ResolvedLink {
  kind: LinkKind;
  /** The uuids in the path; a plan link has the offering's and the plan's. */
  uuids: string[];
}

/**
 * Resolves a hyperlink by its path only (scheme and host are ignored, as Django does).
 * Returns null when no route matches.
 */
export function resolveLink(value: string): ResolvedLink | null {
  let path: string;
  try {
    path = new URL(value, 'http://placeholder').pathname;
  } catch {
    return null;
  }
  for (const [kind, pattern] of PATTERNS) {
    const match = pattern.exec(path);
    if (!match) continue;
    const uuids = match.slice(1).map(normalizeUuid);
    if (uuids.some((uuid) => uuid === null)) return null;
    return { kind, uuids: uuids as string[] };
  }
  return null;
}
