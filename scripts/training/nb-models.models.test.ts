/** The shipped spam model's held-out accuracy on the SMS corpus. Needs ../shared/data: `npm run test:models`. */
import { describe, expect, it } from 'vitest';
import { evaluateSpam } from './nb-experiments';

describe('held-out accuracy', () => {
  it('spam: ≥ 97% on the seeded 80/20 split', () => {
    const { report } = evaluateSpam();
    expect(report.n).toBeGreaterThan(1_000);
    expect(report.accuracy).toBeGreaterThanOrEqual(0.97);
  });
});
