import { startOrchestrationSimulator, type OrchestrationSimulator, type OrchestrationSimulatorOptions } from '../../simulators/orchestration/index.ts';

/** Shared set-up for the orchestration simulator tests: a simulator on port 0, a service-account token, small fetch helpers. */
export const PROJECT = 'alpha-beta-123456';
export const OTHER_PROJECT = 'gamma-delta-654321';
export const ALLOCATIONS = [1, 2, 3, 4, 5].map((i) => ({ id: `1a2b3c4d-1a2b-4c4d-8e6f-00000000000${i}`, name: `arena-${i}` }));
export const OTHER_ALLOCATION = { id: '9f8e7d6c-1a2b-4c4d-8e6f-000000000009', name: 'siege-eu' };
export const STEP_MS = 60_000;

export const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export interface Reply { status: number; body: any; headers: Headers }

export interface TestSim {
  sim: OrchestrationSimulator;
  token: string;
  api(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  control(method: string, path: string, body?: unknown): Promise<Reply>;
  fetchToken(): Promise<string>;
  allocationPath(allocationId?: string, project?: string): string;
  payloads(allocationId?: string, project?: string): Promise<any[]>;
  close(): Promise<void>;
}

async function toReply(res: Response): Promise<Reply> {
  const text = await res.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch { /* keep the raw text */ }
  return { status: res.status, body, headers: res.headers };
}

// A long step keeps real time from ever completing a tick during a test; tests move the clock themselves.
export async function startTestSim(overrides: Partial<OrchestrationSimulatorOptions> = {}): Promise<TestSim> {
  const sim = await startOrchestrationSimulator({
    seed: 42, stepMs: STEP_MS, autoReady: false,
    // Tests move the clock by hours; auth tests shorten this again.
    serviceAccount: { clientId: 'test-client', clientSecret: 'test-secret', refreshToken: 'test-refresh', accessTokenTtlSeconds: 365 * 86_400 },
    projects: [{ projectId: PROJECT, allocations: ALLOCATIONS }, { projectId: OTHER_PROJECT, allocations: [OTHER_ALLOCATION] }],
    userTokens: [
      { token: 'user-alpha', name: 'alice', projects: [PROJECT] },
      { token: 'user-all', name: 'root', projects: '*' },
    ],
    ...overrides,
  });
  const fetchToken = async () => {
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: sim.serviceAccount.refreshToken, client_id: sim.serviceAccount.clientId, client_secret: sim.serviceAccount.clientSecret });
    const res = await fetch(sim.tokenUrl, { method: 'POST', body: form });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const t: TestSim = {
    sim,
    token: await fetchToken(),
    fetchToken,
    api: async (method, path, body, headers = {}) => toReply(await fetch(sim.url + path, {
      method,
      headers: { authorization: `Bearer ${t.token}`, ...(body !== undefined && { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    })),
    control: async (method, path, body) => toReply(await fetch(`${sim.origin}/__sim/${path}`, {
      method, headers: body === undefined ? {} : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    })),
    allocationPath: (allocationId = ALLOCATIONS[0].id, project = PROJECT) => `/projects/${project}/allocations/${allocationId}`,
    payloads: async (allocationId, project) => (await t.api('GET', `${t.allocationPath(allocationId, project)}/payloads`)).body.results,
    close: () => sim.close(),
  };
  return t;
}

export const statesOf = (payloads: any[]) => payloads.map((p) => p.status.state).sort();
