/** Deterministic hashing and pseudo-randomness, so that outcomes and faults repeat for a seed. */

const FNV_OFFSET = 0x811c9dc5;

/**
 * FNV-1a over the string's UTF-16 code units, continuing from `state` (so parts can be hashed
 * without concatenating them). `foldCase` lower-cases ASCII letters on the fly.
 */
export function fnv1a(text: string, state = FNV_OFFSET, foldCase = false): number {
  let h = state;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (foldCase && c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Murmur3's finalizer: every input bit affects every output bit (FNV alone clusters). */
export function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash32(text: string): number {
  return avalanche(fnv1a(text));
}

/** Maps a 32-bit hash to [0, 1). */
export function toUnit(hash: number): number {
  return hash / 0x1_0000_0000;
}

/** mulberry32: small seeded PRNG returning numbers in [0, 1). */
export function seededRandom(seed: string): () => number {
  let state = hash32(seed);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 0x1_0000_0000;
  };
}
