import { djangoNotFoundPage } from '../http/html.ts';
import { QueryParams, rewriteQuery } from '../http/query-params.ts';
import { json, type ApiRequest, type ApiResponse } from '../http/types.ts';

/**
 * Which Waldur the simulator plays (`POST /__sim/profile`). The default is 8.0.5, the version of the vendored
 * OpenAPI document. `7.0.7` plays what that release's source shows (tag 7.0.7 of waldur-mastermind):
 * - `marketplace/filters.py` OfferingFilter has no `uuid_list`: the filter is ignored, the whole list comes back;
 * - `offering_uuid` on resources is a single `django_filters.UUIDFilter`: a comma-separated value answers 400;
 * - `created`/`modified` answer 400 to ISO-8601 values with a `T` (as deployments of 7.x are reported to);
 * - `marketplace/views.py` has no `estimate_renewal`, `renew`, `restore`, `pull`, `set_paused`, `set_downscaled`,
 *   `set_restrict_member_access` actions, and there are no backend resource requests: Django's 404 page.
 * `resultCount: false` leaves `X-Result-Count` out of every answer, which the document allows (it declares no headers).
 */
export interface Profile {
  version: string;
  resultCount: boolean;
}

export const DEFAULT_PROFILE: Profile = { version: '8.0.5', resultCount: true };

const MISSING_IN_7 = [
  /^\/api\/backend-resource-requests\//,
  /^\/api\/marketplace-resources\/[^/]+\/(estimate_renewal|renew|restore|pull|set_paused|set_downscaled|set_restrict_member_access)\/$/,
];

const isLegacy = (profile: Profile) => /^7\./.test(profile.version);

/** What a 7.x Waldur answers before any view runs (a missing route or a refused filter), or undefined. */
export function legacyRefusal(profile: Profile, req: ApiRequest): ApiResponse | undefined {
  if (!isLegacy(profile)) return undefined;
  if (MISSING_IN_7.some((pattern) => pattern.test(req.path))) return { status: 404, text: djangoNotFoundPage(), contentType: 'text/html; charset=utf-8' };
  const errors: Record<string, string[]> = {};
  if (req.path === '/api/marketplace-resources/' && (req.query.last('offering_uuid') ?? '').includes(',')) errors.offering_uuid = ['Enter a valid UUID.'];
  for (const name of ['created', 'modified']) if (req.query.last(name)?.includes('T')) errors[name] = ['Enter a valid date/time.'];
  return Object.keys(errors).length ? json(400, errors) : undefined;
}

/** The request as a 7.x view sees it: filters it does not have are gone. */
export function legacyRequest(profile: Profile, req: ApiRequest): ApiRequest {
  if (!isLegacy(profile) || req.path !== '/api/marketplace-public-offerings/' || !req.query.has('uuid_list')) return req;
  return { ...req, query: new QueryParams(rewriteQuery(req.query.raw, 'uuid_list', null)) };
}

/** The answer's headers under the profile. */
export function profiledResponse(profile: Profile, response: ApiResponse): ApiResponse {
  if (profile.resultCount || !response.headers?.['X-Result-Count']) return response;
  const { 'X-Result-Count': _dropped, ...headers } = response.headers;
  return { ...response, headers };
}
