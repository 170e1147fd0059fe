import type { IncomingHttpHeaders } from 'node:http';
import type { QueryParams } from './query-params.ts';

export interface ApiRequest {
  method: string;
  /** The path without the query string, e.g. `/api/projects/`. */
  path: string;
  query: QueryParams;
  headers: IncomingHttpHeaders;
  /** The parsed JSON (or form) body; undefined when the request had none. */
  body: unknown;
  /** `http://<Host header>`: Waldur builds absolute URLs from the request's host. */
  origin: string;
}

export interface ApiResponse {
  status: number;
  /** A JSON value; undefined means an empty body. */
  json?: unknown;
  /** A body that is not JSON (HTML error pages, plain text). */
  text?: string;
  contentType?: string;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): ApiResponse => ({ status, json: body, headers });
export const empty = (status: number, headers?: Record<string, string>): ApiResponse => ({ status, headers });
