import { ConfigError, loadConfig, type Config } from './config.ts';
import { createLogger } from './logger.ts';
import { createGateway, printManifest, printSchemaSDL, printSubgraphSDL } from './server.ts';
import { runSimulateCommand } from '../simulators/cli.ts';
import { startSimulators } from '../simulators/index.ts';

const USAGE = `usage: junction [serve | simulate [--json] | print-schema [--federation] | print-manifest]
  serve         start the gateway (default); with WALDUR_URL/ORCHESTRATION_URL unset, on embedded simulators
  simulate      run only the Waldur and Orchestration simulators (SIM_* variables)
  print-schema  print the GraphQL SDL (as committed in schema.graphql); --federation: the subgraph SDL (FEDERATION=true)
  print-manifest  print the GraphiQL examples as a trusted-documents manifest (for TRUSTED_DOCUMENTS)`;

async function serve(config: Readonly<Config>) {
  const logger = createLogger(config.logLevel);
  let effective = config;
  let simulators: Awaited<ReturnType<typeof startSimulators>> | undefined;
  if (!config.waldurUrl || !config.orchestrationUrl) {
    const sim = config.simulator;
    simulators = await startSimulators({ seed: sim.seed, scale: sim.scale, latencyMs: sim.latencyMs, orderStepMs: sim.orderStepMs, waldurPort: sim.waldurPort, orchestrationPort: sim.orchestrationPort });
    effective = {
      ...config,
      waldurUrl: config.waldurUrl ?? simulators.waldurUrl,
      orchestrationUrl: config.orchestrationUrl ?? simulators.orchestrationUrl,
      orchestration: config.orchestrationUrl ? config.orchestration : {
        ...config.orchestration,
        tokenUrl: simulators.orchestrationTokenUrl,
        clientId: simulators.serviceAccount.clientId,
        clientSecret: simulators.serviceAccount.clientSecret,
        refreshToken: simulators.serviceAccount.refreshToken,
      },
      // The embedded Waldur's provider records orchestration projects on the resources of its own offering.
      links: config.waldurUrl || config.links.offeringUuids.length ? config.links
        : { ...config.links, offeringUuids: [simulators.waldur.orchestrationOfferingUuid] },
    };
  }
  const staff = simulators?.principals.find((p) => p.role === 'staff');
  const gateway = createGateway(effective, {
    logger,
    graphiqlAuthorization: staff && `Token ${staff.waldurToken}`,
    demoPrincipals: simulators?.principals.map((p) => ({ name: p.name, role: p.role, token: p.waldurToken })),
  });
  const url = await gateway.start();
  if (simulators) printDemo(url, simulators);

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: completing subscriptions and draining requests');
    try {
      await gateway.stop();
      await simulators?.close();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

function printDemo(url: string, sims: Awaited<ReturnType<typeof startSimulators>>) {
  const lines = [
    '',
    `  Junction is running on the embedded simulators.`,
    `  GraphiQL:      ${url}   (example operations open in tabs; the staff token is pre-filled)`,
    `  Board:         ${url.replace(/\/graphql$/, '/')}   (live projects, resources and payloads; demo sign-ins offered)`,
    `  Waldur sim:    ${sims.waldurUrl}`,
    `  Orchestration: ${sims.orchestrationUrl}`,
    '',
    '  Demo principals (send as the Authorization header; X-Orchestration-Authorization for pass-through):',
    ...sims.principals.map((p) => `    ${p.name.padEnd(8)} ${p.role.padEnd(16)} Authorization: Token ${p.waldurToken}   X-Orchestration-Authorization: Bearer ${p.orchestrationToken}`),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(argv: string[]) {
  const [command = 'serve', ...rest] = argv;
  if (command === 'print-schema') return void process.stdout.write(rest.includes('--federation') ? printSubgraphSDL() : printSchemaSDL());
  if (command === 'print-manifest') return void process.stdout.write(printManifest());
  if (command === 'simulate') return runSimulateCommand(rest, process.env);
  if (command !== 'serve') {
    process.stderr.write(`${USAGE}\n`);
    process.exit(2);
  }
  await serve(loadConfig());
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(error instanceof ConfigError ? `${error.message}\n` : `junction: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
