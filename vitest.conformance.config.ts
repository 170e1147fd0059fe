import { configDefaults, defineConfig } from 'vitest/config';
import base from './vitest.config.ts';

// The contract-conformance run: checks the upstream requests the main suite recorded (test/helpers/recording.ts).
// It runs after `vitest run` and must not clear the recordings, so it has no globalSetup.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: ['test/conformance/**/*.test.ts'],
    exclude: [...configDefaults.exclude],
    globalSetup: [],
  },
});
