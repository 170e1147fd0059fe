import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// ARCHITECTURE.md: main → server → schema → resolvers | subscriptions → context → auth → loaders → upstream → errors | config
const LAYERS: Array<[prefix: string, rank: number]> = [
  ['main.ts', 0], ['server.ts', 1], ['http/', 1.5], ['schema/', 2], ['resolvers/', 3], ['subscriptions/', 3],
  ['context.ts', 4], ['auth/', 5], ['loaders/', 6], ['upstream/', 7], ['errors.ts', 8], ['config.ts', 8], ['logger.ts', 8], ['tracing.ts', 8],
];
const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const SIMULATORS = join(ROOT, 'simulators');
const BOARD = join(ROOT, 'board', 'src');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function importsOf(text: string): string[] {
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|(?:^|\n)\s*import\s+['"]([^'"]+)['"]/g)]
    .map((m) => m[1] ?? m[2] ?? m[3]);
}

function rankOf(srcRelative: string): number | undefined {
  return LAYERS.find(([prefix]) => srcRelative === prefix || srcRelative.startsWith(prefix))?.[1];
}

/** Returns the rule each import of `file` breaks, as readable sentences. */
function violationsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const from = relative(SRC, file);
  const problems: string[] = [];
  for (const spec of importsOf(text)) {
    if (from.startsWith('upstream/') && /^(graphql|@pothos\/|graphql-yoga|graphql-ws)/.test(spec)) {
      problems.push(`${from} imports ${spec}: upstream/ speaks HTTP and DTOs only`);
    }
    if (!spec.startsWith('.')) continue;
    const target = relative(SRC, resolve(dirname(file), spec));
    if (from.startsWith('../board/')) {
      if (!target.startsWith('../board/')) problems.push(`${from.slice(3)} imports ${target}: the board is a client of the GraphQL API and imports nothing from the gateway`);
      continue;
    }
    if (from.startsWith('../simulators/')) {
      if (!target.startsWith('../simulators/')) problems.push(`${from.slice(3)} imports ${target}: simulators import nothing from the gateway`);
      continue;
    }
    if (target.startsWith('../simulators/')) {
      if (from !== 'main.ts') problems.push(`${from} imports ${target.slice(3)}: only main.ts may start the embedded simulators`);
      continue;
    }
    if (target.startsWith('..')) {
      problems.push(`${from} imports ${spec}: src/ never imports test/, bench/ or scripts/`);
      continue;
    }
    if (target === 'schema/index.ts' && from !== 'server.ts') problems.push(`${from} imports schema/index.ts: only server.ts may`);
    const a = rankOf(from);
    const b = rankOf(target);
    if (a === undefined || b === undefined) continue;
    const sameFolder = a === b && (from.split('/')[0] === target.split('/')[0] || (a === 3));
    if (b < a || (b === a && !sameFolder)) problems.push(`${from} imports ${target}: imports must point down the chain in ARCHITECTURE.md`);
  }
  return problems;
}

describe('the dependency rule', () => {
  it('should hold for every file in src/, simulators/ and board/src/', () => {
    const problems = [...filesUnder(SRC), ...filesUnder(SIMULATORS), ...filesUnder(BOARD)].flatMap((file) => violationsOf(file));
    expect(problems).toEqual([]);
  });

  it('should name each kind of broken rule', () => {
    const probe = (path: string, source: string) => violationsOf(join(SRC, path), source);
    expect(probe('upstream/probe.ts', "import { builder } from '../schema/builder.ts';")).toEqual([
      'upstream/probe.ts imports schema/builder.ts: imports must point down the chain in ARCHITECTURE.md',
    ]);
    expect(probe('upstream/probe.ts', "import { GraphQLError } from 'graphql';")[0]).toMatch(/HTTP and DTOs only/);
    const simProbe = (path: string, source: string) => violationsOf(join(SIMULATORS, path), source);
    expect(simProbe('waldur/probe.ts', "import type { Config } from '../../src/config.ts';")[0]).toMatch(/simulators import nothing/);
    expect(simProbe('waldur/probe.ts', "import { store } from '../store.ts';")).toEqual([]);
    const boardProbe = (source: string) => violationsOf(join(BOARD, 'probe.ts'), source);
    expect(boardProbe("import type { Context } from '../../src/context.ts';")[0]).toMatch(/board is a client of the GraphQL API/);
    expect(boardProbe("import { post } from './api.ts';")).toEqual([]);
    expect(probe('server.ts', "import { startSimulators } from '../simulators/index.ts';")[0]).toMatch(/only main.ts/);
    expect(probe('main.ts', "import { startSimulators } from '../simulators/index.ts';")).toEqual([]);
    expect(probe('resolvers/probe.ts', "import { x } from '../../test/helpers/gateway.ts';")[0]).toMatch(/never imports test/);
    expect(probe('schema/probe.ts', "import { x } from '../resolvers/marketplace/project.ts';")).toEqual([]);
  });
});
