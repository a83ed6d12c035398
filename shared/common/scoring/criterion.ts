import type { Criterion, CriterionId, LocalizedText, Target } from './types';

/** True when `value` lies within the target bounds. */
export function withinTarget(value: number, target: Target): boolean {
  return (target.min === undefined || value >= target.min) && (target.max === undefined || value <= target.max);
}

/** 1 inside the target, falling linearly to 0 at `tolerance` beyond it. */
export function closeness(value: number, target: Target, tolerance: number): number {
  if (withinTarget(value, target)) return 1;
  const distance = target.min !== undefined && value < target.min ? target.min - value : value - (target.max ?? value);
  return Math.max(0, Math.min(1, 1 - distance / Math.max(tolerance, Number.EPSILON)));
}

/** "50–200", "≥ 1", "≤ 0" — the target in a reason line. */
export function describeTarget(target: Target): string {
  if (target.min !== undefined && target.max !== undefined) return `${target.min}–${target.max}`;
  if (target.min !== undefined) return `≥ ${target.min}`;
  if (target.max !== undefined) return `≤ ${target.max}`;
  return '—';
}

/** Rounds for display and comparison so reasons and values agree. */
export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Builds a criterion; status and score follow from value, target and tolerance. */
export function criterion(
  id: CriterionId,
  value: number,
  target: Target,
  tolerance: number,
  reason: LocalizedText,
  details?: string[],
): Criterion {
  const status = withinTarget(value, target) ? 'pass' : 'warn';
  const out: Criterion = { id, value, target, status, reason, score: closeness(value, target, tolerance) };
  if (details && details.length > 0) out.details = details;
  return out;
}

/** Distinct entries of a list, in first-seen order, at most `limit`. */
export function distinct(list: readonly string[], limit = 10): string[] {
  return [...new Set(list)].slice(0, limit);
}
