import { request } from 'undici';
import type { SpanExporter } from '@opentelemetry/sdk-trace-base';
import { expect } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { createLogger, type Logger } from '../../src/logger.ts';
import { createGateway } from '../../src/server.ts';
import { startSimulators } from '../../simulators/index.ts';
import { createUpstreamRecorder, currentTestFile } from './recording.ts';

export type PrincipalName = 'staff' | 'owner' | 'manager' | 'member' | 'nobody' | 'provider';

export interface LoggedRequest {
  seq: number;
  method: string;
  path: string;
  query: string;
  status: number;
  bytes: number;
  headers: Record<string, string>;
  body: unknown;
}

export interface GraphQLResponse<T = any> {
  data?: T;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, any> }>;
}

export interface StackOptions {
  env?: Record<string, string>;
  sim?: Parameters<typeof startSimulators>[0];
  /** Puts something (e.g. a hold proxy) between the gateway and a simulator's API: returns the origin the gateway uses. */
  via?: (service: 'waldur' | 'orchestration', origin: string) => Promise<string>;
  /** The gateway's logger (default: silent). */
  logger?: Logger;
  /** Turns tracing on, exporting to this (e.g. an InMemorySpanExporter). */
  spanExporter?: SpanExporter;
}

/** Simulators and a gateway on loopback ports, torn down by `await using`. */
export async function startStack({ env = {}, sim = {}, via, logger = createLogger('silent'), spanExporter }: StackOptions = {}) {
  const sims = await startSimulators({ orderStepMs: 60_000, ...sim });
  const routed = async (service: 'waldur' | 'orchestration', url: string) => {
    if (!via) return url;
    const target = new URL(url);
    return new URL(`${target.pathname}${target.search}`, await via(service, target.origin)).toString();
  };
  const config = loadConfig({
    PORT: '0',
    LOG_LEVEL: 'silent',
    WALDUR_URL: await routed('waldur', sims.waldurUrl),
    ORCHESTRATION_URL: await routed('orchestration', sims.orchestrationUrl),
    ORCHESTRATION_TOKEN_URL: sims.orchestrationTokenUrl,
    ORCHESTRATION_CLIENT_ID: sims.serviceAccount.clientId,
    ORCHESTRATION_CLIENT_SECRET: sims.serviceAccount.clientSecret,
    ORCHESTRATION_REFRESH_TOKEN: sims.serviceAccount.refreshToken,
    LINK_OFFERING_UUIDS: sims.waldur.orchestrationOfferingUuid,
    ...env,
  });
  const origins = { waldur: new URL(sims.waldurUrl).origin, orchestration: new URL(sims.orchestrationUrl).origin };
  // Contract conformance (test/conformance/): every request the gateway sends upstream is recorded.
  const recorder = createUpstreamRecorder({
    origins,
    bases: { waldur: new URL(sims.waldurUrl).pathname, orchestration: new URL(sims.orchestrationUrl).pathname, orchestrationToken: new URL(sims.orchestrationTokenUrl).pathname },
    file: currentTestFile(expect.getState().testPath),
  });
  const gateway = createGateway(config, { logger, spanExporter });
  const url = await gateway.start();
  const principal = (name: PrincipalName) => {
    const found = sims.principals.find((p) => p.name === name);
    if (!found) throw new Error(`no demo principal named ${name}`);
    return found;
  };
  const control = async (base: string, method: string, path: string, body?: unknown) => {
    const response = await request(`${base}/__sim/${path}`, {
      method: method as 'GET',
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const text = await response.body.text();
    return text ? JSON.parse(text) : undefined;
  };
  /** Appends what the simulators logged so far to the recording (before a reset clears it, and at dispose). */
  const record = async () => {
    try {
      const [waldur, orchestration] = await Promise.all([control(origins.waldur, 'GET', 'requests'), control(origins.orchestration, 'GET', 'requests')]);
      recorder.record({ waldur, orchestration });
    } catch (error) {
      recorder.fail(`could not read the simulator request logs: ${(error as Error).message}`);
    }
  };

  return {
    url,
    wsUrl: url.replace(/^http/, 'ws'),
    config,
    sims,
    principal,
    /** Runs one operation as a demo principal (or with explicit headers). */
    async query<T = any>(query: string, variables?: Record<string, unknown>, as: PrincipalName | Record<string, string> = 'staff'): Promise<GraphQLResponse<T>> {
      const headers = typeof as === 'string' ? { authorization: `Token ${principal(as).waldurToken}` } : as;
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.body.json()) as GraphQLResponse<T>;
    },
    /** The upstream requests a simulator received since the last reset. */
    requests: (service: 'waldur' | 'orchestration'): Promise<LoggedRequest[]> => control(origins[service], 'GET', 'requests'),
    resetLogs: async () => {
      await record();
      await control(origins.waldur, 'POST', 'reset');
      await control(origins.orchestration, 'POST', 'reset');
    },
    async control(service: 'waldur' | 'orchestration', method: string, path: string, body?: unknown) {
      if (method.toUpperCase() === 'POST' && path.replace(/\/$/, '') === 'reset') await record();
      return control(origins[service], method, path, body);
    },
    async [Symbol.asyncDispose]() {
      try {
        await gateway.stop();
        await record();
      } finally {
        recorder.close();
        await sims.close();
      }
    },
  };
}

export type Stack = Awaited<ReturnType<typeof startStack>>;
