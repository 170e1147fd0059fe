/** `npm run build:board`: bundles the board (one script, one stylesheet, one page) into board/dist/ with esbuild. */
import { copyFile, mkdir } from 'node:fs/promises';
import { build } from 'esbuild';

const root = new URL('./', import.meta.url);
const dist = new URL('dist/', root);

await mkdir(dist, { recursive: true });
await build({
  entryPoints: [new URL('src/main.ts', root).pathname],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  platform: 'browser',
  minify: true,
  sourcemap: false,
  legalComments: 'none',
  outfile: new URL('board.js', dist).pathname,
  logLevel: 'warning',
});
await copyFile(new URL('index.html', root), new URL('index.html', dist));
await copyFile(new URL('styles.css', root), new URL('board.css', dist));
process.stdout.write(`board built into ${dist.pathname}\n`);
