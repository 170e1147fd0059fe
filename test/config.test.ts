import { describe, expect, it } from 'vitest';
import { ConfigError, ENV_DEFAULTS, loadConfig } from '../src/config.ts';
import { readFileSync } from 'node:fs';

describe('loadConfig', () => {
  it('should apply the documented defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config.port).toBe(4000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.waldurUrl).toBeUndefined();
    expect(config.pollIntervalMs).toBe(2000);
    expect(config.links).toEqual({ offeringUuids: [], trustProjectField: undefined, resourceOfferingTypes: [] });
    expect(config.production).toBe(false);
    expect(Object.isFrozen(config.upstream.waldur)).toBe(true);
  });

  it('should list every problem at once, each with what was expected and received', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', WALDUR_URL: 'ftp://x', LOG_LEVEL: 'loud', SIM_SCAEL: '3', ORCHESTRATION_PATHS: '{"getPayloadz": "/x"}' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      expect.stringContaining('SIM_SCAEL: unknown setting'),
      'PORT: expected an integer from 0 to 65535, received "eighty"',
      expect.stringContaining('LOG_LEVEL: expected one of'),
      'WALDUR_URL: expected an http(s) URL, received "ftp://x"',
      expect.stringContaining('ORCHESTRATION_PATHS: unknown operation "getPayloadz"'),
    ]);
  });

  it('should require the service account when ORCHESTRATION_URL is set', () => {
    expect(() => loadConfig({ ORCHESTRATION_URL: 'http://o.example/api/v0' })).toThrow(/ORCHESTRATION_TOKEN_URL, ORCHESTRATION_CLIENT_ID/);
  });

  it('should report a shared upstream setting once, not once per upstream', () => {
    expect(() => loadConfig({ UPSTREAM_RETRIES: 'many' })).toThrow(ConfigError);
    try {
      loadConfig({ UPSTREAM_RETRIES: 'many' });
    } catch (error) {
      expect((error as ConfigError).problems).toEqual(['UPSTREAM_RETRIES: expected an integer from 0 to 10, received "many"']);
    }
  });

  it('should let a per-upstream timeout override the shared one', () => {
    const config = loadConfig({ UPSTREAM_TIMEOUT_MS: '5000', WALDUR_TIMEOUT_MS: '700' });
    expect(config.upstream.waldur.timeoutMs).toBe(700);
    expect(config.upstream.orchestration.timeoutMs).toBe(5000);
  });

  it('should ask a networked upstream for compressed bodies unless told otherwise, and a loopback one only when told', () => {
    const account = { ORCHESTRATION_TOKEN_URL: 'https://auth.example/token', ORCHESTRATION_CLIENT_ID: 'c', ORCHESTRATION_CLIENT_SECRET: 's', ORCHESTRATION_REFRESH_TOKEN: 'r' };
    const split = loadConfig({ WALDUR_URL: 'https://waldur.example.org/api/', ORCHESTRATION_URL: 'http://127.0.0.1:9000/api/v0', ...account });
    expect([split.upstream.waldur.compression, split.upstream.orchestration.compression]).toEqual([true, false]);
    for (const local of ['http://localhost:8000/api/', 'http://[::1]:8000/api/', 'http://127.0.0.2/api/']) {
      expect(loadConfig({ WALDUR_URL: local }).upstream.waldur.compression, local).toBe(false);
    }
    expect(loadConfig({}).upstream.waldur.compression).toBe(false);
    const forced = loadConfig({ UPSTREAM_COMPRESSION: 'true', WALDUR_URL: 'http://127.0.0.1:8000/api/' });
    expect(forced.upstream.waldur.compression).toBe(true);
    expect(loadConfig({ UPSTREAM_COMPRESSION: 'false', WALDUR_URL: 'https://waldur.example.org/api/' }).upstream.waldur.compression).toBe(false);
    expect(() => loadConfig({ UPSTREAM_COMPRESSION: 'yes' })).toThrow(/UPSTREAM_COMPRESSION: expected true or false/);
  });

  it('should document every variable and its default in the README', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    for (const name of Object.keys(ENV_DEFAULTS)) expect(readme, `README lacks ${name}`).toContain(`\`${name}\``);
  });
});
