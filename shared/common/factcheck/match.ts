import { derivedAmount, derivedCount, roundingTolerance, type Amount } from './derive';
import { commitmentContext } from './extract-commitments';
import { meaningSupported, namesServiceLevel, type MeaningGroup } from './meaning';
import type { GroundingIndex } from './grounding';
import type { CommitmentFact, Currency, DateFact, Fact, NameFact, Quantity, UrlFact } from './mention';
import { CORPORATE_SUFFIXES } from './name-lexicon';
import { normalizeForMatch, stem } from './text-utils';

const EPSILON = 1e-9;

/** The grounding values that back claimed value `c`, given its qualifier ("over 300" is backed by 312). */
function rangeFor(c: number, approx: Quantity['approx']): [number, number] {
  const eps = EPSILON * Math.max(1, Math.abs(c));
  if (approx === 'about') return [c - 0.15 * Math.abs(c) - eps, c + 0.15 * Math.abs(c) + eps];
  if (approx === 'over') return [c - eps, c * 1.5 + eps];
  if (approx === 'under') return [c * 0.5 - eps, c + eps];
  return [c - eps, c + eps];
}

const ALL_CURRENCIES: Currency[] = ['USD', 'EUR', 'GBP', 'CNY', 'BRL', 'PLN', 'SEK', 'NOK', 'DKK', 'KR', 'CHF'];

/** Currencies written differently that may be the same: a bare "kr" is any of the Nordic crowns. */
export function sameCurrency(c: Currency): Currency[] {
  if (c === 'KR') return ['KR', 'SEK', 'NOK', 'DKK'];
  if (c === 'SEK' || c === 'NOK' || c === 'DKK') return [c, 'KR'];
  return [c];
}

/** Grounding unit groups that can back a claimed quantity. */
function compatibleGroups(c: Quantity): string[] {
  switch (c.unit) {
    case 'money':
      // An amount is backed by the same amount in the same (or an unstated) currency, or by a bare figure.
      if (!c.currency) return [...ALL_CURRENCIES.map((x) => `money:${x}`), 'money:none', 'count'];
      return [...sameCurrency(c.currency).map((x) => `money:${x}`), 'money:none', 'count'];
    case 'phone':
      return [];
    default:
      return [c.unit];
  }
}

function quantitySupported(c: Quantity, index: GroundingIndex): boolean {
  if (c.unit === 'phone') {
    // Country codes come and go ("+1 415…" vs "415…"): compare the trailing digits.
    const digits = c.digits ?? '';
    for (let k = 7; k <= Math.min(10, digits.length); k++)
      if (index.phoneSuffixes.has(`${k}:${digits.slice(-k)}`)) return true;
    return false;
  }
  const groups = compatibleGroups(c);
  const values = [c.value, ...(c.alts ?? [])];
  const direct = values.some((v) => {
    const [lo, hi] = rangeFor(v, c.approx);
    return groups.some((g) => index.numbers.get(g)?.hasInRange(lo, hi) ?? false);
  });
  return direct || values.some((v) => derivedQuantity(c, v, index));
}

/** The grounded amounts a claimed amount may be computed from: same currency (or unstated), any when it has none. */
export function derivationAmounts(c: Quantity, index: GroundingIndex): Amount[] {
  const out: Amount[] = [];
  for (const [currency, list] of index.figures.amounts)
    if (!c.currency || currency === 'none' || sameCurrency(c.currency).includes(currency as Currency))
      out.push(...list);
  return out;
}

function derivedQuantity(c: Quantity, value: number, index: GroundingIndex): boolean {
  if (c.approx === 'over' || c.approx === 'under') return false;
  // "About 28万" still has to land within a few percent: a rough figure is not a licence for any figure.
  const tol = Math.max(roundingTolerance(value), c.approx === 'about' ? 0.025 * value : 0);
  if (c.unit === 'money') return derivedAmount(value, derivationAmounts(c, index), index.figures, tol);
  if (c.unit === 'count') return derivedCount(value, index.figures, tol);
  return false;
}

function dateSupported(c: DateFact, index: GroundingIndex): boolean {
  // A thread that says "11月14日" or "March 15" and never names a year means this year: the draft may add it. When the
  // grounding names any year, the draft's year has to be one of them.
  const yearless = ![...index.dateKeys].some((k) => k.startsWith('y:'));
  return c.keys.some((alt) =>
    alt.split('&').every((key) => index.dateKeys.has(key) || (yearless && key.startsWith('y:') && alt.includes('md:'))),
  );
}

function urlSupported(c: UrlFact, index: GroundingIndex): boolean {
  return index.urls.has(c.normalized) || (!c.hasPath && index.hosts.has(c.host));
}

const LATIN_WORD_CHAR = /[\p{Script=Latin}\p{N}]/u;
/** Occurrences of a phrase we inspect before giving up on a whole-phrase match; bounds adversarial grounding. */
const MAX_OCCURRENCES = 1_000;

/** Whole-phrase match with Latin word boundaries (a name glued to Han text, as in "通过ISO", still counts). */
function containsPhrase(haystack: string, phrase: string): boolean {
  let i = haystack.indexOf(phrase);
  for (let seen = 0; i >= 0 && seen < MAX_OCCURRENCES; seen++) {
    const before = haystack[i - 1] ?? ' ';
    const after = haystack[i + phrase.length] ?? ' ';
    if (!LATIN_WORD_CHAR.test(before) && !LATIN_WORD_CHAR.test(after)) return true;
    i = haystack.indexOf(phrase, i + 1);
  }
  return false;
}

/** One typo (insertion, deletion or substitution) in words of six letters or more, via the deletion index. */
function fuzzyKnown(word: string, index: GroundingIndex): boolean {
  if (word.length < 6 || word.length > 40) return false;
  if (index.fuzzyWords.has(word)) return true;
  for (let i = 0; i < word.length; i++) if (index.fuzzyWords.has(word.slice(0, i) + word.slice(i + 1))) return true;
  return false;
}

const NAME_CONNECTORS = new Set(['of', 'de', 'la', 'van', 'von', 'der', 'du']);

function latinNameSupported(value: string, index: GroundingIndex): boolean {
  const norm = normalizeForMatch(value).replace(/'s\b/g, '');
  if (norm.length === 0 || containsPhrase(index.text, norm)) return true;
  let tokens = norm.split(/[^\p{L}\p{N}]+/u).filter((t) => t.length > 0 && !NAME_CONNECTORS.has(t));
  const significant = tokens.filter((t) => !CORPORATE_SUFFIXES.has(t));
  if (significant.length > 0) tokens = significant;
  return tokens.every((t) => index.words.has(t) || index.words.has(stem(t)) || fuzzyKnown(t, index));
}

function hanNameSupported(c: NameFact, index: GroundingIndex): boolean {
  if (c.variants?.some((v) => index.text.includes(v))) return true;
  if (c.surname) {
    if (c.value.length > 1) return index.text.includes(c.value);
    // "王总" is backed by "王明" at a name position (after punctuation or a space), not by 王 inside any word.
    return index.nameInitials.has(c.surname);
  }
  if (c.variants) return false;
  return index.text.includes(normalizeForMatch(c.value));
}

const FAMILY_GROUP: Record<CommitmentFact['family'], MeaningGroup> = {
  free: 'offer',
  terms: 'offer',
  guarantee: 'guarantee',
  refund: 'guarantee',
  risk: 'guarantee',
  promise: 'commit',
};

function commitmentSupported(c: CommitmentFact, index: GroundingIndex): boolean {
  // Same words first; then the same meaning ("at no extra cost" backed by "every plan includes onboarding").
  const sentence = c.sentence ?? c.window;
  return (
    commitmentWordsSupported(c, index) ||
    meaningSupported(FAMILY_GROUP[c.family], sentence, index.meaning) ||
    // "合同里承诺可用性99.5%", "we commit to 99.9% uptime": a promise of a service level is a guarantee, backed by the
    // product's SLA as much as by the thread.
    (c.family === 'promise' && namesServiceLevel(sentence) && meaningSupported('guarantee', sentence, index.meaning))
  );
}

function commitmentWordsSupported(c: CommitmentFact, index: GroundingIndex): boolean {
  const candidates = index.clauses.get(c.family) ?? [];
  if (candidates.length === 0) return false;
  const sameScript = candidates.filter((cl) => cl.script === c.script);
  // Grounding in the other language: the promise exists, and we cannot compare wording across languages.
  if (sameScript.length === 0) return true;
  if (c.object && c.object.length > 0) {
    const object = c.object;
    const need = c.script === 'latin' ? object.length : Math.min(2, object.length);
    if (sameScript.some((cl) => object.filter((u) => cl.units.has(u)).length >= need)) return true;
    // "Tally is free": the object is the product itself, which the grounding knows as free.
    return c.objectMayBeName === true && object.every((u) => index.properNames.has(u));
  }
  if (c.family === 'free') return true;
  const context = commitmentContext(c);
  const need = Math.min(2, context.length);
  return sameScript.some((cl) => context.filter((u) => cl.units.has(u)).length >= need);
}

/** True when the grounding backs the fact. */
export function isSupported(fact: Fact, index: GroundingIndex): boolean {
  switch (fact.type) {
    case 'quantity':
      return quantitySupported(fact, index);
    case 'date':
      return dateSupported(fact, index);
    case 'url':
      return urlSupported(fact, index);
    case 'name':
      return fact.script === 'latin' ? latinNameSupported(fact.value, index) : hanNameSupported(fact, index);
    case 'commitment':
      return commitmentSupported(fact, index);
    case 'meaning':
      return meaningSupported(fact.group, fact.sentence, index.meaning, fact.cue);
  }
}
