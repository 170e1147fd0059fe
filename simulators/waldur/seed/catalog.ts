import type { BillingType, Customer, Offering, OfferingComponent, Plan } from '../model.ts';
import { OFFERING_TYPES } from '../vocabulary.ts';
import { Random } from '../random.ts';
import type { Store } from '../store.ts';
import { DAY, micros } from '../time.ts';
import { slugify } from './names.ts';

type ComponentSpec = [type: string, name: string, unit: string, billing: BillingType, min?: number, max?: number, prepaid?: boolean];
type PlanSpec = [name: string, unit: Plan['unit'], unitPrice: number, prices: Record<string, number>];

interface OfferingSpec {
  name: string;
  type: string;
  category: string;
  provider: 0 | 1;
  state?: Offering['state'];
  components: ComponentSpec[];
  plans: PlanSpec[];
  options?: Offering['options'];
}

const GAME_OPTIONS: Offering['options'] = {
  order: ['region', 'map'],
  options: {
    region: { type: 'select_string', label: 'Region', required: true, choices: ['eu-west', 'us-east', 'ap-south'] },
    map: { type: 'string', label: 'Starting map', required: false },
  },
};

const BASE_CATALOG: OfferingSpec[] = [
  { name: 'Basic support', type: OFFERING_TYPES.basic, category: 'Support', provider: 0,
    components: [['seats', 'Support seats', 'seat', 'fixed', undefined, undefined, true]],
    plans: [['Bronze', 'month', 10, { seats: 2.5 }], ['Silver', 'month', 25, { seats: 2 }]] },
  { name: 'HPC cluster allocation', type: OFFERING_TYPES.slurm, category: 'Compute', provider: 0,
    components: [['cpu', 'CPU hours', 'hours', 'usage'], ['gpu', 'GPU hours', 'hours', 'usage'],
      ['ram', 'RAM', 'GB-hours', 'usage'], ['storage', 'Storage', 'GB', 'limit', 10, 10000]],
    plans: [['Standard', 'month', 0, { cpu: 0.05, gpu: 1.2, ram: 0.01, storage: 0.02 }],
      ['Priority', 'month', 50, { cpu: 0.08, gpu: 1.8, ram: 0.015, storage: 0.02 }]] },
  { name: 'Scripted VM', type: OFFERING_TYPES.script, category: 'Compute', provider: 0,
    components: [['cores', 'Cores', 'cores', 'limit', 1, 64], ['ram', 'RAM', 'GB', 'limit', 1, 512], ['disk', 'Disk', 'GB', 'limit', 10, 4096]],
    plans: [['Small', 'day', 1.5, { cores: 0.2, ram: 0.05, disk: 0.001 }], ['Large', 'day', 4, { cores: 0.18, ram: 0.04, disk: 0.001 }]] },
  { name: 'Game server hosting', type: OFFERING_TYPES.gameServer, category: 'Gaming', provider: 1, options: GAME_OPTIONS,
    components: [['slots', 'Player slots', 'players', 'limit', 2, 128], ['bandwidth', 'Bandwidth', 'GB', 'usage'], ['uptime', 'Uptime', 'hours', 'fixed']],
    plans: [['Casual', 'hour', 0.5, { slots: 0.01, bandwidth: 0.05, uptime: 0 }],
      ['Competitive', 'hour', 1.25, { slots: 0.02, bandwidth: 0.04, uptime: 0 }],
      ['Tournament', 'quantity', 100, { slots: 0, bandwidth: 0.03, uptime: 0 }]] },
  { name: 'Expert support desk', type: OFFERING_TYPES.support, category: 'Support', provider: 0,
    components: [['hours', 'Consulting hours', 'hours', 'usage']],
    plans: [['Pay as you go', 'quantity', 0, { hours: 80 }]] },
  { name: 'Legacy object storage', type: OFFERING_TYPES.basic, category: 'Storage', provider: 0, state: 'Paused',
    components: [['space', 'Space', 'TB', 'limit', 1, 100]],
    plans: [['Archive', 'month', 5, { space: 12 }]] },
];

const EXTRA_TYPES = [OFFERING_TYPES.script, OFFERING_TYPES.basic, OFFERING_TYPES.slurm, OFFERING_TYPES.gameServer];

export function decimal(value: number, places = 10): string {
  return value.toFixed(places);
}

/** The six base offerings, plus one more per extra unit of scale (cloned from a base offering of a cycling type). */
export function seedCatalog(store: Store, seed: number, scale: number, providers: Customer[]): Offering[] {
  const rng = new Random(seed * 7919 + 5);
  const categories = new Map<string, string>();
  const category = (title: string) => categories.get(title) ?? categories.set(title, rng.uuidHex()).get(title)!;
  const specs = [...BASE_CATALOG];
  for (let i = 1; i < scale; i++) {
    const type = EXTRA_TYPES[i % EXTRA_TYPES.length];
    const template = BASE_CATALOG.find((spec) => spec.type === type)!;
    specs.push({ ...template, name: `${template.name} ${i + 1}`, state: 'Active' });
  }

  return specs.map((spec, index) => {
    const uuid = rng.uuidHex();
    const components: OfferingComponent[] = spec.components.map(([type, name, unit, billingType, min, max, prepaid]) => ({
      uuid: rng.uuidHex(), type, name, measuredUnit: unit, billingType,
      minValue: min ?? null, maxValue: max ?? null, defaultLimit: billingType === 'limit' ? min ?? 1 : null,
      ...(prepaid && { isPrepaid: true }),
    }));
    const plans: Plan[] = spec.plans.map(([name, unit, unitPrice, prices]) => ({
      uuid: rng.uuidHex(), offeringUuid: uuid, name, description: `${name} plan of ${spec.name}.`, unit,
      unitPrice: decimal(unitPrice), archived: false,
      prices: Object.fromEntries(Object.entries(prices).map(([key, price]) => [key, decimal(price)])),
      quotas: Object.fromEntries(components.map((component) => [component.type, 0])),
    }));
    const offering: Offering = {
      uuid, name: spec.name, slug: slugify(spec.name), description: `${spec.name} for demo projects.`, type: spec.type,
      state: spec.state ?? 'Active', customerUuid: providers[spec.provider].uuid, categoryUuid: category(spec.category),
      categoryTitle: spec.category, shared: true, billable: true, created: micros('2023-05-01T08:00:00Z') + index * DAY,
      components, plans, options: spec.options ?? { order: [], options: {} }, attributes: {},
    };
    store.addOffering(offering);
    return offering;
  });
}
