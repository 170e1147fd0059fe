import type { Sim } from './sim.ts';

/** A request as the API handlers see it, after auth, routing and body parsing. */
export interface ApiCall { params: Record<string, string>; query: URLSearchParams; body: unknown; now: number }
/** Returns the JSON body of a 200 answer, or throws a SimError. */
export type ApiHandler = (sim: Sim, call: ApiCall) => unknown;
/** `path` is relative to the prefix; `{project}`, `{allocation}`, `{payload}` are path parameters. */
export interface RouteDef { method: string; path: string; handler: ApiHandler }

export interface Route extends RouteDef {
  /** The counter key: method and full path template, e.g. `GET /api/v0/projects/{project}/allocations`. */
  key: string;
  pattern: RegExp;
  names: string[];
}

export type RouteMatch = { route: Route; params: Record<string, string> } | { methodNotAllowed: string[] } | undefined;

export const ALLOCATION_PATH = '/projects/{project}/allocations/{allocation}';
export const PAYLOAD_PATH = `${ALLOCATION_PATH}/payloads/{payload}`;

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function compileRoutes(prefix: string, defs: RouteDef[]): Route[] {
  return defs.map((def) => {
    const template = prefix + def.path;
    const names: string[] = [];
    const source = template.split(/(\{[a-z_]+\})/).map((part) => {
      const name = /^\{([a-z_]+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return '([^/]+)';
    }).join('');
    return { ...def, key: `${def.method} ${template}`, pattern: new RegExp(`^${source}/?$`), names };
  });
}

export function matchRoute(routes: Route[], method: string, pathname: string): RouteMatch {
  const allowed: string[] = [];
  for (const route of routes) {
    const m = route.pattern.exec(pathname);
    if (!m) continue;
    if (route.method !== method) {
      allowed.push(route.method);
      continue;
    }
    let params: Record<string, string>;
    try {
      params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(m[i + 1])]));
    } catch {
      continue;
    }
    return { route, params };
  }
  return allowed.length > 0 ? { methodNotAllowed: allowed } : undefined;
}
