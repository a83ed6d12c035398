import type { LocalizedLabel } from '../../shared/common/campaigns';
import { uiLang } from './ui-lang';

/** The label in the UI language. */
export const pick = (label: LocalizedLabel): string => label[uiLang()];

/** A percentage with no more decimals than the data supports. */
export const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
