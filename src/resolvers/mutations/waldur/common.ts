/** What every Waldur mutation shares: typed upstream failures, input-named field errors, fresh re-reads. */
import type { Context } from '../../../context.ts';
import { ValidationFailed, withPublicMessageOf, withTypedErrors } from '../typed-errors.ts';

export interface UpstreamStep {
  /** For a timeout: the GraphQL query that tells whether the change was applied. */
  verifyWith?: string;
  /** Waldur field name → input field name, so upstream 400s name the fields the client sent (`customer` → `customerUuid`). */
  fields?: Record<string, string>;
}

/**
 * Runs the upstream part of a mutation (after its input was checked): 400/403/404/405/409 become typed errors,
 * outages stay coded GraphQL errors, and a timeout names the query that tells the truth. Writes are never retried
 * (the upstream layer retries only GET and HEAD).
 */
export async function upstream<T>(run: () => Promise<T>, { verifyWith, fields = {} }: UpstreamStep = {}): Promise<T> {
  try {
    return await withTypedErrors(run, { verifyWith });
  } catch (error) {
    if (!(error instanceof ValidationFailed)) throw error;
    const renamed = error.fields.map((f) => ({ ...f, field: fields[f.field] ?? f.field }));
    const prefix = 'Waldur rejected the input: ';
    const message = error.message.startsWith(prefix) ? `${prefix}${renamed.map((f) => `${f.field}: ${f.message}`).join('; ')}` : error.message;
    throw withPublicMessageOf(error, new ValidationFailed(message, renamed));
  }
}

type Cached = 'Order' | 'Resource' | 'Project';

/**
 * Forgets what this request's loaders hold for an object the mutation just changed, so the success object
 * (and any later mutation of the same operation) reads it again instead of an answer from before the change.
 */
export function forget(ctx: Context, type: Cached, uuid: string): void {
  ctx.loaders.waldur.forget(COLLECTIONS[type], uuid);
}

const COLLECTIONS = { Order: 'marketplace-orders', Resource: 'marketplace-resources', Project: 'projects' } as const;

/** A GraphQL string literal (JSON string syntax is valid GraphQL), for the `verifyWith` queries. */
export const literal = (value: string) => JSON.stringify(value);

/** A time a little before now, as an ISO string without milliseconds: the `createdAfter` of a verify query. */
export function justBefore(): string {
  return new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString().replace('.000Z', 'Z');
}
