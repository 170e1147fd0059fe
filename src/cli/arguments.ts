/** What `junction …` was asked to do; parsing never exits, so main.ts decides what goes to stdout, stderr and the exit code. */
export type Command =
  | { kind: 'help'; text: string }
  | { kind: 'version' }
  | { kind: 'serve' }
  | { kind: 'simulate'; json: boolean }
  | { kind: 'print-schema'; federation: boolean }
  | { kind: 'print-manifest' }
  | { kind: 'usage-error'; message: string };

export const USAGE = `usage: junction [command] [options]

commands:
  serve            start the gateway (the default); with WALDUR_URL / ORCHESTRATION_URL unset, each missing
                   backend runs as an embedded simulator in the same process
  simulate [--json]  run only the Waldur and Orchestration simulators; --json prints one line with their URLs,
                   principals and service account (through npm: npm run simulate -- --json)
  print-schema [--federation]  print the GraphQL SDL (as committed in schema.graphql); --federation: the
                   subgraph SDL (FEDERATION=true)
  print-manifest   print the GraphiQL examples as a trusted-documents manifest (for TRUSTED_DOCUMENTS)
  help             this text (also -h, --help; "junction COMMAND --help" for one command)
  version          the version (also -v, --version)

Configuration comes from environment variables only; the README lists every one with its default.`;

const SERVE_HELP = `usage: junction serve

Starts the gateway on HOST:PORT (default 127.0.0.1:4000): GraphQL over HTTP, SSE and WebSocket at /graphql,
GraphiQL at the same URL in a browser (not with NODE_ENV=production), /healthz, /readyz and /metrics.
WALDUR_URL and ORCHESTRATION_URL name the backends; each one left unset runs as an embedded simulator
(SIM_* variables), and the banner says which. Stops cleanly on SIGTERM or SIGINT.`;

const SIMULATE_HELP = `usage: junction simulate [--json]

Runs only the two simulators (SIM_WALDUR_PORT, SIM_ORCHESTRATION_PORT, SIM_SCALE, SIM_SEED, SIM_LATENCY_MS,
SIM_ORDER_STEP_MS), validated as "serve" validates them. --json prints one JSON line with the URLs, the demo
principals and the orchestration service account instead of the text summary. Through npm, pass it after "--":
npm run simulate -- --json.`;

const PRINT_SCHEMA_HELP = `usage: junction print-schema [--federation]

Prints the GraphQL SDL of the gateway's schema to stdout (npm run schema:print writes it to schema.graphql);
--federation prints the Apollo Federation subgraph SDL that FEDERATION=true serves.`;

const PRINT_MANIFEST_HELP = `usage: junction print-manifest

Prints the GraphiQL example operations as a trusted-documents manifest ({"<sha256>": "<document>"}) to stdout.`;

const HELP_FLAGS = new Set(['-h', '--help', 'help']);
const VERSION_FLAGS = new Set(['-v', '--version', 'version']);

/**
 * Reads the command line. `npmJson` is npm's own reading of a `--json` given before `--` (`npm run simulate --json`
 * sets npm_config_json and drops the flag), so that spelling works too.
 */
export function parseArguments(argv: readonly string[], { npmJson = false }: { npmJson?: boolean } = {}): Command {
  const [first, ...rest] = argv;
  if (first === undefined) return { kind: 'serve' };
  if (HELP_FLAGS.has(first)) return rest.length === 0 ? { kind: 'help', text: USAGE } : helpFor(rest[0]);
  if (VERSION_FLAGS.has(first)) return { kind: 'version' };
  if (rest.some((arg) => HELP_FLAGS.has(arg) && arg !== 'help')) return helpFor(first);
  const unexpected = (allowed: string[]) => rest.find((arg) => !allowed.includes(arg));
  switch (first) {
    case 'print-schema': {
      const extra = unexpected(['--federation']);
      return extra === undefined ? { kind: 'print-schema', federation: rest.includes('--federation') } : usageError(`"print-schema" accepts only --federation, received "${extra}"`);
    }
    case 'serve':
    case 'print-manifest': {
      const extra = unexpected([]);
      return extra === undefined ? { kind: first } : usageError(`"${first}" takes no arguments, received "${extra}"`);
    }
    case 'simulate': {
      const extra = unexpected(['--json']);
      return extra === undefined ? { kind: 'simulate', json: npmJson || rest.includes('--json') } : usageError(`"simulate" accepts only --json, received "${extra}"`);
    }
    default:
      return usageError(`unknown command "${first}"`);
  }
}

function helpFor(command: string | undefined): Command {
  switch (command) {
    case 'serve': return { kind: 'help', text: SERVE_HELP };
    case 'simulate': return { kind: 'help', text: SIMULATE_HELP };
    case 'print-schema': return { kind: 'help', text: PRINT_SCHEMA_HELP };
    case 'print-manifest': return { kind: 'help', text: PRINT_MANIFEST_HELP };
    default: return usageError(`no help for "${command}": the commands are serve, simulate, print-schema and print-manifest`);
  }
}

function usageError(message: string): Command {
  return { kind: 'usage-error', message: `junction: ${message}\n\n${USAGE}` };
}
