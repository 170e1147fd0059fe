import { enumOut, PLAN_UNITS } from '../../resolvers/marketplace/enums.ts';
import { decimal } from '../../resolvers/marketplace/order.ts';
import * as resolve from '../../resolvers/marketplace/offering.ts';
import type { PlanRow } from '../../resolvers/marketplace/offering.ts';
import { uuidOf } from '../../resolvers/marketplace/row-uuid.ts';
import { builder } from '../builder.ts';
import { PlanUnit } from './enums.ts';
import { Offering } from './offering.ts';
import { alwaysLink, reads, UUID_DESCRIPTION } from './reads.ts';

/** A public plan of an offering; read through its offering's `plans` (Waldur cannot field-restrict them). */
export const Plan = builder.objectRef<PlanRow>('Plan');

builder.node(Plan, {
  description: 'A price plan of an offering: a unit price per period plus per-component prices.',
  id: {
    description: 'The global Relay id of this Plan (base64 of "Plan:<offering uuid>.<plan uuid>"); pass it to `node(id:)`.',
    resolve: resolve.planKey,
    extensions: reads('uuid', 'offering_uuid'),
    parse: (key: string) => { resolve.parsePlanKey(key); return key; },
  },
  loadWithoutCache: (key, ctx, info) => {
    const { offeringUuid, planUuid } = resolve.parsePlanKey(key);
    return resolve.loadPlan(ctx, info, offeringUuid, planUuid);
  },
  fields: (t) => ({
    uuid: t.string({ nullable: false, description: UUID_DESCRIPTION, extensions: reads('uuid'), resolve: (row) => uuidOf(row, 'Plan') }),
    name: t.exposeString('name', { description: 'The plan name.', extensions: reads('name') }),
    description: t.exposeString('description', { description: 'What the plan includes.', extensions: reads('description') }),
    unit: t.field({ type: PlanUnit, description: 'The period the unit price is charged for.', extensions: reads('unit'), resolve: (p, _a, ctx) => enumOut(ctx, 'PlanUnit', PLAN_UNITS, p.unit) }),
    unitPrice: t.field({ type: 'Decimal', description: 'The price per unit.', extensions: reads('unit_price'), resolve: (p) => decimal(p.unit_price) }),
    initPrice: t.field({ type: 'Decimal', description: 'A one-time price when ordering.', extensions: reads('init_price'), resolve: (p) => decimal(p.init_price) }),
    switchPrice: t.field({ type: 'Decimal', description: 'A one-time price when switching to this plan.', extensions: reads('switch_price'), resolve: (p) => decimal(p.switch_price) }),
    prices: t.expose('prices', { type: 'JSON', description: 'Price per component key, e.g. `{"cpu": 0.5}`.', extensions: reads('prices') }),
    quotas: t.expose('quotas', { type: 'JSON', description: 'Included amount per component key.', extensions: reads('quotas') }),
    archived: t.exposeBoolean('archived', { description: 'Whether the plan is archived (not orderable).', extensions: reads('archived') }),
    isActive: t.exposeBoolean('is_active', { description: 'Whether the plan can be ordered now.', extensions: reads('is_active') }),
    maxAmount: t.exposeInt('max_amount', { description: 'How many resources may use this plan, if limited.', extensions: reads('max_amount') }),
    offering: t.field({
      type: Offering, description: 'The offering this plan belongs to.',
      extensions: alwaysLink({ uuid: 'offering_uuid' }), resolve: resolve.planOffering,
    }),
  }),
});
