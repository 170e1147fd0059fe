import type { Call } from '../api/call.ts';
import { detailResponse, listResponse } from '../api/listing.ts';
import { normalizeUuid } from '../http/ids.ts';
import { empty, json } from '../http/types.ts';
import { offeringList } from '../filters/offerings.ts';
import { OFFERING_EXTRA_FIELD_NAMES, offeringFields, planJson } from '../serializers/offering.ts';
import { findOffering } from './lookup.ts';
import type { RouteDefinition } from './router.ts';

function planList(call: Call, offeringUuid: string) {
  const offering = findOffering(call, offeringUuid);
  return json(200, offering.plans.map((plan) => planJson(call, offering, plan)));
}

function planDetail(call: Call, offeringUuid: string, planUuid: string) {
  const offering = findOffering(call, offeringUuid);
  const plan = offering.plans.find((candidate) => candidate.uuid === normalizeUuid(planUuid));
  // plan_detail answers a missing plan with a bare 404: no JSON body at all.
  return plan ? json(200, planJson(call, offering, plan)) : empty(404);
}

/** Public offerings are readable by anyone, even anonymously (PublicOfferingViewSet.permission_classes = []). */
export const offeringRoutes: RouteDefinition[] = [
  {
    path: '/api/marketplace-public-offerings/',
    anonymous: true,
    methods: { GET: (call) => listResponse(call, call.store.offerings.values(), offeringList) },
  },
  {
    path: '/api/marketplace-public-offerings/:uuid/',
    anonymous: true,
    methods: { GET: (call, [uuid]) => detailResponse(call, findOffering(call, uuid), offeringFields, OFFERING_EXTRA_FIELD_NAMES) },
  },
  {
    path: '/api/marketplace-public-offerings/:uuid/plans/',
    anonymous: true,
    // Not paginated: a plain array with no X-Result-Count or Link.
    methods: { GET: (call, [uuid]) => planList(call, uuid) },
  },
  {
    path: '/api/marketplace-public-offerings/:uuid/plans/:plan/',
    anonymous: true,
    methods: { GET: (call, [uuid, plan]) => planDetail(call, uuid, plan) },
  },
];
