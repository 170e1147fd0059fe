import type { IncomingMessage } from 'node:http';
import { ApiError } from './errors.ts';
import { parseQuery } from './query-params.ts';

export async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export interface ParsedBody {
  value: unknown;
  /** DRF raises this when the view first reads request.data; the dispatcher raises it after authentication. */
  error?: ApiError;
}

/** JSON (DRF JSONParser) or form data (FormParser); an empty body is no data. */
export function parseBody(raw: Buffer, contentType: string | undefined): ParsedBody {
  if (raw.length === 0) return { value: undefined };
  const type = (contentType ?? 'application/json').split(';')[0].trim().toLowerCase();
  const text = raw.toString('utf8');
  if (type === 'application/json' || type.endsWith('+json')) {
    try {
      return { value: JSON.parse(text) };
    } catch (error) {
      return { value: undefined, error: new ApiError(400, { detail: `JSON parse error - ${(error as Error).message}` }) };
    }
  }
  if (type === 'application/x-www-form-urlencoded') {
    return { value: Object.fromEntries(parseQuery(text)) };
  }
  return { value: undefined, error: new ApiError(415, { detail: `Unsupported media type "${contentType}" in request.` }) };
}
