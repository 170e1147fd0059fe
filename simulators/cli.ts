import { startSimulators, type Simulators } from './index.ts';

/** Reads a non-negative integer variable; unset means the simulators' default. */
function intFrom(env: NodeJS.ProcessEnv, name: string, minimum = 0): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) throw new Error(`${name} must be an integer ≥ ${minimum}, got "${raw}"`);
  return value;
}

function summary(sims: Simulators): string {
  return [
    'Junction simulators are running.',
    `  Waldur:              ${sims.waldurUrl}   (control: ${sims.waldur.origin}/__sim/)`,
    `  Orchestration:       ${sims.orchestrationUrl}   (control: ${sims.orchestration.origin}/__sim/)`,
    `  Orchestration token: ${sims.orchestrationTokenUrl}`,
    `  Service account:     client_id=${sims.serviceAccount.clientId} client_secret=${sims.serviceAccount.clientSecret} refresh_token=${sims.serviceAccount.refreshToken}`,
    `  Link offering:       LINK_OFFERING_UUIDS=${sims.waldur.orchestrationOfferingUuid}`,
    '',
    '  Principals:',
    ...sims.principals.map((p) =>
      `    ${p.name.padEnd(9)} ${p.role.padEnd(16)} Authorization: Token ${p.waldurToken}   orchestration: Bearer ${p.orchestrationToken}`),
    '',
    '  Stop with Ctrl-C.',
  ].join('\n');
}

/** `junction simulate [--json]`: both simulators until SIGINT/SIGTERM, configured by the SIM_* variables. */
export async function runSimulateCommand(argv: string[], env: NodeJS.ProcessEnv): Promise<Simulators> {
  const sims = await startSimulators({
    waldurPort: intFrom(env, 'SIM_WALDUR_PORT'),
    orchestrationPort: intFrom(env, 'SIM_ORCHESTRATION_PORT'),
    latencyMs: intFrom(env, 'SIM_LATENCY_MS'),
    scale: intFrom(env, 'SIM_SCALE', 1),
    seed: intFrom(env, 'SIM_SEED'),
    orderStepMs: intFrom(env, 'SIM_ORDER_STEP_MS', 1),
  });
  if (argv.includes('--json')) {
    const line = {
      waldurUrl: sims.waldurUrl,
      orchestrationUrl: sims.orchestrationUrl,
      orchestrationTokenUrl: sims.orchestrationTokenUrl,
      principals: sims.principals.map(({ name, role, waldurToken, orchestrationToken }) => ({ name, role, waldurToken, orchestrationToken })),
      serviceAccount: sims.serviceAccount,
      linkOfferingUuids: [sims.waldur.orchestrationOfferingUuid],
    };
    process.stdout.write(`${JSON.stringify(line)}\n`);
  } else process.stdout.write(`${summary(sims)}\n`);

  const stop = () => {
    detach();
    void sims.close().then(() => process.exit(0));
  };
  const detach = () => {
    process.off('SIGINT', stop);
    process.off('SIGTERM', stop);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Closing programmatically (tests) also drops the signal handlers.
  return { ...sims, close: () => (detach(), sims.close()) };
}
