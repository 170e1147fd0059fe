/** A small seeded PRNG (mulberry32): the whole data set is a pure function of the seed. */
export class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  hex(length: number): string {
    let out = '';
    while (out.length < length) out += Math.floor(this.next() * 0x100000000).toString(16).padStart(8, '0');
    return out.slice(0, length);
  }

  /** A version-4 UUID rendered the way Waldur renders ids: 32 hex digits, no dashes. */
  uuidHex(): string {
    const raw = this.hex(32).split('');
    raw[12] = '4';
    raw[16] = '89ab'[parseInt(raw[16], 16) & 3];
    return raw.join('');
  }

  /** A version-4 UUID in the dashed form (the orchestration service's allocation ids). */
  uuidDashed(): string {
    return dashed(this.uuidHex());
  }

  /** A Waldur API token: 40 hex digits. */
  token(): string {
    return this.hex(40);
  }
}

export function dashed(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Fresh ids for objects created at run time, independent of the seeded sequence. */
export const runtimeRandom = new Random((Date.now() ^ process.pid) >>> 0);
