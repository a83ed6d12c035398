/**
 * A uniform random source in [0, 1). `Math.random` fits, so production code can pass it; tests, benchmarks and
 * simulations pass {@link createRng} so every run can be replayed.
 */
export type Rng = () => number;

/** Hashes a string seed to 32 bits (FNV-1a), so seeds can be readable names such as "bench-run-3". */
function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) {
    h ^= seed.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A small seeded PRNG (sfc32, state filled by splitmix32). Not cryptographic: it exists so bandit simulations and
 * tests are reproducible in every runtime without relying on a platform generator that cannot be seeded.
 */
export function createRng(seed: number | string): Rng {
  let s = typeof seed === 'string' ? hashSeed(seed) : seed >>> 0;
  // splitmix32 spreads a small or sparse seed (0, 1, 2…) over all four words of the sfc32 state.
  const splitmix = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    return (z ^ (z >>> 15)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next: Rng = () => {
    const t = (((a + b) >>> 0) + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = ((c << 21) | (c >>> 11)) >>> 0;
    c = (c + t) >>> 0;
    return t / 4294967296;
  };
  // Discard the first outputs: sfc32's designers recommend it to decorrelate nearby seeds.
  for (let i = 0; i < 12; i++) next();
  return next;
}
