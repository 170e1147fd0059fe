import type { PriceEstimate as WaldurPriceEstimate } from '../../upstream/waldur/types.ts';
import { builder } from '../builder.ts';

/** Waldur's `billing_price_estimate` of a customer or project. */
export const PriceEstimate = builder.objectRef<WaldurPriceEstimate>('PriceEstimate').implement({
  description: 'A cost estimate for the current month, in the deployment\'s currency.',
  fields: (t) => ({
    total: t.expose('total', { type: 'Decimal', description: 'Estimated total for the whole month.' }),
    current: t.expose('current', { type: 'Decimal', description: 'Cost so far this month.' }),
    tax: t.expose('tax', { type: 'Decimal', description: 'Estimated tax for the whole month.' }),
    taxCurrent: t.expose('tax_current', { type: 'Decimal', description: 'Tax so far this month.' }),
  }),
});
