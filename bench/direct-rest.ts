/**
 * The DIRECT baseline's REST client: what a hand-written backend-for-frontend uses — undici's keep-alive pools,
 * the caller's own Waldur token and orchestration bearer, `field=` on every Waldur call, JSON parsed once.
 * It asks for compressed bodies when `compressed` (the same switch the gateway gets), decoding them with undici.
 */
import { Agent, interceptors, request, type Dispatcher } from 'undici';

type Json = Record<string, any>;

export interface DirectRest {
  /** GET a Waldur list or object (an object comes back as a one-row list). */
  waldur(path: string, params: Array<[string, string]>, fields?: readonly string[]): Promise<Json[]>;
  waldurWrite(method: 'PATCH' | 'POST', path: string, body: unknown): Promise<Json>;
  /** GET an Orchestration API path (relative to its base, e.g. `projects/P/allocations`). */
  orchestration(path: string, params: Array<[string, string]>): Promise<any>;
}

export interface DirectRestOptions {
  waldurUrl: string;
  orchestrationUrl: string;
  waldurToken: string;
  orchestrationToken: string;
  compressed?: boolean;
}

export function createDirectRest(options: DirectRestOptions): DirectRest {
  const base: Dispatcher = new Agent({ connections: 64 });
  const dispatcher = options.compressed ? base.compose(interceptors.decompress()) : base;
  const accept: Record<string, string> = options.compressed ? { 'accept-encoding': 'gzip, br' } : {};
  const orchestrationBase = options.orchestrationUrl.endsWith('/') ? options.orchestrationUrl : `${options.orchestrationUrl}/`;

  const get = async (url: URL, authorization: string) => {
    const response = await request(url, { dispatcher, headers: { authorization, accept: 'application/json', ...accept } });
    if (response.statusCode >= 300) throw new Error(`direct: ${response.statusCode} from ${url.pathname}`);
    return response.body.json() as Promise<any>;
  };
  return {
    async waldur(path, params, fields = []) {
      const url = new URL(path, options.waldurUrl);
      for (const [k, v] of params) url.searchParams.append(k, v);
      for (const f of fields) url.searchParams.append('field', f);
      const body = await get(url, `Token ${options.waldurToken}`);
      return Array.isArray(body) ? body : [body];
    },
    async waldurWrite(method, path, body) {
      const response = await request(new URL(path, options.waldurUrl), {
        dispatcher, method, body: JSON.stringify(body),
        headers: { authorization: `Token ${options.waldurToken}`, accept: 'application/json', 'content-type': 'application/json', ...accept },
      });
      if (response.statusCode >= 300) throw new Error(`direct: ${response.statusCode} from ${method} ${path}`);
      return response.body.json() as Promise<Json>;
    },
    async orchestration(path, params) {
      const url = new URL(path, orchestrationBase);
      for (const [k, v] of params) url.searchParams.append(k, v);
      return get(url, `Bearer ${options.orchestrationToken}`);
    },
  };
}
