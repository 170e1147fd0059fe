import { ApiError, methodNotAllowed, notAuthenticated } from '../http/errors.ts';
import { djangoNotFoundPage } from '../http/html.ts';
import { json, type ApiRequest, type ApiResponse } from '../http/types.ts';
import { ROUTES } from '../routes/index.ts';
import { matchRoute, type Method } from '../routes/router.ts';
import type { Simulation } from '../simulation.ts';
import { authenticate } from './auth.ts';
import { legacyRefusal, legacyRequest, profiledResponse } from './profile.ts';
import { createCall } from './call.ts';
import { Scope } from './scope.ts';

/**
 * Django's URL resolution (with APPEND_SLASH) and DRF's request cycle: authenticate, check the method,
 * then run the view; API errors become their JSON answers.
 */
export async function dispatch(req: ApiRequest, sim: Simulation, bodyError?: ApiError): Promise<ApiResponse> {
  return profiledResponse(sim.profile, await dispatchAs(legacyRequest(sim.profile, req), sim, bodyError));
}

async function dispatchAs(req: ApiRequest, sim: Simulation, bodyError?: ApiError): Promise<ApiResponse> {
  const refusal = legacyRefusal(sim.profile, req);
  if (refusal) return refusal;
  const matched = matchRoute(ROUTES, req.path);
  if (!matched) {
    if (!req.path.endsWith('/') && matchRoute(ROUTES, `${req.path}/`)) {
      const query = req.query.raw ? `?${req.query.raw}` : '';
      return { status: 301, text: '', contentType: 'text/html; charset=utf-8', headers: { Location: `${req.path}/${query}` } };
    }
    return { status: 404, text: djangoNotFoundPage(), contentType: 'text/html; charset=utf-8' };
  }
  const headers: Record<string, string> = { Allow: matched.route.allowed.join(', ') };
  try {
    const identity = authenticate(req.headers, sim.store);
    if (identity.impersonator) headers['X-impersonator-uuid'] = identity.impersonator.uuid;
    if (!identity.user && !matched.route.anonymous) throw notAuthenticated();
    if (req.method === 'OPTIONS') {
      return json(200, { name: 'Simulated Waldur view', description: '', renders: ['application/json'], parses: ['application/json'] }, headers);
    }
    const handler = matched.route.methods[(req.method === 'HEAD' ? 'GET' : req.method) as Method];
    if (!handler) throw methodNotAllowed(req.method, matched.route.allowed);
    if (bodyError) throw bodyError;
    const call = createCall(req, sim, identity.user, new Scope(sim.store, identity.user));
    const response = await handler(call, matched.params);
    return { ...response, headers: { ...headers, ...response.headers } };
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return json(error.status, error.body, { ...headers, ...error.headers });
  }
}
