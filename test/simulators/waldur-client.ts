import { startWaldurSimulator, type WaldurSimulator, type WaldurSimulatorOptions } from '../../simulators/waldur/index.ts';

export interface Reply<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  /** A principal name, a raw Authorization header value, or null for no header. */
  as?: string | null;
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A Waldur simulator on a loopback port plus a small fetch wrapper that signs requests as a demo principal. */
export async function startTestWaldur(options: WaldurSimulatorOptions = {}) {
  const sim: WaldurSimulator = await startWaldurSimulator({ orderStepMs: 60_000, ...options });
  const token = (name: string) => {
    const principal = sim.principals.find((candidate) => candidate.name === name);
    if (!principal) throw new Error(`no principal ${name}`);
    return principal.waldurToken;
  };
  const principal = (name: string) => sim.principals.find((candidate) => candidate.name === name)!;

  async function call<T = any>(path: string, { as = 'staff', method = 'GET', body, headers = {} }: RequestOptions = {}): Promise<Reply<T>> {
    const authorization = as === null ? undefined : as.includes(' ') ? as : `Token ${token(as)}`;
    const response = await fetch(path.startsWith('http') ? path : `${sim.origin}${path}`, {
      method,
      headers: {
        ...(authorization ? { authorization } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        'accept-language': 'en',
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      redirect: 'manual',
    });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // Not JSON: HTML error pages, plain text, malformed fault bodies.
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }

  async function control(method: string, path: string, body?: unknown) {
    const response = await fetch(`${sim.origin}/__sim/${path}`, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  }

  /** Every item of a list, following pages of 300. */
  async function all<T = any>(path: string, as = 'staff'): Promise<T[]> {
    const items: T[] = [];
    for (let page = 1; ; page++) {
      const separator = path.includes('?') ? '&' : '?';
      const reply = await call<T[]>(`${path}${separator}page_size=300&page=${page}`, { as });
      if (reply.status !== 200) throw new Error(`${path}: HTTP ${reply.status} ${reply.text}`);
      items.push(...reply.body);
      if (items.length >= Number(reply.headers.get('x-result-count'))) return items;
    }
  }

  return { sim, call, control, all, token, principal, close: () => sim.close() };
}

export type TestWaldur = Awaited<ReturnType<typeof startTestWaldur>>;
