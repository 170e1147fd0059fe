/** vitest globalSetup of the main suite: starts every run with an empty recordings directory (see recording.ts). */
import { mkdirSync, rmSync } from 'node:fs';
import { recordingsDir } from './recording.ts';

export default function setup(): void {
  const dir = recordingsDir();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
}
