import type { PayloadSpec } from './model.ts';
import type { Rng } from './random.ts';

// Documentation ranges (RFC 5737): obviously fake, never routable.
const NETWORKS = ['203.0.113', '198.51.100', '192.0.2'];
const DYNAMIC_RANGE: [number, number] = [30000, 32767];
const PASSTHROUGH_RANGE: [number, number] = [20000, 29999];

/**
 * Fake host addresses and host ports. A host port is unique on its host while in use, as on a real game-server
 * node (Agones allocates from a per-node port range), so the world can grow past one range's size: SIM_SCALE=100
 * seeds more payloads than 30000-32767 holds.
 */
export class Addressing {
  private readonly used = new Map<string, Set<number>>();

  constructor(private readonly rng: Rng) {}

  /**
   * Picks a host and resolves a payload's ports on it: DYNAMIC maps the container port to a fresh host port;
   * PASSTHROUGH picks one free port and uses it on both sides, so the payload's copy of the spec gets that container port.
   */
  assign(spec: PayloadSpec): { address: string; spec: PayloadSpec; ports: Array<{ name: string; port: number }> } {
    const address = `${this.rng.pick(NETWORKS)}.${this.rng.int(1, 254)}`;
    const ports: Array<{ name: string; port: number }> = [];
    const resolved = spec.ports.map((p) => {
      const passthrough = p.port_policy === 'PASSTHROUGH';
      const host = this.take(address, passthrough ? PASSTHROUGH_RANGE : DYNAMIC_RANGE);
      ports.push({ name: p.name, port: host });
      return passthrough ? { ...p, container_port: host } : { ...p };
    });
    return { address, spec: { ...structuredClone(spec), ports: resolved }, ports };
  }

  release(address: string, ports: Array<{ port: number }>): void {
    const used = this.used.get(address);
    for (const p of ports) used?.delete(p.port);
  }

  private take(address: string, [min, max]: [number, number]): number {
    let used = this.used.get(address);
    if (!used) this.used.set(address, (used = new Set()));
    for (let attempt = 0; attempt < 4 * (max - min); attempt++) {
      const port = this.rng.int(min, max);
      if (!used.has(port)) {
        used.add(port);
        return port;
      }
    }
    throw new Error(`no free host port in ${min}-${max} on ${address}`);
  }
}
