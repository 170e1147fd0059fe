import { readFileSync } from 'node:fs';
import { DockerfileParser } from 'dockerfile-ast';
import { validate } from 'dockerfile-utils';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ENV_DEFAULTS } from '../../src/config.ts';

// No container engine runs here: the Dockerfile is linted (dockerfile-utils, the validator of the Docker
// language server) and its required properties are checked on its syntax tree, in every CI run.
const root = new URL('../../', import.meta.url);
const dockerfileText = readFileSync(new URL('Dockerfile', root), 'utf8');
const dockerfile = DockerfileParser.parse(dockerfileText);
const stages = dockerfile.getFROMs();
const instructions = dockerfile.getInstructions();
const final = instructions.slice(instructions.indexOf(stages.at(-1)!));
const args = (keyword: string, from = instructions) => from.filter((i) => i.getKeyword() === keyword).map((i) => i.getRawArgumentsContent() ?? '');

describe('the Dockerfile', () => {
  it('should pass the Dockerfile linter without a diagnostic', () => {
    expect(validate(dockerfileText).map((d) => `line ${d.range.start.line + 1}: ${d.message}`)).toEqual([]);
  });

  it('should build in stages on a Node LTS image and run compiled JavaScript from a production install', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const nodeVersion = args('ARG').find((a) => a.startsWith('NODE_VERSION='))?.split('=')[1];
    expect(Number(nodeVersion) % 2, 'an even Node major (an LTS line)').toBe(0);
    expect(Number(nodeVersion)).toBeGreaterThanOrEqual(24);
    for (const from of stages) expect(from.getImageName()).toBe('node');
    expect(args('RUN').some((a) => a.includes('npm run build'))).toBe(true);
    expect(args('RUN').some((a) => /npm ci\b.*--omit=dev/.test(a))).toBe(true);
    expect(args('CMD', final).join(' ')).toMatch(/"node", "dist\/src\/main\.js"/);
    const copies = final.filter((i) => i.getKeyword() === 'COPY').map((i) => i.getTextContent());
    expect(copies.some((c) => c.includes('--from=build') && c.includes('/app/dist'))).toBe(true);
    expect(copies.some((c) => c.includes('--from=production-deps') && c.includes('node_modules'))).toBe(true);
  });

  it('should run as a non-root user with a HEALTHCHECK on /healthz', () => {
    expect(args('USER', final)).toEqual(['node']);
    const healthchecks = args('HEALTHCHECK', final);
    expect(healthchecks).toHaveLength(1);
    expect(healthchecks[0]).toContain('/healthz');
    expect(args('ENV', final).join(' ')).toMatch(/NODE_ENV=production/);
  });
});

describe('compose.yaml', () => {
  const compose = parseYaml(readFileSync(new URL('compose.yaml', root), 'utf8'), { merge: true }) as {
    services: Record<string, { image?: string; environment?: Record<string, string>; depends_on?: Record<string, unknown>; ports?: string[] }>;
  };

  it('should run Redis and two gateway replicas in cluster mode against configured upstreams', () => {
    const gateways = Object.entries(compose.services).filter(([, s]) => s.image?.startsWith('junction'));
    expect(gateways).toHaveLength(2);
    expect(compose.services.redis.image).toMatch(/^redis:/);
    for (const [, service] of gateways) {
      expect(service.depends_on).toHaveProperty('redis');
      expect(service.environment?.REDIS_URL).toBe('redis://redis:6379/0');
      for (const name of ['WALDUR_URL', 'ORCHESTRATION_URL', 'ORCHESTRATION_TOKEN_URL', 'ORCHESTRATION_CLIENT_ID', 'ORCHESTRATION_CLIENT_SECRET', 'ORCHESTRATION_REFRESH_TOKEN']) {
        expect(service.environment?.[name], name).toMatch(new RegExp(`^\\$\\{${name}:\\?`)); // required: compose refuses to start without it
      }
      for (const name of Object.keys(service.environment ?? {})) expect(ENV_DEFAULTS, `${name} is a Junction setting`).toHaveProperty(name);
    }
    expect(new Set(gateways.map(([, s]) => s.ports?.[0]))).toEqual(new Set(['4001:4000', '4002:4000']));
  });
});
