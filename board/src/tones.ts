/** Colour of a state badge: the same five tones for Waldur and orchestration states (text always says the state too). */
export type Tone = 'ok' | 'busy' | 'warn' | 'bad' | 'idle';

const TONES: Record<string, Tone> = {
  // Waldur resources and orders
  OK: 'ok', DONE: 'ok', CREATING: 'busy', UPDATING: 'busy', TERMINATING: 'busy', EXECUTING: 'busy',
  PENDING_CONSUMER: 'warn', PENDING_PROVIDER: 'warn', PENDING_PROJECT: 'warn', PENDING_START_DATE: 'warn',
  ERRED: 'bad', REJECTED: 'bad', CANCELED: 'idle', TERMINATED: 'idle', UNKNOWN: 'warn',
  // orchestration allocations and payloads
  RUNNING: 'ok', READY: 'ok', RESERVED: 'ok', NEW: 'busy', PREPARING: 'busy', STARTING: 'busy', DRAINING: 'warn',
  UNHEALTHY: 'warn', ERROR: 'bad', DISABLED: 'idle', STOPPED: 'idle', DELETED: 'idle', SHUTDOWN: 'idle',
};

export function badge(state: string | null | undefined): HTMLElement {
  const text = state ?? 'UNKNOWN';
  const element = document.createElement('span');
  element.className = 'badge';
  element.dataset.tone = TONES[text] ?? 'idle';
  element.textContent = text.replaceAll('_', ' ');
  return element;
}

/** `document.createElement` with text and attributes: the board never writes data through innerHTML. */
export function el<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}
