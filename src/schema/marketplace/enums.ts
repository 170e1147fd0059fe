import {
  BACKEND_REQUEST_STATES, OFFERING_STATES, ORDER_STATES, ORDER_TYPES, PLAN_UNITS, RESOURCE_STATES, UNKNOWN,
} from '../../resolvers/marketplace/enums.ts';
import { builder } from '../builder.ts';

/** The Waldur enums, each with UNKNOWN for values Waldur may add later (logged, never a failed query). */
function waldurEnum(name: string, description: string, table: Record<string, [string, string]>) {
  const values: Record<string, { value: string; description: string }> = {};
  for (const [key, [value, text]] of Object.entries(table)) values[key] = { value, description: `${text} (Waldur: \`${value}\`)` };
  values.UNKNOWN = { value: UNKNOWN, description: 'A value this version of Junction does not know yet; it is logged. Not accepted as a filter.' };
  return builder.enumType(name, { description, values });
}

export const OrderState = waldurEnum('OrderState', 'Where an order is in its approval and execution lifecycle.', ORDER_STATES);
export const OrderType = waldurEnum('OrderType', 'What an order does to its resource.', ORDER_TYPES);
export const ResourceState = waldurEnum('ResourceState', 'The provisioning state of a marketplace resource.', RESOURCE_STATES);
export const OfferingState = waldurEnum('OfferingState', 'Whether an offering can be ordered.', OFFERING_STATES);
export const PlanUnit = waldurEnum('PlanUnit', 'The period (or quantity) a plan\'s unit price is charged for.', PLAN_UNITS);
export const BackendResourceRequestState = waldurEnum('BackendResourceRequestState', 'The progress of a backend resource request.', BACKEND_REQUEST_STATES);

/** `orderBy` enums: each term ascending and descending, mapped onto Waldur's `o` values. */
export function orderEnum(name: string, description: string, terms: Record<string, [string, string]>) {
  const values: Record<string, { value: string; description: string }> = {};
  for (const [key, [term, text]] of Object.entries(terms)) {
    values[`${key}_ASC`] = { value: term, description: `By ${text}, ascending.` };
    values[`${key}_DESC`] = { value: `-${term}`, description: `By ${text}, descending.` };
  }
  return builder.enumType(name, { description, values });
}
