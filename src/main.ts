import { banner } from './cli/banner.ts';
import { parseArguments } from './cli/arguments.ts';
import { describeListenError } from './cli/listen-error.ts';
import { junctionVersion } from './cli/version.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Simulators, SimulatorsOptions } from '../simulators/index.ts';

// The gateway and the simulators are imported when a command needs them: help and version answer at once.

async function serve(config: Readonly<Config>) {
  const [{ createLogger }, { createGateway }] = await Promise.all([import('./logger.ts'), import('./server.ts')]);
  const logger = createLogger(config.logLevel);
  let effective = config;
  let simulators: Simulators | undefined;
  if (!config.waldurUrl || !config.orchestrationUrl) {
    const { startSimulators } = await import('../simulators/index.ts');
    simulators = await startSimulators(simulatorOptions(config));
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
  const staff = !config.waldurUrl ? simulators?.principals.find((p) => p.role === 'staff') : undefined;
  const gateway = createGateway(effective, {
    logger,
    graphiqlAuthorization: staff && `Token ${staff.waldurToken}`,
    // The board offers sign-ins with these Waldur tokens: only when the Waldur they work against is the embedded one.
    demoPrincipals: config.waldurUrl ? undefined : simulators?.principals.map((p) => ({ name: p.name, role: p.role, token: p.waldurToken })),
  });
  let url: string;
  try {
    url = await gateway.start();
  } catch (error) {
    await simulators?.close();
    throw error;
  }
  process.stdout.write(banner({
    url,
    graphiql: !config.production,
    waldur: { url: effective.waldurUrl!, embedded: !config.waldurUrl },
    orchestration: { url: effective.orchestrationUrl!, embedded: !config.orchestrationUrl },
    principals: simulators?.principals ?? [],
  }));

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

function simulatorOptions({ simulator: sim }: Readonly<Config>): SimulatorsOptions {
  return { seed: sim.seed, scale: sim.scale, latencyMs: sim.latencyMs, orderStepMs: sim.orderStepMs, waldurPort: sim.waldurPort, orchestrationPort: sim.orchestrationPort };
}

/** The ports a command binds, each with the variable that sets it (for a one-line "port busy" message). */
function portVariables(config: Readonly<Config> | undefined): Array<[number, string]> {
  if (!config) return [];
  return [[config.port, 'PORT'], [config.simulator.waldurPort, 'SIM_WALDUR_PORT'], [config.simulator.orchestrationPort, 'SIM_ORCHESTRATION_PORT']];
}

let config: Readonly<Config> | undefined;

async function main(argv: string[]) {
  const command = parseArguments(argv, { npmJson: process.env.npm_config_json === 'true' });
  switch (command.kind) {
    case 'help': return void process.stdout.write(`${command.text}\n`);
    case 'version': return void process.stdout.write(`${junctionVersion()}\n`);
    case 'print-schema': return void process.stdout.write((await import('./server.ts'))[command.federation ? 'printSubgraphSDL' : 'printSchemaSDL']());
    case 'print-manifest': return void process.stdout.write((await import('./server.ts')).printManifest());
    case 'usage-error':
      process.stderr.write(`${command.message}\n`);
      process.exit(2);
      return;
    case 'simulate':
      config = loadConfig();
      await (await import('../simulators/cli.ts')).runSimulateCommand({ json: command.json }, simulatorOptions(config));
      return;
    case 'serve':
      config = loadConfig();
      await serve(config);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const listen = describeListenError(error, portVariables(config));
  const message = error instanceof ConfigError ? error.message : listen ?? `junction: ${error instanceof Error ? error.stack : String(error)}`;
  process.stderr.write(`${message}\n`);
  process.exit(1);
});
