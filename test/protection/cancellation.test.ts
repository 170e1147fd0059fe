import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.ts';
import { startStack } from '../helpers/stack.ts';

describe('a client that goes away', () => {
  it('is cancellation, logged once at debug level, not an internal error per field', async () => {
    const lines: Array<{ level: number; msg: string }> = [];
    const logger = createLogger('debug', { write: (line: string) => void lines.push(JSON.parse(line)) });
    await using stack = await startStack({ logger });
    // Ten customer lists that never answer: once all ten were taken, every field is waiting upstream.
    await stack.control('waldur', 'POST', 'faults', { path: '^/api/customers/$', hang: true, times: 10 });
    const query = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: customers(first: ${i + 1}) { totalCount }`).join(' ')} }`;
    const leaving = new AbortController();
    const sent = request(stack.url, {
      method: 'POST', signal: leaving.signal,
      headers: { 'content-type': 'application/json', authorization: `Token ${stack.principal('staff').waldurToken}` },
      body: JSON.stringify({ query }),
    }).catch(() => undefined);
    const deadline = Date.now() + 10_000;
    while ((await stack.control('waldur', 'GET', 'faults')).length > 0 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    leaving.abort();
    await sent;
    // The fields fail as their upstream calls are cancelled: wait until the gateway said something about them.
    const said = () => lines.some((l) => l.level >= 50 || l.msg.startsWith('client went away'));
    while (!said() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the other fields' lines, if any, arrive
    expect(lines.map((l) => l.msg)).toContain('client went away; its operation was cancelled');
    expect(lines.filter((l) => l.level >= 50)).toEqual([]);
    expect(lines.filter((l) => l.msg === 'client went away; its operation was cancelled')).toHaveLength(1);
  }, 20_000);
});
