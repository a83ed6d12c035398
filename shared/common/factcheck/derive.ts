import type { Quantity } from './mention';
import { NumberBag } from './number-bag';

/**
 * Figures a rep computes from grounded ones: seats × price, a discount applied, a monthly price × 12, a quarter,
 * per unit ↔ total, sums and differences. A claimed figure is derived when one such computation lands on it within
 * the rounding its own digits show ("26,100" may round to the hundred, "24.65" to the cent).
 */

/** Grounded figures kept for derivations; beyond these the search would mostly find coincidences. */
export const MAX_DERIVATION_FIGURES = 16;
const MAX_DERIVATION_PERCENTS = 8;

/** Billing periods in months a rep converts between: month ↔ quarter ↔ year. */
const PERIOD_MONTHS = [1, 3, 12];
/** Conversions tried when the grounding does not say which period a recurring price is for. */
const ANY_PERIOD = [1, 12, 3, 4, 1 / 12, 1 / 3, 1 / 4];

/** How a grounded amount is priced, read from the words after it; decides which arithmetic applies to it. */
export interface AmountShape {
  /** "per user", "pro Nutzer", "/用户": may be multiplied by a count of seats or units. */
  perUnit: boolean;
  /** "per month", "pro Monat", "/月", "a year": may be converted between month, quarter and year. */
  recurring: boolean;
  /**
   * The period a recurring price is for, in months, when the words say: a monthly price may be × 3 or × 12, never
   * ÷ 4 ("¥1,200 a month" does not back "¥300"), and a yearly one ÷ 12 or ÷ 4.
   */
  months?: number;
}

/** One grounded amount and its shape. */
export interface Amount extends AmountShape {
  value: number;
}

const PER_UNIT =
  /^.{0,6}?(?:per|pro|je|par|por|a|al|ao|za|för|for|each|\/)\s?(?:user|seat|licen[cs]e|device|scanner|unit|agent|employee|nutzer|benutzer|lizenz|gerät|utilisateur|licence|usuario|licencia|usuário|licença|utente|licenza|gebruiker|licentie|użytkownika|licencj|användare|licens|bruker|lisens|käyttäjä|lisenssi)|^.{0,4}?\/?(?:用户|账号|人|台|个)|^.{0,3}?每(?:用户|账号|人|台)/iu;
const PER_UNIT_BEFORE = /(?:每(?:用户|账号|个账号|人|台)|per (?:user|seat)|pro (?:Nutzer|Lizenz))[^\d]{0,8}$/iu;
/** Up to 40 characters of the same sentence: "合计180000元。 云帆CRM按月计费" does not make the total monthly. */
const RECURRING =
  /^(?:[^。；;!?！？\n]|\.(?!\s)){0,40}?(?:month|monthly|year|yearly|annual|quarter|\/mo|\/yr|monat|jahr|quartal|jährlich|monatlich|mois|an\b|annuel|trimestre|mes|año|anual|mês|ano|mese|anno|maand|jaar|kwartaal|miesiąc|miesięcznie|rok|rocznie|kwartał|månad|år|kvartal|måned|kuukau|vuo|月|年|季)/iu;
const RECURRING_WORD =
  /month|monthly|year|yearly|annual|quarter|\/mo|\/yr|monat|jahr|quartal|jährlich|monatlich|mois|an\b|annuel|trimestre|mes|año|anual|mês|ano|mese|anno|maand|jaar|kwartaal|miesiąc|miesięcznie|rok|rocznie|kwartał|månad|år|kvartal|måned|kuukau|vuo|月|年|季/iu;
const RECURRING_BEFORE = /(?:每月|每年|年费|月费|每季度|annual fee|per year|yearly)[^\d]{0,8}$/iu;
const DISCOUNT_CONTEXT =
  /discount|off\b|rabatt|remise|réduction|descuento|desconto|sconto|korting|rabat|alennus|折|优惠|减免|减/iu;

const SEATS =
  /^\s?(?:-|\s)?(?:\p{L}+\s)?\p{L}*?(?:users?|seats?|licen[cs]es?|reps|people|employees|agents|devices|scanners|units|accounts|nutzer|benutzer|lizenzen|mitarbeiter|geräte|scanner|utilisateurs|licences|postes|terminaux|usuarios|licencias|lectores|equipos|usuários|licenças|leitores|utenti|licenze|lettori|gebruikers|licenties|scanners|użytkownik\p{L}*|licencj\p{L}*|skaner\p{L}*|användare|licenser|skannrar|brukere|lisenser|skannere|käyttäj\p{L}*|lisenssi\p{L}*|lukij\p{L}*)(?!\p{L})|^(?:多|余)?(?:个)?(?:账号|用户|坐席|人|名|位|台|套|个席位)/iu;

/** True when a grounded count is a number of seats, people or units: what a per-unit price is multiplied by. */
export function isSeatCount(spanAndAfter: string): boolean {
  return SEATS.test(spanAndAfter.replace(/^[\d.,\s\u00a0\u202f零〇一二两三四五六七八九十百千万+]+/u, ''));
}

const QUARTER_WORD = /quarter|quartal|trimestr|kwarta|kvartal|neljännes|季/iu;
const YEAR_WORD =
  /year|annual|annum|jahr|jährlich|\ban\b|annuel|año|anual|\bano\b|anno|jaar|\brok|rocznie|\bår|vuo|年/iu;

/** Months in the period a recurring price's words name (quarter 3, year 12, otherwise a month). */
function periodMonths(words: string): number {
  if (QUARTER_WORD.test(words)) return 3;
  if (YEAR_WORD.test(words)) return 12;
  return 1;
}

/** Reads the shape of a grounded amount from the text before and after it. */
export function amountShape(before: string, after: string): AmountShape {
  const shape: AmountShape = {
    perUnit: PER_UNIT.test(after) || PER_UNIT_BEFORE.test(before),
    recurring: false,
  };
  // The period word closest to the amount decides: "每月1200元", "$39 per user per month, billed annually".
  const earlier = RECURRING_BEFORE.exec(before);
  const later = RECURRING.exec(after);
  if (earlier) shape.months = periodMonths(earlier[0]);
  else if (later) shape.months = periodMonths((later[0].match(RECURRING_WORD) ?? [''])[0]);
  shape.recurring = shape.months !== undefined;
  return shape;
}

/** True when a grounded percentage reads as a discount ("15% off", "Rabatt", "优惠", "九折"). */
export function isDiscountContext(around: string): boolean {
  return DISCOUNT_CONTEXT.test(around);
}

/** The grounded figures, gathered while the grounding index is built. */
export class DerivationFigures {
  readonly amounts = new Map<string, Amount[]>();
  readonly counts: number[] = [];
  /** Percentages next to a discount word: applied to amounts. */
  readonly discounts: number[] = [];
  /** Every grounded percentage: for percentages derived from others. */
  readonly percents: number[] = [];
  private bags = new Map<string, NumberBag>();

  add(q: Quantity, shape: AmountShape = { perUnit: false, recurring: false }, discount = false, seats = false): void {
    if (!Number.isFinite(q.value) || q.value <= 0) return;
    this.bags.clear();
    if (q.unit === 'money') {
      const key = q.currency ?? 'none';
      const list = this.amounts.get(key) ?? [];
      if (list.length < MAX_DERIVATION_FIGURES && !list.some((a) => a.value === q.value && a.perUnit === shape.perUnit))
        list.push({ value: q.value, ...shape });
      this.amounts.set(key, list);
    } else if (q.unit === 'count') {
      // Only counts of seats or units: with every count of a thread as a factor, almost any figure is "derived".
      if (seats && this.counts.length < MAX_DERIVATION_FIGURES && !this.counts.includes(q.value))
        this.counts.push(q.value);
    } else if (q.unit === 'percent' && q.value < 100) {
      for (const v of [q.value, ...(q.alts ?? [])]) {
        if (this.percents.length < MAX_DERIVATION_PERCENTS && !this.percents.includes(v)) this.percents.push(v);
        if (discount && this.discounts.length < MAX_DERIVATION_PERCENTS && !this.discounts.includes(v))
          this.discounts.push(v);
      }
    }
  }

  /**
   * What an amount of this shape may be multiplied by: seats (per-unit prices), a period (recurring prices), one over
   * a count (a bundle's total shared per unit), and a grounded discount applied (or its amount).
   */
  multiplierBag(shape: AmountShape): NumberBag {
    const key = `${shape.perUnit}:${shape.recurring}:${shape.months ?? ''}`;
    const cached = this.bags.get(key);
    if (cached) return cached;
    const bag = new NumberBag();
    const factors = [1, ...this.discounts.flatMap((p) => [1 - p / 100, p / 100])];
    const counts = shape.perUnit ? [1, ...this.counts] : [1, ...this.counts.map((k) => 1 / k)];
    const from = shape.months;
    const periods = !shape.recurring ? [1] : from ? PERIOD_MONTHS.map((to) => to / from) : ANY_PERIOD;
    for (const k of counts) for (const t of periods) for (const f of factors) bag.add(k * t * f);
    this.bags.set(key, bag);
    return bag;
  }
}

/**
 * Half a unit of the last significant digit: how far a rep's rounding may move a figure. "26,100" → 50,
 * "5,925" → 0.5, "24.65" → 0.005 (a cent either way is allowed for rounding inside the computation).
 */
export function roundingTolerance(value: number): number {
  if (!Number.isInteger(Math.round(value * 1e6) / 1e6)) {
    const decimals = Math.min(6, (String(Math.round(value * 1e6) / 1e6).split('.')[1] ?? '').length);
    return Math.max(0.5 * 10 ** -decimals, 0.01);
  }
  let unit = 1;
  let v = Math.round(value);
  while (v !== 0 && v % 10 === 0 && unit < 1e8) {
    v /= 10;
    unit *= 10;
  }
  return unit === 1 ? 0.5 : unit / 2;
}

function near(a: number, b: number, tol: number): boolean {
  return Math.abs(a - b) <= tol + 1e-9 * Math.max(1, Math.abs(a));
}

/** True when `value` follows from the grounded amounts (in the claim's currency) by a rep's arithmetic. */
export function derivedAmount(value: number, amounts: Amount[], figures: DerivationFigures, tol: number): boolean {
  for (const m of amounts) {
    const lo = (value - tol) / m.value;
    const hi = (value + tol) / m.value;
    if (figures.multiplierBag(m).hasInRange(lo - 1e-12, hi + 1e-12)) return true;
  }
  for (let i = 0; i < amounts.length; i++)
    for (let j = i + 1; j < amounts.length; j++) {
      const [a, b] = [(amounts[i] as Amount).value, (amounts[j] as Amount).value];
      if (near(a + b, value, tol) || near(Math.abs(a - b), value, tol)) return true;
    }
  return false;
}

/**
 * True when a count follows from grounded amounts (a bundle's total ÷ its unit price). Sums and products of unrelated
 * counts are not tried: with a handful of counts in a thread they back almost any small number.
 */
export function derivedCount(value: number, figures: DerivationFigures, tol: number): boolean {
  for (const list of figures.amounts.values())
    for (const a of list)
      for (const b of list) if (a.value > b.value && b.perUnit && near(a.value / b.value, value, tol)) return true;
  return false;
}

/** A short account of what was tried, for the flag: the user sees why the figure could not be derived. */
export function describeTried(
  unit: Quantity['unit'],
  amountCount: number,
  figures: DerivationFigures,
): { en: string; zh: string } {
  const k = figures.counts.length;
  const p = unit === 'money' ? figures.discounts.length : figures.percents.length;
  if (unit === 'money')
    return {
      en: `Tried ${amountCount} grounded amount(s) × ${k} count(s), month/quarter/year, ${p} discount(s) applied, per unit, sums and differences.`,
      zh: `已尝试：${amountCount} 个有依据的金额 × ${k} 个数量、按月/季/年换算、${p} 个折扣、单价与总价互算、加减。`,
    };
  if (unit === 'count')
    return {
      en: `Tried totals ÷ unit prices of the grounded amounts.`,
      zh: `已尝试：有依据的总价 ÷ 单价。`,
    };
  return {
    en: `Tried the ${p} grounded percentage(s) as written (九折 = 10 % off, 1/4 = 25 %).`,
    zh: `已尝试：${p} 个有依据的百分比（含九折 = 减 10% 等写法）。`,
  };
}
