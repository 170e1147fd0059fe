import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { junction } from '../helpers/cli.ts';

// Each case starts a process (serve loads the whole gateway): generous timeouts for a shared, busy machine.
describe.concurrent('junction help and version', { timeout: 60_000 }, () => {
  it.each([['--help'], ['-h'], ['help']])('should print the usage to stdout and exit 0 for %s', async (flag) => {
    const { code, stdout, stderr } = await junction([flag]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatch(/^usage: junction \[command\]/);
    expect(stdout).toContain('npm run simulate -- --json');
  });

  it.each([['--version'], ['-v'], ['version']])('should print the package version and exit 0 for %s', async (flag) => {
    const { code, stdout, stderr } = await junction([flag]);
    const { version } = (await import('../../package.json', { with: { type: 'json' } })).default;
    expect({ code, stdout, stderr }).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it.each([['serve', '--help'], ['serve', '-h'], ['help', 'serve'], ['simulate', '--help'], ['print-schema', '--help']])(
    'should print one command\'s help without running it for %s %s', async (...args) => {
      const { code, stdout, stderr } = await junction(args);
      expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
      expect(stdout).toMatch(new RegExp(`^usage: junction ${args[0] === 'help' ? args[1] : args[0]}`));
    });

  it('should reject an unknown command or argument on stderr with exit code 2', async () => {
    const unknown = await junction(['serv']);
    expect(unknown.code).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toMatch(/^junction: unknown command "serv"\n\nusage: junction/);
    const extra = await junction(['simulate', '--jsn']);
    expect(extra.code).toBe(2);
    expect(extra.stderr).toMatch(/^junction: "simulate" accepts only --json, received "--jsn"/);
  });
});

describe.concurrent('junction configuration errors', { timeout: 60_000 }, () => {
  it.each([['serve'], ['simulate']])('should reject invalid SIM_* values the same way in %s, without a stack', async (command) => {
    const { code, stdout, stderr } = await junction([command], { SIM_SCALE: 'lots', SIM_SEDE: '2' });
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe([
      'Invalid configuration:',
      '  - SIM_SEDE: unknown setting (known: SIM_WALDUR_PORT, SIM_ORCHESTRATION_PORT, SIM_LATENCY_MS, SIM_SCALE, SIM_SEED, SIM_ORDER_STEP_MS)',
      '  - SIM_SCALE: expected an integer from 1 to 1000, received "lots"',
      '',
    ].join('\n'));
  });

  it.each([['serve', 'PORT'], ['serve', 'SIM_ORCHESTRATION_PORT'], ['simulate', 'SIM_WALDUR_PORT']])(
    'should name the busy port and the variable that moves it (%s, %s)', async (command, variable) => {
      const blocker = createServer();
      await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', r));
      const { port } = blocker.address() as { port: number };
      try {
        const { code, stderr } = await junction([command], { [variable]: String(port) });
        expect(code).toBe(1);
        expect(stderr).toBe(`junction: port ${port} is already in use (127.0.0.1:${port}); set ${variable} to a free port (or stop what is listening there)\n`);
      } finally {
        await new Promise((r) => blocker.close(r));
      }
    }, 90_000);
});
