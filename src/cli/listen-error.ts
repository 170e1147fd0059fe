/** Node's error for a port it could not bind (EADDRINUSE, EACCES), with the address it tried. */
interface ListenFailure {
  code: string;
  syscall: string;
  port?: number;
  address?: string;
}

function isListenFailure(error: unknown): error is ListenFailure {
  return typeof error === 'object' && error !== null && (error as ListenFailure).syscall === 'listen' && typeof (error as ListenFailure).code === 'string';
}

/**
 * One line naming the port that could not be bound and the variable that moves it, or undefined for any other error.
 * `variables` maps each port Junction tried to bind to the variable that set it.
 */
export function describeListenError(error: unknown, variables: ReadonlyArray<[port: number, variable: string]>): string | undefined {
  if (!isListenFailure(error)) return undefined;
  const where = `${error.address ?? ''}:${error.port ?? '?'}`;
  const variable = variables.find(([port]) => port === error.port)?.[1];
  const fix = variable ? `set ${variable} to a free port (or stop what is listening there)` : 'choose another port';
  if (error.code === 'EADDRINUSE') return `junction: port ${error.port} is already in use (${where}); ${fix}`;
  if (error.code === 'EACCES') return `junction: not allowed to listen on port ${error.port} (${where}); ${fix}`;
  return `junction: cannot listen on ${where} (${error.code}); ${fix}`;
}
