import { amountShape, DerivationFigures, isDiscountContext, isSeatCount } from './derive';
import { commitmentFamilies, STOPWORDS } from './extract-commitments';
import { extractMentions } from './extract';
import type { CommitmentFact, Quantity } from './mention';
import { NumberBag } from './number-bag';
import { meaningClauses, type MeaningClause } from './meaning';
import { prepareText } from './prepare';
import { hanBigrams, normalizeForMatch, stem } from './text-utils';

/** Caps on grounding so one call stays bounded: strings beyond these are ignored and the result says so. */
export const MAX_GROUNDING_STRINGS = 500;
/** Total grounding characters read per call. */
export const MAX_GROUNDING_CHARS = 100_000;
/** Clauses kept per commitment family; more than this is noise, not grounding. */
const MAX_CLAUSES_PER_FAMILY = 1_000;
const MAX_CLAUSE_CHARS = 2_000;

/** One clause of grounding, for checking commitments next to what they promise. */
export interface GroundingClause {
  script: 'latin' | 'han';
  units: Set<string>;
}

/** Everything a draft claim can be compared with, extracted once per call. */
export interface GroundingIndex {
  /** Numbers by unit group: 'count', 'percent', 'duration', 'times', 'money:USD', …, 'money:none'. */
  numbers: Map<string, NumberBag>;
  /** Trailing digits (7–10) of every long digit string, for phone numbers: key `${length}:${digits}`. */
  phoneSuffixes: Set<string>;
  dateKeys: Set<string>;
  urls: Set<string>;
  hosts: Set<string>;
  /** Normalised grounding text (lower case, no accents), for name look-ups. */
  text: string;
  /** Normalised Latin words and their stems. */
  words: Set<string>;
  /** Words of five letters or more and every one-letter deletion of them: one-typo look-ups in O(word length). */
  fuzzyWords: Set<string>;
  /** Lower-cased words written with a capital inside a sentence in grounding: names of products, firms, people. */
  properNames: Set<string>;
  /** Han characters that start a name in grounding (after punctuation or a space, followed by Han). */
  nameInitials: Set<string>;
  clauses: Map<CommitmentFact['family'], GroundingClause[]>;
  /** Grounding clauses with the kind of statement each makes and its concepts, for claims that are not numbers. */
  meaning: MeaningClause[];
  /** Grounded amounts, counts and percentages that derived figures (seats × price, …) may start from. */
  figures: DerivationFigures;
  truncated: boolean;
}

/** A capitalised word inside a sentence (after a word or a colon/comma/bracket, not after a sentence end). */
const PROPER_NAME = /(?<=[^.!?。\s][ \t]+|[:,(、])\p{Lu}[\p{L}\p{N}]+/gu;
const CLAUSE_SPLIT = /[!?;。\n]|\.(?=\s|$)|(?<=\p{Script=Han}),|,(?=\p{Script=Han})/u;
// Cheap pre-filter so only clauses that can hold a commitment are scanned in full.
const MAY_COMMIT =
  /free|charge|cost|waiv|guarant|warrant|promis|commit|refund|money|risk|credit card|cancel|contract|lock-in|免费|收费|成本|费用|免收|减免|保证|担保|承诺|一定会|退|风险|取消|绑卡|价/i;

function clauseUnits(text: string): Set<string> {
  const units = new Set<string>();
  for (const w of text.toLowerCase().match(/[a-z][a-z'-]*/g) ?? []) {
    for (const part of w.split('-')) if (part && !STOPWORDS.has(part)) units.add(stem(part));
  }
  for (const b of hanBigrams(text)) units.add(b);
  for (const d of text.match(/\d+/g) ?? []) units.add(d);
  return units;
}

/** Unit groups a grounding quantity is filed under. */
function groupsOf(q: Quantity): string[] {
  if (q.unit === 'money') return [`money:${q.currency ?? 'none'}`];
  return [q.unit];
}

function addQuantity(index: GroundingIndex, q: Quantity): void {
  const digits = q.digits ?? (q.unit === 'count' && Number.isInteger(q.value) ? String(q.value) : '');
  if (digits.length >= 7)
    for (let k = 7; k <= Math.min(10, digits.length); k++) index.phoneSuffixes.add(`${k}:${digits.slice(-k)}`);
  if (q.unit === 'phone') return;
  for (const group of groupsOf(q)) {
    let bag = index.numbers.get(group);
    if (!bag) index.numbers.set(group, (bag = new NumberBag()));
    bag.add(q.value);
    for (const alt of q.alts ?? []) bag.add(alt);
  }
}

function addWord(index: GroundingIndex, word: string): void {
  index.words.add(word);
  index.words.add(stem(word));
  if (word.length < 5 || word.length > 40) return;
  index.fuzzyWords.add(word);
  for (let i = 0; i < word.length; i++) index.fuzzyWords.add(word.slice(0, i) + word.slice(i + 1));
}

/** Builds the comparison index from grounding strings (thread text, CRM fields, persona, product facts). */
export function buildGroundingIndex(grounding: readonly unknown[]): GroundingIndex {
  const index: GroundingIndex = {
    numbers: new Map(),
    phoneSuffixes: new Set(),
    dateKeys: new Set(),
    urls: new Set(),
    hosts: new Set(),
    text: '',
    words: new Set(),
    fuzzyWords: new Set(),
    nameInitials: new Set(),
    properNames: new Set(),
    clauses: new Map(),
    figures: new DerivationFigures(),
    meaning: [],
    truncated: grounding.length > MAX_GROUNDING_STRINGS,
  };
  const texts: string[] = [];
  let budget = MAX_GROUNDING_CHARS;
  for (const raw of grounding.slice(0, MAX_GROUNDING_STRINGS)) {
    if (typeof raw !== 'string') continue;
    if (budget <= 0) {
      index.truncated = true;
      break;
    }
    const g = raw.length > budget ? raw.slice(0, budget) : raw;
    if (raw.length > budget) index.truncated = true;
    budget -= g.length;
    const prepared = prepareText(g);
    texts.push(prepared);
    for (const m of prepared.matchAll(PROPER_NAME)) index.properNames.add(stem(m[0].toLowerCase()));
    for (const m of extractMentions(prepared, 'grounding')) {
      const f = m.fact;
      if (f.type === 'quantity') {
        addQuantity(index, f);
        if (f.unit !== 'phone')
          index.figures.add(
            f,
            f.unit === 'money'
              ? amountShape(prepared.slice(Math.max(0, m.start - 12), m.start), prepared.slice(m.end, m.end + 50))
              : undefined,
            f.unit === 'percent' && isDiscountContext(prepared.slice(Math.max(0, m.start - 40), m.end + 40)),
            f.unit === 'count' && isSeatCount(prepared.slice(m.start, m.end + 30)),
          );
      } else if (f.type === 'date') {
        for (const alt of f.keys) {
          for (const key of alt.split('&')) {
            index.dateKeys.add(key);
            const md = /^md:(\d+)-(\d+)$/.exec(key);
            if (md) index.dateKeys.add(`m:${md[1]}`).add(`dom:${md[2]}`);
          }
        }
      } else if (f.type === 'url') {
        index.urls.add(f.normalized);
        index.hosts.add(f.host);
      }
    }
    for (const clause of prepared.split(CLAUSE_SPLIT)) {
      if (!clause || !MAY_COMMIT.test(clause)) continue;
      const families = commitmentFamilies(clause);
      if (families.size === 0) continue;
      // A "clause" thousands of characters long is not a clause; its first part is enough to compare wording.
      const head = clause.slice(0, MAX_CLAUSE_CHARS);
      const entry: GroundingClause = {
        script: /\p{Script=Han}/u.test(head) ? 'han' : 'latin',
        units: clauseUnits(head),
      };
      for (const family of families) {
        const list = index.clauses.get(family) ?? [];
        if (list.length < MAX_CLAUSES_PER_FAMILY) list.push(entry);
        index.clauses.set(family, list);
      }
    }
  }
  index.text = normalizeForMatch(texts.join('\n'));
  index.meaning = meaningClauses(texts.join('\n'));
  // Han runs are not words here: "通过ISO" must still yield "iso".
  for (const w of index.text.replace(/\p{Script=Han}+/gu, ' ').match(/[\p{L}\p{N}]+/gu) ?? []) addWord(index, w);
  for (const m of index.text.matchAll(/(?<!\p{Script=Han})(\p{Script=Han})(?=\p{Script=Han})/gu))
    index.nameInitials.add(m[1] ?? '');
  return index;
}
