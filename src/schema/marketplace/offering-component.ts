import type { OfferingComponent as WaldurComponent } from '../../upstream/waldur/types.ts';
import { builder } from '../builder.ts';

/** A component of an offering (embedded in the offering: never fetched on its own). */
export const OfferingComponent = builder.objectRef<WaldurComponent>('OfferingComponent').implement({
  description: 'A billable or limitable part of an offering, e.g. CPU hours or storage.',
  fields: (t) => ({
    type: t.exposeString('type', { description: 'The component key used in limits and prices, e.g. `cpu`.' }),
    name: t.exposeString('name', { description: 'The display name.' }),
    description: t.exposeString('description', { description: 'What it measures.' }),
    measuredUnit: t.exposeString('measured_unit', { description: 'The unit it is measured in, e.g. `GB`.' }),
    billingType: t.exposeString('billing_type', { description: 'How it is billed: `fixed`, `usage`, `limit`, `one` or `few`.' }),
    minValue: t.exposeInt('min_value', { description: 'The smallest limit an order may request.' }),
    maxValue: t.exposeInt('max_value', { description: 'The largest limit an order may request.' }),
    defaultLimit: t.exposeInt('default_limit', { description: 'The limit used when an order sets none.' }),
    isBoolean: t.exposeBoolean('is_boolean', { description: 'Whether the limit is on/off rather than a number.' }),
  }),
});
