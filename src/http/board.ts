import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';

/** A demo principal the board offers as a one-click sign-in (embedded mode only). */
export interface DemoPrincipal { name: string; role: string; token: string }

const ASSETS: Record<string, { file: string; type: string }> = {
  '/': { file: 'index.html', type: 'text/html; charset=utf-8' },
  '/board.js': { file: 'board.js', type: 'text/javascript; charset=utf-8' },
  '/board.css': { file: 'board.css', type: 'text/css; charset=utf-8' },
};

/** The page's own rules: its one script and stylesheet from this origin, its API calls to this origin, nothing else. */
const CSP = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/**
 * The operations board at `/` (GraphiQL stays at `/graphql`): the files `npm run build` bundled into board/dist/.
 * Returns false for any other path.
 */
export function createBoard({ dir = new URL('../../board/dist/', import.meta.url), demo = [] as readonly DemoPrincipal[] } = {}) {
  const cache = new Map<string, Buffer>();
  return async function serveBoard(req: IncomingMessage, res: ServerResponse, path: string): Promise<boolean> {
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    if (path === '/board/demo.json') {
      res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify({ principals: demo }));
      return true;
    }
    const asset = ASSETS[path];
    if (!asset) return false;
    let body = cache.get(asset.file);
    if (!body) {
      try {
        body = await readFile(new URL(asset.file, dir));
        cache.set(asset.file, body);
      } catch {
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
        res.end('The operations board is not built: run `npm run build` (GraphiQL is at /graphql).\n');
        return true;
      }
    }
    res.writeHead(200, { 'content-type': asset.type, 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' });
    res.end(req.method === 'HEAD' ? undefined : body);
    return true;
  };
}
