import { JunctionError, type FieldError } from '../../errors.ts';

/** Errors a client is expected to handle: mutations return them as typed objects, not GraphQL errors. */
export class ValidationFailed extends Error {
  constructor(message: string, readonly fields: FieldError[]) {
    super(message);
  }
}

export class Conflict extends Error {
  constructor(message: string, readonly validStates: string[]) {
    super(message);
  }
}

export class NotFound extends Error {}

export class Forbidden extends Error {}

/** Orchestration answered 412 to a reservation: no payload matched any selector. */
export class NoPayloadAvailable extends Error {}

export interface MutationOptions {
  /** For a timeout: the query that tells the client whether the change was applied. */
  verifyWith?: string;
}

/**
 * Runs a mutation step and turns the upstream answers a client should branch on into typed errors.
 * Outages (timeouts, 5xx, rate limits) stay coded GraphQL errors: there is nothing typed to say about them,
 * except, for a timeout, which query tells the truth about the outcome.
 */
export async function withTypedErrors<T>(run: () => Promise<T>, { verifyWith }: MutationOptions = {}): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw typed(error, verifyWith);
  }
}

// A property, not a WeakMap: Pothos's errors plugin hands the schema a Proxy of the thrown error.
type WithPublicMessage = Error & { publicMessage?: string };

/** The production wording of a typed error made from an upstream answer whose text is not known to be safe. */
export function publicMessageOf(error: Error): string | undefined {
  return (error as WithPublicMessage).publicMessage;
}

/** Carries the production wording over to an error rebuilt from another (e.g. with renamed fields). */
export function withPublicMessageOf<E extends Error>(source: Error, rebuilt: E): E {
  const text = publicMessageOf(source);
  if (text) (rebuilt as WithPublicMessage).publicMessage = text;
  return rebuilt;
}

function typed(error: unknown, verifyWith: string | undefined): unknown {
  const result = typedFrom(error, verifyWith);
  if (error instanceof JunctionError && error.publicMessage && result instanceof Error && result !== error) (result as WithPublicMessage).publicMessage = error.publicMessage;
  return result;
}

function typedFrom(error: unknown, verifyWith: string | undefined): unknown {
  if (!(error instanceof JunctionError)) return error;
  switch (error.code) {
    case 'BAD_USER_INPUT':
      return new ValidationFailed(error.message, error.fieldErrors ?? [{ field: '_', message: error.message, publicMessage: error.publicMessage }]);
    case 'CONFLICT':
      if (error.status === 412) return new NoPayloadAvailable(error.message);
      return new Conflict(error.message, error.validStates ?? []);
    case 'NOT_FOUND':
      return new NotFound(error.message);
    case 'FORBIDDEN':
      return new Forbidden(error.message);
    case 'UPSTREAM_TIMEOUT':
      return verifyWith
        ? new JunctionError(error.code, `${error.message}. To learn the outcome, query: ${verifyWith}`, { service: error.service, status: error.status, retryable: false, publicMessage: error.publicMessage && `${error.publicMessage}. To learn the outcome, query: ${verifyWith}` })
        : error;
    default:
      return error;
  }
}

/** Collects input problems; `throwIfAny` makes them one ValidationFailed so no upstream call is made. */
export class InputProblems {
  private readonly problems: FieldError[] = [];

  add(field: string, message: string): this {
    this.problems.push({ field, message });
    return this;
  }

  check(condition: boolean, field: string, message: string): this {
    if (!condition) this.add(field, message);
    return this;
  }

  throwIfAny(): void {
    if (this.problems.length) {
      throw new ValidationFailed(`Invalid input: ${this.problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`, this.problems);
    }
  }
}
