/** Options of {@link fitLogistic}. */
export interface LogisticOptions {
  /** L2 penalty on the coefficients (not the intercept), on the mean-loss scale. */
  l2: number;
  iterations: number;
  /** Coefficients that may go below 0; every other one is projected onto ≥ 0 after each step. */
  allowNegative: readonly boolean[];
}

/** A fitted model on the features as given: z = intercept + Σ coefficients · x. */
export interface LogisticFit {
  coefficients: number[];
  intercept: number;
  iterations: number;
}

/** Numerically safe logistic function. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/**
 * L2-regularised logistic regression by projected full-batch gradient descent — deterministic, no randomness, no
 * library. Features are standardised internally so one fixed step size converges for every criterion's spread, and
 * so the penalty treats criteria alike; a positive scale keeps signs, so "≥ 0" on the standardised coefficient is the
 * same constraint on the original one. Features with no spread get coefficient 0 (the data cannot inform them).
 *
 * @param x row-major n × k feature matrix.
 * @param y n labels, 0 or 1.
 */
export function fitLogistic(x: Float64Array, y: Float64Array, k: number, options: LogisticOptions): LogisticFit {
  const n = y.length;
  const mean = new Float64Array(k);
  const sd = new Float64Array(k);
  for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) mean[j] = (mean[j] ?? 0) + (x[i * k + j] ?? 0) / n;
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) sd[j] = (sd[j] ?? 0) + ((x[i * k + j] ?? 0) - (mean[j] ?? 0)) ** 2 / n;
  for (let j = 0; j < k; j++) sd[j] = Math.sqrt(sd[j] ?? 0);
  const z = new Float64Array(n * k);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < k; j++) {
      const s = sd[j] ?? 0;
      z[i * k + j] = s > 1e-12 ? ((x[i * k + j] ?? 0) - (mean[j] ?? 0)) / s : 0;
    }

  // Step 1/L with L bounding the Hessian: ¼·trace(ZᵀZ/n + intercept) + λ = ¼·(k + 1) + λ for standardised columns.
  const step = 1 / (0.25 * (k + 1) + options.l2);
  const w = new Float64Array(k);
  let b = 0;
  const grad = new Float64Array(k);
  let done = 0;
  for (let it = 0; it < options.iterations; it++) {
    grad.fill(0);
    let gb = 0;
    for (let i = 0; i < n; i++) {
      let t = b;
      for (let j = 0; j < k; j++) t += (w[j] ?? 0) * (z[i * k + j] ?? 0);
      const r = sigmoid(t) - (y[i] ?? 0);
      gb += r;
      for (let j = 0; j < k; j++) grad[j] = (grad[j] ?? 0) + r * (z[i * k + j] ?? 0);
    }
    let change = Math.abs((step * gb) / n);
    b -= (step * gb) / n;
    for (let j = 0; j < k; j++) {
      let next = (w[j] ?? 0) - step * ((grad[j] ?? 0) / n + options.l2 * (w[j] ?? 0));
      if (!options.allowNegative[j] && next < 0) next = 0;
      change = Math.max(change, Math.abs(next - (w[j] ?? 0)));
      w[j] = next;
    }
    done = it + 1;
    if (change < 1e-10) break;
  }

  // Back to the original feature scale: c = w / sd, intercept absorbs the centring.
  const coefficients: number[] = [];
  let intercept = b;
  for (let j = 0; j < k; j++) {
    const s = sd[j] ?? 0;
    const c = s > 1e-12 ? (w[j] ?? 0) / s : 0;
    coefficients.push(c);
    intercept -= c * (mean[j] ?? 0);
  }
  return { coefficients, intercept, iterations: done };
}
