import { currentUser, type Call } from '../api/call.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { customerList } from '../filters/customers.ts';
import { customerFields } from '../serializers/customer.ts';
import { userFields } from '../serializers/user.ts';
import { permissionDenied } from '../http/errors.ts';
import { json } from '../http/types.ts';
import { findCustomer } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

const visibleCustomers = (call: Call) => [...call.store.customers.values()].filter((customer) => call.scope.canSeeCustomer(customer));

/** The current user and the customers (read-only here; create/update/delete are staff-only and not simulated). */
export const directoryRoutes: RouteDefinition[] = [
  { path: '/api/users/me/', methods: { GET: (call) => detailResponse(call, currentUser(call), userFields) } },
  { path: '/api/customers/', methods: { GET: (call) => listResponse(call, visibleCustomers(call), customerList) } },
  { path: '/api/customers/:uuid/', methods: { GET: (call, [uuid]) => detailResponse(call, findCustomer(call, uuid), customerFields) } },
  // `version_detail` (waldur_core/core/views.py): IsAuthenticated and IsStaffOrSupportUser; the version this simulator plays.
  { path: '/api/version/', methods: { GET: (call) => {
    if (!call.scope.seesAll) throw permissionDenied();
    return json(200, { version: call.sim.profile.version });
  } } },
];
