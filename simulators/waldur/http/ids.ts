/** Waldur accepts a UUID in hex or dashed form (any case, optional braces or urn prefix) and renders 32 hex digits. */
export function normalizeUuid(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const hex = value.trim().toLowerCase().replace(/^urn:uuid:/, '').replace(/^\{(.*)\}$/, '$1').replace(/-/g, '');
  return /^[0-9a-f]{32}$/.test(hex) ? hex : null;
}

/** Path segments that are uuids, replaced for counters: `/api/projects/{uuid}/`. */
export function routeTemplate(path: string): string {
  return path.replace(/\/(?:[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?=\/)/gi, '/{uuid}');
}
