import type { IncomingMessage, ServerResponse } from 'node:http';
import { encodeFor } from '../compression.ts';

export async function readRaw(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `value` is what the log shows (parsed JSON, a form object or null); `invalid` flags unparseable JSON. */
export function parseBody(raw: string, contentType: string | undefined): { value: unknown; invalid: boolean } {
  if (raw.trim() === '') return { value: null, invalid: false };
  if (contentType?.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return { value: Object.fromEntries(new URLSearchParams(raw)), invalid: false };
  }
  try {
    return { value: JSON.parse(raw), invalid: false };
  } catch {
    return { value: null, invalid: true };
  }
}

/** Writes a JSON (or raw text) answer; returns the body size in bytes. */
export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): number {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const bytes = Buffer.byteLength(text);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(bytes), ...headers });
  res.end(text);
  return bytes;
}

/** Like send, compressed when the client asked; returns the body bytes before and after compression. */
export function sendEncoded(res: ServerResponse, status: number, body: unknown, headers: Record<string, string>, acceptEncoding: string | string[] | undefined) {
  const plain = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  const { body: wire, encoding } = encodeFor(acceptEncoding, plain);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(wire.length), ...(encoding && { 'content-encoding': encoding }), ...headers });
  res.end(wire);
  return { bytes: plain.length, wireBytes: wire.length };
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
