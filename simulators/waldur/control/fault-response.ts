import type { ServerResponse } from 'node:http';
import { throttled } from '../http/errors.ts';
import { djangoServerErrorPage, proxyErrorPage } from '../http/html.ts';
import type { ApiResponse } from '../http/types.ts';
import type { Fault } from './faults.ts';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The answer a status-only fault gives: what Django (500), the proxy (502–504) or DRF's throttle (429) would send. */
function defaultAnswer(status: number, retryAfter: number | undefined): ApiResponse {
  if (status === 429) {
    const error = throttled(retryAfter ?? 1);
    return { status, json: error.body, headers: error.headers };
  }
  if (status === 500) return { status, text: djangoServerErrorPage(), contentType: 'text/html; charset=utf-8' };
  if (status >= 502 && status <= 504) return { status, text: proxyErrorPage(status), contentType: 'text/html' };
  return { status, json: { detail: 'Simulated fault.' } };
}

/**
 * Applies a fault. Returns the response to send, 'handled' when the connection was reset or left
 * hanging, or undefined when only a delay applied and the request proceeds normally.
 */
export async function applyFault(fault: Fault, res: ServerResponse): Promise<ApiResponse | 'handled' | undefined> {
  if (fault.delayMs) await sleep(fault.delayMs);
  if (fault.reset) {
    res.socket?.destroy();
    return 'handled';
  }
  if (fault.hang) return 'handled';
  if (fault.trickleMs) {
    trickle(res, fault.trickleMs);
    return 'handled';
  }
  if (fault.malformed) return { status: 200, text: '{"uuid": "3f1c', contentType: 'application/json' };
  if (fault.status === undefined) return undefined;
  const answer: ApiResponse = fault.body === undefined
    ? defaultAnswer(fault.status, fault.retryAfter)
    : typeof fault.body === 'string'
      ? { status: fault.status, text: fault.body, contentType: 'text/plain; charset=utf-8' }
      : { status: fault.status, json: fault.body };
  if (fault.retryAfter !== undefined) answer.headers = { ...answer.headers, 'Retry-After': String(fault.retryAfter) };
  return answer;
}

/** Headers at once, then a space every `everyMs` until the client hangs up: valid JSON whitespace that never ends. */
function trickle(res: ServerResponse, everyMs: number): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  const timer = setInterval(() => res.write(' '), everyMs);
  res.on('close', () => clearInterval(timer));
}
