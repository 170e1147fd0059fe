/** vitest globalSetup of the main suite: starts every run with an empty recordings directory (see recording.ts). */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { RECORDINGS_ROOT, recordingsDir } from './recording.ts';

const STALE_MS = 24 * 60 * 60 * 1000;

export default function setup(): void {
  const dir = recordingsDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  // Per-run directories of earlier `npm test` runs: kept for a day for inspection, then pruned.
  for (const name of existsSync(RECORDINGS_ROOT) ? readdirSync(RECORDINGS_ROOT) : []) {
    const path = join(RECORDINGS_ROOT, name);
    if (!/^run-/.test(name) || path === dir) continue;
    try {
      if (Date.now() - statSync(path).mtimeMs > STALE_MS) rmSync(path, { recursive: true, force: true });
    } catch {
      // Another run may be pruning it at the same time.
    }
  }
}
