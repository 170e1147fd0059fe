import type { Call } from '../api/call.ts';
import { links } from '../http/links.ts';
import type { Offering, Resource, User } from '../model.ts';
import { isoDateTime, type Micros } from '../time.ts';

export const dateTime = (value: Micros | null) => isoDateTime(value);

export function userOf(call: Call, uuid: string | null): User | undefined {
  return uuid ? call.store.users.get(uuid) : undefined;
}

export function avatarUrl(call: Call, user: User): string {
  return links.media(call.req.origin, `user_images/${user.username}.png`);
}

export function offeringThumbnail(call: Call, offering: Offering): string {
  return links.media(call.req.origin, `marketplace_service_offering_thumbnails/${offering.slug}.png`);
}

export function categoryIcon(call: Call, offering: Offering): string {
  return links.media(call.req.origin, `marketplace_category_icons/${offering.categoryTitle.toLowerCase()}.svg`);
}

const ZERO = '0.0000000000';

/** billing_price_estimate: the monthly cost of the given resources, from their plans' unit prices. */
export function priceEstimate(call: Call, resources: readonly Resource[]) {
  let total = 0;
  for (const resource of resources) {
    if (resource.state === 'Terminated' || !resource.planUuid) continue;
    total += Number(call.store.plans.get(resource.planUuid)?.unitPrice ?? 0);
  }
  const text = total === 0 ? ZERO : total.toFixed(10);
  return { total: text, current: text, tax: ZERO, tax_current: ZERO };
}

export const COUNTRY_NAMES: Record<string, string> = {
  EE: 'Estonia', FI: 'Finland', SE: 'Sweden', DE: 'Germany', NL: 'Netherlands', NO: 'Norway',
};
