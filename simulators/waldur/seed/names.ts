/** Word lists for readable, deterministic demo names. */

export const GREEK = [
  'alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa', 'lambda', 'mu',
  'nu', 'xi', 'omicron', 'pi', 'rho', 'sigma', 'tau', 'upsilon', 'phi', 'chi', 'psi', 'omega',
] as const;

export const CUSTOMER_PREFIXES = [
  'Aurora', 'Borealis', 'Cascade', 'Dynamo', 'Ember', 'Fjord', 'Granite', 'Harbor', 'Indigo', 'Juniper',
  'Kestrel', 'Lumen', 'Meridian', 'Nimbus', 'Obsidian', 'Polaris', 'Quartz', 'Riverbend', 'Summit', 'Tundra',
] as const;

export const CUSTOMER_SUFFIXES = [
  'Labs', 'Research Institute', 'Analytics', 'Studios', 'University', 'Games', 'Systems', 'Collective',
] as const;

export const PROJECT_THEMES = [
  'Climate modelling', 'Genome assembly', 'Matchmaking', 'Esports league', 'Render farm', 'Course 101',
  'Fluid dynamics', 'Player telemetry', 'Translation memory', 'Robotics lab', 'Archive digitisation', 'Load testing',
] as const;

export const FIRST_NAMES = [
  'Ada', 'Boris', 'Chen', 'Dana', 'Eero', 'Farah', 'Gustav', 'Hana', 'Ivan', 'Jonas', 'Kaisa', 'Liis',
  'Marek', 'Nora', 'Oskar', 'Priya', 'Quentin', 'Rasmus', 'Siiri', 'Tomas', 'Uma', 'Viktor', 'Wen', 'Yara',
] as const;

export const LAST_NAMES = [
  'Tamm', 'Saar', 'Kask', 'Mets', 'Lepp', 'Rebane', 'Ilves', 'Kukk', 'Pärn', 'Koppel', 'Org', 'Vaher',
] as const;

export const RESOURCE_WORDS = [
  'aurora', 'basalt', 'comet', 'drift', 'echo', 'flare', 'glacier', 'halo', 'ion', 'jetty', 'kite', 'lagoon',
  'maple', 'nebula', 'orbit', 'pebble', 'quill', 'ridge', 'spruce', 'tide', 'umber', 'vale', 'willow', 'zephyr',
] as const;

export const COUNTRIES = ['EE', 'FI', 'SE', 'DE', 'NL', 'NO'] as const;

export function slugify(text: string): string {
  return text.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 50);
}
