import type { CommitmentFact, Mention } from './mention';
import { isContractTerm } from './contract-term';
import { EN_NUMBER_WORD_SOURCE } from './numbers';
import { sentenceAround } from './extract-meaning';
import { hanBigrams, stem, type Occupancy } from './text-utils';

/**
 * Commitments: "free", "we guarantee", "promise", "refund", "risk-free" and their Chinese forms. What is promised
 * matters ("free trial" is not "free onboarding"), so each commitment carries its object when the wording shows it,
 * and nearby content words otherwise.
 */

type Family = CommitmentFact['family'];

const LATIN_PATTERNS: Array<[Family, RegExp]> = [
  ['risk', /\brisk[- ]free\b/gi],
  [
    'free',
    /\b(?:free of charge|for free|at no (?:extra |additional )?(?:cost|charge)|no (?:extra |additional |hidden )?(?:cost|charge|fees?)|complimentary|costs? nothing|waiv(?:e|ed|es|ing)|free)\b/gi,
  ],
  ['guarantee', /\b(?:guarantee[sd]?|guaranteeing|warrant(?:y|ies))\b/gi],
  ['promise', /\b(?:promise[sd]?|commit(?:s|ted)? to|commitment)\b/gi],
  ['refund', /\b(?:refund(?:s|ed|able)?|money[- ]back)\b/gi],
  [
    'terms',
    /\b(?:no credit card(?: needed| required)?|cancel (?:at )?any ?time|no (?:long[- ]term )?contracts?|no lock-in)\b/gi,
  ],
];
const HAN_PATTERNS: Array<[Family, RegExp]> = [
  ['risk', /无风险|零风险/g],
  ['free', /免费|不收费|不收取任何费用|零成本|零费用|免收|减免/g],
  ['guarantee', /保证|担保/g],
  ['promise', /承诺|一定会/g],
  ['refund', /退款|包退|全额退|无条件退/g],
  ['terms', /随时取消|无需绑卡|不绑卡|费用不变|价格不变|不加价|不涨价|不额外收费|不另外收费/g],
];

const REPORTED_HAN = /(?:如|按|正如|按照|根据)(?:之前|此前|先前|上次|您|我们)?$|(?:之前|此前|先前|已经|早已)$/;

/** Words too common to say what a commitment is about. */
export const STOPWORDS = new Set(
  `a an the and or but if then so to of in on at by for with from as is are was were be been being will would can
could should may might must it its this that these those there here we our us you your they their them i me my
he she his her not no all any each every some such very just also only more most than too up out about into over
after before during within without per via you'll we'll i'll it's that's there's you're we're don't doesn't
get got have has had do does did make makes made let lets`.split(/\s+/),
);

const NUMBER_WORD = new RegExp(`^(?:${EN_NUMBER_WORD_SOURCE}|one|a)(?:-|$)`, 'i');
const POSTPOSITIVE = /^(?:free of charge|at no|costs? nothing|waiv)/i;
const COPULA = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'will',
  'comes',
  'come',
  'remains',
  'remain',
  'stays',
  'stay',
]);

function latinWords(text: string): string[] {
  return text.match(/[A-Za-z][A-Za-z'’-]*|\d[\w-]*/g) ?? [];
}

function contentStems(words: string[]): string[] {
  const out: string[] = [];
  for (const w of words) {
    for (const part of w.toLowerCase().split('-')) {
      if (!part || STOPWORDS.has(part) || /^\d+$/.test(part)) continue;
      out.push(stem(part));
    }
  }
  return out;
}

/**
 * "free trial" → trial; "the pilot is free of charge" → pilot; "free for two weeks" → none. `capitalised` marks an
 * object that may be a product name ("Tally is free"): the check then accepts the product being known as free.
 */
function latinObject(
  text: string,
  start: number,
  end: number,
  phrase: string,
): { units: string[]; capitalised: boolean } | undefined {
  const after = latinWords(text.slice(end, end + 40));
  if (/^free$/i.test(phrase)) {
    // Skip figures ("14-day", "two-week"): the object is the noun after them.
    const next = after.find((w) => !/\d/.test(w) && !NUMBER_WORD.test(w));
    if (next && !STOPWORDS.has(next.toLowerCase()))
      return { units: [stem(next.split('-')[0] ?? next)], capitalised: /^[A-Z]/.test(next) };
  }
  const before = latinWords(text.slice(Math.max(0, start - 40), start));
  const hasCopula = before.length > 0 && COPULA.has((before[before.length - 1] ?? '').toLowerCase());
  if (POSTPOSITIVE.test(phrase) || (/^free$/i.test(phrase) && hasCopula)) {
    while (before.length > 0 && COPULA.has((before[before.length - 1] ?? '').toLowerCase())) before.pop();
    const prev = before[before.length - 1];
    if (prev && !STOPWORDS.has(prev.toLowerCase()) && !/\d/.test(prev)) {
      const gap = text.slice(Math.max(0, start - 40), start);
      // Only when the noun is right there ("add-on, at no extra charge"), not across a sentence.
      if (!/[.!?;:]\s*\S*\s*$/.test(gap)) return { units: [stem(prev)], capitalised: /^[A-Z]/.test(prev) };
    }
  }
  return undefined;
}

function hanAfter(text: string, end: number): string {
  const m = /^[\p{Script=Han}\d]{1,8}/u.exec(text.slice(end, end + 8));
  return m ? m[0] : '';
}

/** Which commitment families occur in `text` at all: enough for grounding, and far cheaper than listing them. */
export function commitmentFamilies(text: string): Set<Family> {
  const families = new Set<Family>();
  for (const [family, re] of [...LATIN_PATTERNS, ...HAN_PATTERNS]) {
    re.lastIndex = 0;
    if (re.test(text)) families.add(family);
    re.lastIndex = 0;
  }
  return families;
}

/** The content units of a commitment's surroundings: word stems for Latin text, bigrams and digits for Han text. */
export function commitmentContext(fact: CommitmentFact): string[] {
  if (fact.script === 'han') return [...hanBigrams(fact.window), ...(fact.window.match(/\d+/g) ?? [])];
  // The sentence, not a fixed window: "finished by July 19. We also commit to weekly calls" must not borrow "July"
  // from the sentence before to match a thread promising something else by July 24.
  return contentStems(latinWords(fact.sentence ?? fact.window)).filter(
    (w) => !/^(free|guarante|promise|refund|charge|cost)/.test(w),
  );
}

/**
 * Finds commitments in a draft. The surrounding words are kept as raw text and only turned into comparable units
 * when a check needs them (most promises are settled by their object or family alone).
 */
export function extractCommitments(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const [family, re] of LATIN_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 12), start).toLowerCase();
      // "feel free", "hands-free", "toll-free": not an offer.
      if (family === 'free' && /(feel|hands|toll|duty|tax|gluten|sugar|hassle|stress)[\s-]$/.test(before)) continue;
      if (family === 'free' && /^free[- ](up|to|time|form)\b/i.test(text.slice(start, end + 6))) continue;
      // "As promised, …" reports an earlier promise; it makes no new one.
      if (family === 'promise' && /\bas\s$/.test(before)) continue;
      if (family === 'promise' && isContractTerm(text, start, end)) continue;
      if (!occupied.isFree(start, end)) continue;
      occupied.take(start, end);
      const fact: CommitmentFact = {
        type: 'commitment',
        family,
        script: 'latin',
        window: text.slice(Math.max(0, start - 60), Math.min(text.length, end + 60)),
        sentence: sentenceAround(text, start),
      };
      const object = family === 'free' ? latinObject(text, start, end, m[0]) : undefined;
      if (object) {
        fact.object = object.units;
        if (object.capitalised) fact.objectMayBeName = true;
      }
      out.push({ start, end, kind: 'commitment', fact });
    }
  }
  for (const [family, re] of HAN_PATTERNS) {
    for (const m of text.matchAll(re)) {
      const start = m.index ?? 0;
      const end = start + m[0].length;
      // "如之前承诺的", "按此前承诺": the thread's earlier promise, reported; what it promised is checked on its own.
      if (family === 'promise' && REPORTED_HAN.test(text.slice(Math.max(0, start - 4), start))) continue;
      if (!occupied.isFree(start, end)) continue;
      occupied.take(start, end);
      const following = hanAfter(text, end);
      const objectUnits = [...hanBigrams(following), ...(following.match(/\d+/g) ?? [])];
      const fact: CommitmentFact = {
        type: 'commitment',
        family,
        script: 'han',
        window: text.slice(Math.max(0, start - 8), Math.min(text.length, end + 8)),
        sentence: sentenceAround(text, start),
      };
      if (objectUnits.length > 0) fact.object = objectUnits;
      out.push({ start, end, kind: 'commitment', fact });
    }
  }
}
