import { startSimulators, type Simulators, type SimulatorsOptions } from './index.ts';

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

/**
 * `junction simulate [--json]`: both simulators until SIGINT/SIGTERM. The caller validates the options (main.ts reads
 * them from the SIM_* variables through the gateway's config, so `simulate` and `serve` accept the same values).
 */
export async function runSimulateCommand({ json }: { json: boolean }, options: SimulatorsOptions): Promise<Simulators> {
  const sims = await startSimulators(options);
  if (json) {
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
