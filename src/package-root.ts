import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Junction's own folder (where its package.json is), found upwards from this file: src/ when run by tsx, dist/src/
 * when built (`npm run build`), so paths to board/dist/ or package.json hold in both.
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'package.json');
    if (existsSync(candidate) && (JSON.parse(readFileSync(candidate, 'utf8')) as { name?: string }).name === 'junction') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json of junction above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}
