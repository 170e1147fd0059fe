/**
 * Seeded randomness for the simulator. Every id, port and address comes from an Rng, so one seed always
 * rebuilds the same data set. Separate streams (see `deriveSeed`) keep unrelated draws, such as token
 * issuance, from shifting the ids of the seeded data.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** mulberry32: a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)];
  }

  chars(length: number, alphabet: string): string {
    let out = '';
    for (let i = 0; i < length; i++) out += alphabet[this.int(0, alphabet.length - 1)];
    return out;
  }

  hex(length: number): string {
    return this.chars(length, '0123456789abcdef');
  }

  uuidV4(): string {
    const h = this.hex(32).split('');
    h[12] = '4';
    h[16] = '89ab'[this.int(0, 3)];
    const s = h.join('');
    return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
  }
}

const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** Payload ids look like `8hhtn-fvpvq`. */
export function payloadId(rng: Rng): string {
  return `${rng.chars(5, LOWER_ALNUM)}-${rng.chars(5, LOWER_ALNUM)}`;
}

/** A stream seed for `salt`, independent of the other streams drawn from the same base seed (FNV-1a). */
export function deriveSeed(seed: number, salt: string): number {
  let hash = 0x811c9dc5;
  for (const ch of salt) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193);
  return (hash ^ seed) >>> 0;
}
