import type { LocalizedLabel } from '../../../shared/common/campaigns';

/** The UI language of this extension page (the locale the browser chose for it). */
export const uiLang = (): 'en' | 'zh' =>
  typeof document !== 'undefined' && document.documentElement.lang.startsWith('zh') ? 'zh' : 'en';

/** The label in the UI language. */
export const pick = (label: LocalizedLabel): string => label[uiLang()];

/** A percentage with no more decimals than the data supports. */
export const pct = (x: number | null): string => (x === null ? '—' : `${Math.round(x * 1000) / 10}%`);
