import type { Call } from '../api/call.ts';
import type { ApiResponse } from '../http/types.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
export type Handler = (call: Call, params: string[]) => ApiResponse | Promise<ApiResponse>;

export interface RouteDefinition {
  /** A path with `:name` segments, e.g. `/api/projects/:uuid/add_user/`. */
  path: string;
  methods: Partial<Record<Method, Handler>>;
  /** Public offerings have `permission_classes = []`: anonymous callers are served. */
  anonymous?: boolean;
}

export interface Route extends RouteDefinition {
  pattern: RegExp;
  /** What an `Allow` header lists: the methods plus HEAD with GET, and OPTIONS as DRF always adds it. */
  allowed: string[];
}

export function compileRoutes(definitions: RouteDefinition[]): Route[] {
  return definitions.map((definition) => {
    const methods = Object.keys(definition.methods);
    return {
      ...definition,
      pattern: new RegExp(`^${definition.path.replace(/:[a-z_]+/g, '([^/]+)')}$`),
      allowed: [...methods, ...(methods.includes('GET') ? ['HEAD'] : []), 'OPTIONS'],
    };
  });
}

/** Definitions are tried in order, so literal segments (`suggest_name/`) must precede `:uuid/`. */
export function matchRoute(routes: Route[], path: string): { route: Route; params: string[] } | undefined {
  for (const route of routes) {
    const match = route.pattern.exec(path);
    if (match) return { route, params: match.slice(1).map((part) => decodeURIComponent(part)) };
  }
  return undefined;
}
