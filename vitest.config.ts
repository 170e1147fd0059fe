import { createRequire } from 'node:module';
import { configDefaults, defineConfig } from 'vitest/config';

// graphql 16 has no "exports" map: Node resolves it to index.js (CJS), Vite to index.mjs. Without this alias,
// src/ and test/ files would get the .mjs copy while Pothos and Yoga (loaded by Node) get the .js one, and
// graphql's instanceof checks fail with "Cannot use GraphQLObjectType from another module or realm".
const graphqlCjs = createRequire(import.meta.url).resolve('graphql');

export default defineConfig({
  resolve: {
    alias: [{ find: /^graphql$/, replacement: graphqlCjs }],
  },
  test: {
    include: ['test/**/*.test.ts'],
    // test/conformance/ checks what this run recorded: it runs after it, with vitest.conformance.config.ts.
    exclude: [...configDefaults.exclude, 'test/conformance/**'],
    globalSetup: ['test/helpers/recording-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
