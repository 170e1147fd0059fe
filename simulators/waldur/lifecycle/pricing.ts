import type { Offering, Plan } from '../model.ts';

/** The estimated cost of an order: the plan's unit price plus each limit times its component price. */
export function estimateCost(offering: Offering, plan: Plan | undefined, limits: Record<string, number>): string | null {
  if (!plan) return null;
  let total = Number(plan.unitPrice);
  for (const component of offering.components) {
    if (component.billingType !== 'limit') continue;
    total += (limits[component.type] ?? 0) * Number(plan.prices[component.type] ?? 0);
  }
  return total.toFixed(10);
}

export function findPlan(offering: Offering, planUuid: string | null): Plan | undefined {
  return planUuid ? offering.plans.find((plan) => plan.uuid === planUuid) : undefined;
}
