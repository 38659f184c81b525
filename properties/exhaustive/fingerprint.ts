/**
 * 64-bit fingerprints of state keys and a compact set of them (SPIN and TLC keep fingerprints, not
 * states). Two different keys share a fingerprint with probability about 2^-64 per pair, so a search of
 * S distinct states misses one through a collision with probability at most S^2 / 2^65 (1e6 states:
 * about 3e-8); every verdict states this bound.
 */

/** Two independent 32-bit halves of a 64-bit hash of a string (cyrb-style multiply-xorshift). */
export function fingerprint(text: string): { hi: number; lo: number } {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return { hi: h1 >>> 0, lo: h2 >>> 0 };
}

/** Upper bound of the probability that some two of `states` distinct keys collided. */
export function collisionBound(states: number): number {
  return (states * states) / 2 ** 65;
}

/** Open-addressing set of fingerprints: 9 bytes a slot, at most half the slots used. */
export class FingerprintSet {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private used: Uint8Array;
  private mask: number;
  size = 0;

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1;
    while (capacity < initialCapacity) capacity <<= 1;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
  }

  /** Adds the fingerprint; true when it was not there before. */
  add(hi: number, lo: number): boolean {
    if ((this.size + 1) * 2 > this.used.length) this.grow();
    let slot = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.used[slot] === 1) {
      if (this.hi[slot] === hi && this.lo[slot] === lo) return false;
      slot = (slot + 1) & this.mask;
    }
    this.hi[slot] = hi;
    this.lo[slot] = lo;
    this.used[slot] = 1;
    this.size += 1;
    return true;
  }

  private grow(): void {
    const { hi, lo, used } = this;
    const capacity = used.length * 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.used = new Uint8Array(capacity);
    this.mask = capacity - 1;
    this.size = 0;
    for (let slot = 0; slot < used.length; slot += 1) if (used[slot] === 1) this.add(hi[slot] ?? 0, lo[slot] ?? 0);
  }
}
