/** Waldur REST verbs bound to one caller's credentials; the gateway composes them, Waldur decides visibility. */
import { malformedBody } from '../failures.ts';
import type { HttpMethod, UpstreamHttp, UpstreamResponse } from '../http.ts';
import { parseLinkHeader } from '../link-header.ts';
import { countOfOneRowPage, resultCount } from './counts.ts';
import { withLegacyDates } from './legacy-dates.ts';
import { fieldParams, pageParams, waldurPath, waldurUrlFor } from './paths.ts';
import type { Page, User } from './types.ts';

export { publicPlanUrl, waldurPath, waldurUrlFor } from './paths.ts';

type Query = ReadonlyArray<readonly [string, string]>;

export interface WaldurCallerIdentity {
  /** The client's `Authorization` header (`Token …` or `Bearer …`), forwarded as-is. */
  authorization?: string;
  requestId?: string;
  impersonateUserUuid?: string;
  /** Aborting it (the client left) cancels the upstream requests. */
  signal?: AbortSignal;
}

export interface ListOptions {
  query?: Query;
  /** Sparse fieldset; `uuid` is added unless `exactFields`. Omit to get every field. */
  fields?: readonly string[];
  /** Send `fields` as they are: the rows are keyed on nothing (a page shown as it comes). */
  exactFields?: boolean;
  page?: number;
  pageSize?: number;
}

export interface WaldurCaller {
  /** GET `<collection>/` → one page; rejects with a JunctionError (or the abort reason). */
  list<T>(collection: string, options?: ListOptions): Promise<Page<T>>;
  /** GET a paginated sub-resource such as `projects/<uuid>/list_users/` → one page. Build `path` with waldurPath(). */
  listPath<T>(path: string, options?: ListOptions): Promise<Page<T>>;
  /**
   * HEAD `<collection>/?<query>` → `X-Result-Count`. The document declares no headers on HEAD: without one, a
   * one-row GET tells (its `X-Result-Count`, or its `Link` header: `last` names the last page of one-row pages).
   * Null when Waldur gives no way to know.
   */
  count(collection: string, query?: Query): Promise<number | null>;
  /** GET `<collection>/<uuid>/`; an invisible or unknown object rejects with NOT_FOUND. */
  retrieve<T>(collection: string, uuid: string, fields?: readonly string[]): Promise<T>;
  /** GET any path (e.g. the unpaginated `marketplace-public-offerings/<uuid>/plans/`) → its body. Build `path` with waldurPath(). */
  get<T>(path: string, query?: Query): Promise<T>;
  /** GET a path that renders text/plain (`Accept: text/plain`) → its body as text. Build `path` with waldurPath(). */
  getText(path: string): Promise<string>;
  /** POST `<collection>/`; never retried. */
  create<T>(collection: string, body: unknown): Promise<T>;
  /** PUT or PATCH `<collection>/<uuid>/`; never retried. */
  update<T>(collection: string, uuid: string, body: unknown, method: 'PUT' | 'PATCH'): Promise<T>;
  /** DELETE `<collection>/<uuid>/`; never retried. */
  remove(collection: string, uuid: string): Promise<void>;
  /** `<method> <collection>/<uuid>/<action>/`; resolves undefined for an empty body; never retried unless GET. */
  action<T>(collection: string, uuid: string, action: string, body?: unknown, method?: HttpMethod): Promise<T>;
  /** GET `users/me/`: who the forwarded credentials belong to. */
  me(): Promise<User>;
  /** Absolute hyperlink of a collection or object, for Waldur inputs that take URLs. */
  urlFor(collection: string, uuid?: string): string;
}

export interface WaldurClient {
  /** Binds the verbs to a caller; only the allow-listed headers are forwarded. Never throws. */
  as(caller: WaldurCallerIdentity): WaldurCaller;
  urlFor(collection: string, uuid?: string): string;
}

/** Creates the Waldur client over an UpstreamHttp whose base URL ends in `/api/`. */
export function createWaldurClient(http: UpstreamHttp): WaldurClient {
  const urlFor = (collection: string, uuid?: string) => waldurUrlFor(http.baseUrl, collection, uuid);

  return {
    urlFor,
    as(caller) {
      const headers: Record<string, string> = { 'accept-language': 'en' };
      if (caller.authorization) headers.authorization = caller.authorization;
      if (caller.requestId) headers['x-request-id'] = caller.requestId;
      if (caller.impersonateUserUuid) headers['x-impersonated-user-uuid'] = caller.impersonateUserUuid;

      const call = <T>(method: HttpMethod, path: string, query?: Query, json?: unknown): Promise<UpstreamResponse<T>> =>
        http.request<T>({ method, path, query, json, headers, signal: caller.signal, retry: method === 'GET' || method === 'HEAD' });
      // DRF negotiates the renderer: a text/plain-only action answers 406 to `Accept: application/json`.
      const getText = async (path: string): Promise<string> =>
        (await http.request<string>({ method: 'GET', path: waldurPath(path), headers: { ...headers, accept: 'text/plain' }, signal: caller.signal, retry: true, responseType: 'text' })).body;

      const listPath = async <T>(path: string, options: ListOptions = {}): Promise<Page<T>> => {
        const extra = [...fieldParams(options.fields, !options.exactFields), ...pageParams(options.page, options.pageSize)];
        const res = await withLegacyDates(options.query ?? [], (query) => call<T[]>('GET', waldurPath(path), [...query, ...extra]));
        if (!Array.isArray(res.body)) throw malformedBody('waldur', res.status);
        return { items: res.body, total: resultCount(res.headers), links: parseLinkHeader(res.headers.link) };
      };

      return {
        listPath,
        list: (collection, options) => listPath(collection, options),
        async count(collection, query = []) {
          // No `field=`: the documented `*_count` (HEAD) operations do not declare it; page_size=1 keeps the server's work small.
          const res = await withLegacyDates(query, (q) => call('HEAD', waldurPath(collection), [...q, ['page_size', '1']]));
          return resultCount(res.headers) ?? countOfOneRowPage(await listPath(collection, { query, fields: ['uuid'], pageSize: 1 }));
        },
        retrieve: async <T>(collection: string, uuid: string, fields?: readonly string[]) =>
          (await call<T>('GET', waldurPath(collection, uuid), fieldParams(fields))).body,
        get: async <T>(path: string, query?: Query) => (await call<T>('GET', waldurPath(path), query)).body,
        getText,
        create: async <T>(collection: string, body: unknown) => (await call<T>('POST', waldurPath(collection), undefined, body)).body,
        update: async <T>(collection: string, uuid: string, body: unknown, method: 'PUT' | 'PATCH') =>
          (await call<T>(method, waldurPath(collection, uuid), undefined, body)).body,
        async remove(collection, uuid) {
          await call('DELETE', waldurPath(collection, uuid));
        },
        action: async <T>(collection: string, uuid: string, action: string, body?: unknown, method: HttpMethod = 'POST') =>
          (await call<T>(method, waldurPath(collection, uuid, action), undefined, body)).body,
        me: async () => (await call<User>('GET', 'users/me/')).body,
        urlFor,
      };
    },
  };
}
