/** The only reader of process.env: every setting typed, validated and frozen; every problem listed at once. */

export const ORCHESTRATION_OPERATIONS = [
  'listAllocations', 'createAllocation', 'getAllocation', 'updateAllocation', 'deleteAllocation',
  'setAllocationEnabled', 'updateAllocationImage', 'listPayloads', 'getPayload', 'deletePayload',
  'setPayloadLabel', 'setPayloadAnnotation', 'listArtefacts', 'getArtefact', 'createReservation',
  'deleteReservation',
] as const;
export type OrchestrationOperation = (typeof ORCHESTRATION_OPERATIONS)[number];

export interface UpstreamSettings {
  timeoutMs: number;
  retries: number;
  connections: number;
  /** The breaker opens when more than this percentage of the calls in the window failed… */
  breakerFailurePercent: number;
  breakerWindowMs: number;
  /** …and the window holds at least this many calls. */
  breakerMinCalls: number;
  breakerResetMs: number;
  /** Ask for gzip/br bodies (decoded by upstream/content-encoding.ts). */
  compression: boolean;
}

/**
 * How a Waldur project is linked to an orchestration project (ARCHITECTURE.md "Credentials and access"). By default
 * only by what the service provider records: the backend_id of a resource of one of `offeringUuids`. The project's
 * own field (`trustProjectField`) is an opt-in: anyone allowed to update a project can write it in Waldur.
 */
export interface LinkSettings {
  /** Waldur offerings (hex uuids) whose resources' provider-set backend_id names an orchestration project. */
  offeringUuids: readonly string[];
  /** Opt-in: trust this Waldur project field (e.g. `backend_id`) instead; safe only where it is staff-only. */
  trustProjectField: string | undefined;
  resourceOfferingTypes: readonly string[];
}

export interface Config {
  port: number;
  host: string;
  production: boolean;
  /** Whether `__schema`/`__type` may be queried: on in development (GraphiQL needs it), off in production unless set. */
  introspection: boolean;
  /** Origins allowed to call with CORS (credentials included); empty = no cross-origin browser access. */
  corsOrigins: readonly string[];
  logLevel: string;
  waldurUrl: string | undefined;
  orchestrationUrl: string | undefined;
  orchestration: {
    tokenUrl: string | undefined;
    clientId: string | undefined;
    clientSecret: string | undefined;
    refreshToken: string | undefined;
    paths: Partial<Record<OrchestrationOperation, string>>;
  };
  upstream: { waldur: UpstreamSettings; orchestration: UpstreamSettings };
  links: LinkSettings;
  redisUrl: string | undefined;
  pollIntervalMs: number;
  /** gzip JSON answers for clients that accept it. */
  compressResponses: boolean;
  /** Queries and mutations run compiled by graphql-jit (http/jit.ts); false: graphql-js interprets every request. */
  compiledExecution: boolean;
  limits: { maxDepth: number; maxCost: number; maxAliases: number; maxTokens: number; bodyLimitBytes: number; maxWatchedPerCaller: number; maxNodeIds: number };
  /** Operations: tracing (off without an endpoint), trusted documents, federation subgraph mode. */
  telemetry: { otlpEndpoint: string | undefined; serviceName: string };
  trustedDocuments: { manifest: string | undefined; persistedOnly: boolean };
  /** Serve the Federation v2 subgraph schema instead of the plain one. */
  federation: boolean;
  simulator: { waldurPort: number; orchestrationPort: number; latencyMs: number; scale: number; seed: number; orderStepMs: number };
}

/** Every variable Junction reads, with its default (undefined = unset). The README table mirrors this list. */
export const ENV_DEFAULTS = {
  PORT: '4000', HOST: '127.0.0.1', NODE_ENV: 'development', LOG_LEVEL: 'info', INTROSPECTION: undefined, CORS_ORIGINS: '',
  WALDUR_URL: undefined, ORCHESTRATION_URL: undefined, ORCHESTRATION_TOKEN_URL: undefined,
  ORCHESTRATION_CLIENT_ID: undefined, ORCHESTRATION_CLIENT_SECRET: undefined, ORCHESTRATION_REFRESH_TOKEN: undefined,
  ORCHESTRATION_PATHS: '{}',
  UPSTREAM_TIMEOUT_MS: '10000', UPSTREAM_RETRIES: '2', UPSTREAM_CONNECTIONS: '32',
  UPSTREAM_BREAKER_FAILURE_PERCENT: '50', UPSTREAM_BREAKER_WINDOW_MS: '10000', UPSTREAM_BREAKER_MIN_CALLS: '20',
  UPSTREAM_BREAKER_RESET_MS: '10000', UPSTREAM_COMPRESSION: undefined, COMPRESS_RESPONSES: 'true', COMPILED_EXECUTION: 'true',
  WALDUR_TIMEOUT_MS: undefined, ORCHESTRATION_TIMEOUT_MS: undefined,
  LINK_OFFERING_UUIDS: '', LINK_TRUST_PROJECT_FIELD: undefined, LINK_RESOURCE_OFFERING_TYPES: '',
  REDIS_URL: undefined, POLL_INTERVAL_MS: '2000',
  MAX_DEPTH: '12', MAX_COST: '50000', MAX_ALIASES: '30', MAX_TOKENS: '3000', BODY_LIMIT_BYTES: '102400', MAX_WATCHED_PER_CALLER: '200', MAX_NODE_IDS: '100',
  OTEL_EXPORTER_OTLP_ENDPOINT: undefined, OTEL_SERVICE_NAME: 'junction',
  TRUSTED_DOCUMENTS: undefined, PERSISTED_ONLY: 'false', FEDERATION: 'false',
  SIM_WALDUR_PORT: '0', SIM_ORCHESTRATION_PORT: '0', SIM_LATENCY_MS: '0', SIM_SCALE: '1', SIM_SEED: '1',
  SIM_ORDER_STEP_MS: '3000',
} as const satisfies Record<string, string | undefined>;

type EnvName = keyof typeof ENV_DEFAULTS;
const OWNED_PREFIXES = ['WALDUR_', 'ORCHESTRATION_', 'UPSTREAM_', 'LINK_', 'SIM_', 'MAX_', 'JUNCTION_'];

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and validates the environment; throws ConfigError listing every problem found. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const problems: string[] = [];
  const raw = (name: EnvName): string | undefined => {
    const value = env[name];
    return value === undefined || value === '' ? ENV_DEFAULTS[name] : value;
  };
  const int = (name: EnvName, min: number, max: number): number => {
    const text = raw(name) ?? '';
    const value = Number(text);
    if (!/^-?\d+$/.test(text) || value < min || value > max) {
      problems.push(`${name}: expected an integer from ${min} to ${max}, received ${JSON.stringify(text)}`);
      return min;
    }
    return value;
  };
  const bool = (name: EnvName, fallback?: boolean): boolean => {
    const value = raw(name);
    if (value === undefined && fallback !== undefined) return fallback;
    const text = (value ?? '').toLowerCase();
    if (text !== 'true' && text !== 'false') problems.push(`${name}: expected true or false, received ${JSON.stringify(value)}`);
    return text === 'true';
  };
  const url = (name: EnvName): string | undefined => {
    const text = raw(name);
    if (text === undefined) return undefined;
    try {
      const parsed = new URL(text);
      if (!/^https?:$/.test(parsed.protocol)) throw new Error('scheme');
      return text.endsWith('/') ? text : `${text}/`;
    } catch {
      problems.push(`${name}: expected an http(s) URL, received ${JSON.stringify(text)}`);
      return undefined;
    }
  };

  for (const name of Object.keys(env)) {
    if (name === 'LINK_PROJECT_FIELD') {
      problems.push('LINK_PROJECT_FIELD: removed, because a customer owner can write a project\'s backend_id in Waldur; link through the '
        + 'provider\'s resources with LINK_OFFERING_UUIDS, or opt in with LINK_TRUST_PROJECT_FIELD where that field is staff-only (README "Access")');
    } else if (OWNED_PREFIXES.some((p) => name.startsWith(p)) && !(name in ENV_DEFAULTS)) {
      problems.push(`${name}: unknown setting (known: ${Object.keys(ENV_DEFAULTS).filter((k) => k.startsWith(name.split('_')[0] + '_')).join(', ')})`);
    }
  }

  // `all:` defaults, read once, with per-upstream overrides (the Apollo Router shape).
  const shared: UpstreamSettings = {
    timeoutMs: int('UPSTREAM_TIMEOUT_MS', 1, 600_000),
    retries: int('UPSTREAM_RETRIES', 0, 10),
    connections: int('UPSTREAM_CONNECTIONS', 1, 1024),
    breakerFailurePercent: int('UPSTREAM_BREAKER_FAILURE_PERCENT', 1, 99),
    breakerWindowMs: int('UPSTREAM_BREAKER_WINDOW_MS', 1000, 3_600_000),
    breakerMinCalls: int('UPSTREAM_BREAKER_MIN_CALLS', 1, 100_000),
    breakerResetMs: int('UPSTREAM_BREAKER_RESET_MS', 100, 3_600_000),
    compression: false,
  };
  const compression = raw('UPSTREAM_COMPRESSION') === undefined ? undefined : bool('UPSTREAM_COMPRESSION');
  // Unset: compress across a network, where it saves 59–87 % of the bytes, not over loopback, where it only costs
  // CPU at both ends (README, UPSTREAM_COMPRESSION). Embedded simulators (no URL) are on loopback.
  const upstream = (override: EnvName, base: EnvName): UpstreamSettings => ({
    ...shared,
    timeoutMs: env[override] ? int(override, 1, 600_000) : shared.timeoutMs,
    compression: compression ?? isAcrossNetwork(raw(base)),
  });

  const config: Config = {
    port: int('PORT', 0, 65535),
    host: raw('HOST') ?? '127.0.0.1',
    production: raw('NODE_ENV') === 'production',
    introspection: bool('INTROSPECTION', raw('NODE_ENV') !== 'production'),
    corsOrigins: corsOrigins(raw('CORS_ORIGINS') ?? '', problems),
    logLevel: logLevel(raw('LOG_LEVEL') ?? 'info', problems),
    waldurUrl: url('WALDUR_URL'),
    orchestrationUrl: url('ORCHESTRATION_URL')?.replace(/\/$/, ''),
    orchestration: {
      tokenUrl: url('ORCHESTRATION_TOKEN_URL')?.replace(/\/$/, ''),
      clientId: raw('ORCHESTRATION_CLIENT_ID'),
      clientSecret: raw('ORCHESTRATION_CLIENT_SECRET'),
      refreshToken: raw('ORCHESTRATION_REFRESH_TOKEN'),
      paths: orchestrationPaths(raw('ORCHESTRATION_PATHS') ?? '{}', problems),
    },
    upstream: { waldur: upstream('WALDUR_TIMEOUT_MS', 'WALDUR_URL'), orchestration: upstream('ORCHESTRATION_TIMEOUT_MS', 'ORCHESTRATION_URL') },
    links: {
      offeringUuids: uuidList('LINK_OFFERING_UUIDS', raw('LINK_OFFERING_UUIDS') ?? '', problems),
      trustProjectField: raw('LINK_TRUST_PROJECT_FIELD')?.trim() || undefined,
      resourceOfferingTypes: (raw('LINK_RESOURCE_OFFERING_TYPES') ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    },
    compressResponses: bool('COMPRESS_RESPONSES'),
    compiledExecution: bool('COMPILED_EXECUTION'),
    redisUrl: raw('REDIS_URL'),
    pollIntervalMs: int('POLL_INTERVAL_MS', 50, 3_600_000),
    limits: {
      maxDepth: int('MAX_DEPTH', 2, 100),
      maxCost: int('MAX_COST', 10, 10_000_000),
      maxAliases: int('MAX_ALIASES', 1, 1000),
      maxTokens: int('MAX_TOKENS', 50, 1_000_000),
      bodyLimitBytes: int('BODY_LIMIT_BYTES', 1024, 100 * 1024 * 1024),
      maxWatchedPerCaller: int('MAX_WATCHED_PER_CALLER', 1, 100_000),
      maxNodeIds: int('MAX_NODE_IDS', 1, 10_000),
    },
    telemetry: { otlpEndpoint: url('OTEL_EXPORTER_OTLP_ENDPOINT'), serviceName: raw('OTEL_SERVICE_NAME') ?? 'junction' },
    trustedDocuments: { manifest: raw('TRUSTED_DOCUMENTS'), persistedOnly: bool('PERSISTED_ONLY') },
    federation: bool('FEDERATION'),
    simulator: {
      waldurPort: int('SIM_WALDUR_PORT', 0, 65535),
      orchestrationPort: int('SIM_ORCHESTRATION_PORT', 0, 65535),
      latencyMs: int('SIM_LATENCY_MS', 0, 60_000),
      scale: int('SIM_SCALE', 1, 1000),
      seed: int('SIM_SEED', 0, 2 ** 31),
      orderStepMs: int('SIM_ORDER_STEP_MS', 10, 3_600_000),
    },
  };

  if (config.orchestrationUrl) {
    const missing = (['ORCHESTRATION_TOKEN_URL', 'ORCHESTRATION_CLIENT_ID', 'ORCHESTRATION_CLIENT_SECRET', 'ORCHESTRATION_REFRESH_TOKEN'] as const)
      .filter((name) => !raw(name));
    if (missing.length) problems.push(`ORCHESTRATION_URL is set, so the service account is needed too: set ${missing.join(', ')}`);
  }
  if (config.trustedDocuments.persistedOnly && !config.trustedDocuments.manifest) {
    problems.push('PERSISTED_ONLY=true needs TRUSTED_DOCUMENTS: the path of a manifest of {"<hash>": "<document>"}');
  }
  if (problems.length) throw new ConfigError(problems);
  return deepFreeze(config);
}

/** Whether a base URL names another machine: not a loopback address nor `localhost` (RFC 6761); unset is embedded. */
function isAcrossNetwork(base: string | undefined): boolean {
  if (base === undefined || !URL.canParse(base)) return false;
  const host = new URL(base).hostname.toLowerCase();
  return !(host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host));
}

function corsOrigins(text: string, problems: string[]): string[] {
  const origins = text.split(',').map((s) => s.trim()).filter(Boolean);
  for (const origin of origins) {
    if (!URL.canParse(origin) || new URL(origin).origin !== origin) {
      problems.push(`CORS_ORIGINS: expected comma-separated origins like "https://app.example.org" (scheme, host, port; no path), received ${JSON.stringify(origin)}`);
    }
  }
  return origins;
}

/** Comma-separated Waldur uuids, dashed or not, as lower-case hex. */
function uuidList(name: string, text: string, problems: string[]): string[] {
  const items = text.split(',').map((item) => item.trim()).filter(Boolean);
  const hex = items.map((item) => item.replace(/-/g, '').toLowerCase());
  const bad = items.filter((_item, i) => !/^[0-9a-f]{32}$/.test(hex[i]));
  if (bad.length) problems.push(`${name}: expected comma-separated Waldur uuids, received ${bad.map((b) => JSON.stringify(b)).join(', ')}`);
  return [...new Set(hex)];
}

function logLevel(value: string, problems: string[]): string {
  const levels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
  if (!levels.includes(value)) problems.push(`LOG_LEVEL: expected one of ${levels.join(', ')}, received ${JSON.stringify(value)}`);
  return value;
}

function orchestrationPaths(text: string, problems: string[]): Partial<Record<OrchestrationOperation, string>> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    problems.push(`ORCHESTRATION_PATHS: expected a JSON object, received ${JSON.stringify(text)}`);
    return {};
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    problems.push(`ORCHESTRATION_PATHS: expected a JSON object of operation → path template, received ${text}`);
    return {};
  }
  const paths: Partial<Record<OrchestrationOperation, string>> = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(ORCHESTRATION_OPERATIONS as readonly string[]).includes(key)) {
      problems.push(`ORCHESTRATION_PATHS: unknown operation ${JSON.stringify(key)} (known: ${ORCHESTRATION_OPERATIONS.join(', ')})`);
    } else if (typeof value !== 'string' || !value.startsWith('/')) {
      problems.push(`ORCHESTRATION_PATHS.${key}: expected a path template starting with "/", received ${JSON.stringify(value)}`);
    } else {
      paths[key as OrchestrationOperation] = value;
    }
  }
  return paths;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}
