import type { Rng } from '../random';

/** A uniform draw in (0, 1]: `1 − u` never returns 0, so logarithms of it stay finite. */
function openUniform(rng: Rng): number {
  return 1 - rng();
}

/** A standard normal draw (Marsaglia polar method); stateless, so one rng stream replays exactly. */
export function sampleStandardNormal(rng: Rng): number {
  for (;;) {
    const u = 2 * rng() - 1;
    const v = 2 * rng() - 1;
    const s = u * u + v * v;
    if (s > 0 && s < 1) return u * Math.sqrt((-2 * Math.log(s)) / s);
  }
}

function assertShape(name: string, value: number): void {
  if (!(value > 0) || !Number.isFinite(value)) throw new RangeError(`${name} must be a finite number > 0`);
}

/** Marsaglia–Tsang (2000) for shape ≥ 1: a squeeze-accepted transform of a normal draw, about 1.05 tries a draw. */
function marsagliaTsang(shape: number, rng: Rng): number {
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleStandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = openUniform(rng);
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * ln of a Gamma(shape, 1) draw. Shapes below 1 use Gamma(a) = Gamma(a + 1) · U^(1/a) in log space, because for tiny
 * shapes the draw itself underflows to 0 and a Beta built from two zeros would be NaN.
 */
function logGammaDraw(shape: number, rng: Rng): number {
  if (shape >= 1) return Math.log(marsagliaTsang(shape, rng));
  return Math.log(marsagliaTsang(shape + 1, rng)) + Math.log(openUniform(rng)) / shape;
}

/** A Gamma(shape, scale = 1) draw by Marsaglia–Tsang (boosted for shape < 1). */
export function sampleGamma(shape: number, rng: Rng): number {
  assertShape('shape', shape);
  if (shape >= 1) return marsagliaTsang(shape, rng);
  return Math.exp(logGammaDraw(shape, rng));
}

/** A Beta(alpha, beta) draw as X / (X + Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). */
export function sampleBeta(alpha: number, beta: number, rng: Rng): number {
  assertShape('alpha', alpha);
  assertShape('beta', beta);
  if (alpha >= 1 && beta >= 1) {
    const x = marsagliaTsang(alpha, rng);
    const y = marsagliaTsang(beta, rng);
    return x / (x + y);
  }
  // X / (X + Y) = 1 / (1 + e^(ln Y − ln X)), exact even when both draws underflow.
  const lx = logGammaDraw(alpha, rng);
  const ly = logGammaDraw(beta, rng);
  return 1 / (1 + Math.exp(ly - lx));
}
