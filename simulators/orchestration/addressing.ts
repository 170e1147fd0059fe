import type { PayloadSpec } from './model.ts';
import type { Rng } from './random.ts';

// Documentation ranges (RFC 5737): obviously fake, never routable.
const NETWORKS = ['203.0.113', '198.51.100', '192.0.2'];
const DYNAMIC_RANGE: [number, number] = [30000, 32767];
const PASSTHROUGH_RANGE: [number, number] = [20000, 29999];

/** Fake host addresses and host ports. Host ports are unique across the whole simulator while in use. */
export class Addressing {
  private readonly used = new Set<number>();

  constructor(private readonly rng: Rng) {}

  address(): string {
    return `${this.rng.pick(NETWORKS)}.${this.rng.int(1, 254)}`;
  }

  /**
   * Resolves a payload's ports: DYNAMIC maps the container port to a fresh host port; PASSTHROUGH picks one
   * free port and uses it on both sides, so the payload's copy of the spec gets that container port.
   */
  assign(spec: PayloadSpec): { spec: PayloadSpec; ports: Array<{ name: string; port: number }> } {
    const ports: Array<{ name: string; port: number }> = [];
    const resolved = spec.ports.map((p) => {
      const passthrough = p.port_policy === 'PASSTHROUGH';
      const host = this.take(passthrough ? PASSTHROUGH_RANGE : DYNAMIC_RANGE);
      ports.push({ name: p.name, port: host });
      return passthrough ? { ...p, container_port: host } : { ...p };
    });
    return { spec: { ...structuredClone(spec), ports: resolved }, ports };
  }

  release(ports: Array<{ port: number }>): void {
    for (const p of ports) this.used.delete(p.port);
  }

  private take([min, max]: [number, number]): number {
    for (let attempt = 0; attempt < 4 * (max - min); attempt++) {
      const port = this.rng.int(min, max);
      if (!this.used.has(port)) {
        this.used.add(port);
        return port;
      }
    }
    throw new Error(`no free host port in ${min}-${max}`);
  }
}
