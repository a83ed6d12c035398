import type { Mention, ScanMode } from './mention';
import {
  COMMON_CAPITALISED,
  GENERIC_CAPITALISED,
  HAN_FUNCTION_CHARS,
  HAN_GENERIC_CORES,
  HAN_GENERIC_FOLLOWERS,
  HAN_ORG_SUFFIXES,
  HAN_PLACES,
  HAN_PLATFORMS,
  HAN_ROLE_WORDS,
  HAN_SURNAMES,
  HAN_TITLES,
  GERMAN_NOUN_LEFT,
  GERMAN_NOUN_SUFFIX,
  GREETINGS,
  HONORIFICS,
  looksGerman,
  SIGN_OFFS,
} from './name-lexicon';
import { isHan, isSentenceInitial, lineAt, type Occupancy } from './text-utils';

/**
 * Proper names and product names. English: runs of capitalised words, minus words capitalised only because they open
 * a sentence. Chinese has no capitals, so: quoted names, "surname + title", "<name> + organisation suffix", and a
 * gazetteer of places and platforms. Names already known from grounding are found by the same rules and then match.
 */

interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{M}\p{N}]+(?:[’'&-][\p{L}\p{M}\p{N}]+)*/gu;
const QUOTED = /《([^》\n]{1,40})》|「([^」\n]{1,40})」|“([^”\n]{1,60})”|"([^"\n]{1,60})"/g;
const CONNECTORS = new Set(['of', 'de', 'la', 'van', 'von', 'der', 'du', '&']);
/** Longest run of capitalised words taken as one name; longer runs are headings or noise and are cut. */
const MAX_NAME_TOKENS = 6;

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word) || /^\p{Ll}+\p{Lu}/u.test(word);
}

function isDistinctive(word: string): boolean {
  // Acronyms ("HIPAA"), inner capitals ("HubSpot") and letter+digit codes ("G2") are names wherever they stand.
  return /^\p{Lu}{2,}/u.test(word) || /\p{Ll}\p{Lu}/u.test(word) || /\p{L}\d|\d\p{L}/u.test(word);
}

function stripPossessive(token: Token): { token: Token; possessive: boolean } {
  const m = /[’']s$/.exec(token.text);
  if (!m) return { token, possessive: false };
  return { token: { ...token, text: token.text.slice(0, -2), end: token.end - 2 }, possessive: true };
}

function pushName(out: Mention[], occupied: Occupancy, start: number, end: number, fact: Mention['fact']): void {
  if (end <= start || !occupied.isFree(start, end)) return;
  occupied.take(start, end);
  out.push({ start, end, kind: 'name', fact });
}

function extractQuoted(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(QUOTED)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? '';
    const start = m.index ?? 0;
    const han = /\p{Script=Han}/u.test(inner);
    // Short quoted phrases are product or document names; long ones are quoted speech.
    if (han ? [...inner].length > 20 : inner.split(/\s+/).length > 5) continue;
    if (!/\p{L}/u.test(inner)) continue;
    const bracketed = m[1] !== undefined;
    const s = bracketed ? start : start + 1;
    const e = bracketed ? start + m[0].length : start + 1 + inner.length;
    pushName(out, occupied, s, e, { type: 'name', script: han ? 'han' : 'latin', value: inner.trim() });
  }
}

function extractGazetteer(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const term of [...HAN_PLATFORMS, ...HAN_PLACES]) {
    let i = text.indexOf(term);
    while (i >= 0) {
      pushName(out, occupied, i, i + term.length, { type: 'name', script: 'han', value: term });
      i = text.indexOf(term, i + term.length);
    }
  }
}

const TITLE_RE = new RegExp(HAN_TITLES.join('|'), 'g');

/** "王总", "张伟先生", "陈小明经理": the surname is the first character we recognise going back from the title. */
function extractHonorifics(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(TITLE_RE)) {
    const titleStart = m.index ?? 0;
    const titleEnd = titleStart + m[0].length;
    if (m[0] === '总' && /^[共结体是之部计额量数价裁监经算而的]/.test(text.slice(titleEnd, titleEnd + 1))) continue;
    for (let back = 1; back <= 3; back++) {
      const s = titleStart - back;
      if (s < 0) break;
      const chars = text.slice(s, titleStart);
      if (![...chars].every((c) => isHan(c))) break;
      const surname = text[s] ?? '';
      if (!HAN_SURNAMES.has(surname)) continue;
      if (back > 1 && (HAN_ROLE_WORDS.has(chars) || HAN_ROLE_WORDS.has(chars.slice(0, 2)))) break;
      if (back > 1 && [...chars.slice(1)].some((c) => HAN_FUNCTION_CHARS.has(c))) break;
      pushName(out, occupied, s, titleEnd, {
        type: 'name',
        script: 'han',
        value: chars,
        surname,
        variants: [text.slice(s, titleEnd)],
      });
      break;
    }
  }
}

const ROLE_THEN_NAME = /(?:负责人|联系人|对接人|同事|创始人|老板|CEO|CTO|CFO|COO|CIO)[:：]?\s?(\p{Script=Han}{2,3})/gu;
/** Characters that commonly follow a name and so end it ("李强都在…", "李强说…"). */
const AFTER_NAME = new Set([...'都在说已也会和与跟对把将要的是']);

/** "IT负责人李强，": a role word followed by a two- or three-character name starting with a known surname. */
function extractRoleNames(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(ROLE_THEN_NAME)) {
    const captured = m[1] ?? '';
    const name = captured.length === 3 && AFTER_NAME.has(captured[2] ?? '') ? captured.slice(0, 2) : captured;
    const start = (m.index ?? 0) + m[0].length - captured.length;
    const next = text[start + name.length];
    const ends = next === undefined || /[\s，,。.；;、:：)）]/.test(next) || AFTER_NAME.has(next);
    if (!ends || !HAN_SURNAMES.has(name[0] ?? '') || [...name].some((c) => HAN_FUNCTION_CHARS.has(c))) continue;
    pushName(out, occupied, start, start + name.length, { type: 'name', script: 'han', value: name, variants: [name] });
  }
}

const ORG_RE = new RegExp(HAN_ORG_SUFFIXES.join('|'), 'g');

/** "顺达物流", "美味餐饮集团": up to four Han characters before an organisation suffix, cut at function characters. */
function extractOrganisations(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const m of text.matchAll(ORG_RE)) {
    const suffixStart = m.index ?? 0;
    const suffixEnd = suffixStart + m[0].length;
    if (HAN_GENERIC_FOLLOWERS.test(text.slice(suffixEnd, suffixEnd + 2))) continue;
    let coreStart = suffixStart;
    while (coreStart > 0 && suffixStart - coreStart < 4) {
      const c = text[coreStart - 1];
      if (!isHan(c) || HAN_FUNCTION_CHARS.has(c ?? '') || !occupied.isFree(coreStart - 1, coreStart)) break;
      coreStart--;
    }
    const core = text.slice(coreStart, suffixStart);
    if (core.length < 2 || HAN_GENERIC_CORES.has(core.slice(-2)) || HAN_GENERIC_CORES.has(core)) continue;
    const variants: string[] = [];
    for (let k = 2; k <= core.length; k++) variants.push(core.slice(-k) + m[0], core.slice(-k));
    pushName(out, occupied, suffixStart - 2, suffixEnd, {
      type: 'name',
      script: 'han',
      value: text.slice(suffixStart - 2, suffixEnd),
      variants,
    });
  }
}

function tokenize(text: string, occupied: Occupancy): Token[] {
  const tokens: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const end = start + m[0].length;
    if (/\p{Script=Han}/u.test(m[0])) {
      // Han runs break name sequences but are never Latin names themselves.
      tokens.push({ text: '', start, end });
      continue;
    }
    if (!occupied.isFree(start, end)) {
      tokens.push({ text: '', start, end });
      continue;
    }
    tokens.push({ text: m[0], start, end });
  }
  return tokens;
}

/** Groups capitalised tokens separated by a single space or a connector ("VP of Sales", "Johnson & Johnson"). */
function sequences(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  const flush = (): void => {
    if (current.length > 0) out.push(current);
    current = [];
  };
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] as Token;
    if (!token.text || !isCapitalised(token.text)) {
      const next = tokens[i + 1];
      // A lowercase connector only joins two capitalised words directly around it.
      if (current.length > 0 && token.text && CONNECTORS.has(token.text) && next?.text && isCapitalised(next.text)) {
        const prev = current[current.length - 1] as Token;
        if (text.slice(prev.end, token.start) === ' ' && text.slice(token.end, next.start) === ' ') {
          current.push(token);
          continue;
        }
      }
      flush();
      continue;
    }
    const { token: bare, possessive } = stripPossessive(token);
    const prev = current[current.length - 1];
    const gap = prev ? text.slice(prev.end, token.start) : '';
    // "Dr. Weber" stays one sequence: the period belongs to the honorific, it does not end a sentence.
    if (prev && gap !== ' ' && !(gap === '. ' && HONORIFICS.has(prev.text))) flush();
    current.push(bare);
    if (possessive || current.length >= MAX_NAME_TOKENS) flush();
  }
  flush();
  return out;
}

/** The word right before `start` (lower case), or '' at a line start or after punctuation other than a space. */
function wordBefore(text: string, start: number): string {
  const m = /([\p{L}\p{N}.]+)[ \u00a0]$/u.exec(text.slice(Math.max(0, start - 30), start));
  return (m?.[1] ?? '').toLowerCase();
}

/**
 * In German text, splits a capitalised run at the common nouns it contains ("Die Migration Ihrer Bestandsdaten" has
 * no name). A word after an honorific stays a name ("Herr Brandt").
 */
function germanNameRuns(text: string, seq: Token[], afterHonorific: boolean): Token[][] {
  const runs: Token[][] = [];
  let run: Token[] = [];
  seq.forEach((t, i) => {
    const prev = i === 0 ? wordBefore(text, t.start) : (seq[i - 1] as Token).text.toLowerCase();
    const lower = t.text.toLowerCase();
    const noun =
      !(afterHonorific && i === 0) &&
      !isDistinctive(t.text) &&
      (GERMAN_NOUN_LEFT.has(prev) ||
        /^\d/.test(prev) ||
        (/^\p{Ll}{3,}(?:e|en|er|es|em)$/u.test(prev) && i === 0) ||
        GERMAN_NOUN_SUFFIX.test(lower) ||
        GERMAN_NOUN_SUFFIX.test(lower.split('-').pop() ?? ''));
    if (noun || GENERIC_CAPITALISED.has(t.text)) {
      if (run.length > 0) runs.push(run);
      run = [];
    } else run.push(t);
  });
  if (run.length > 0) runs.push(run);
  return runs;
}

function extractLatin(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  const german = looksGerman(text);
  for (let seq of sequences(text, tokenize(text, occupied))) {
    const first = seq[0] as Token;
    let initial = isSentenceInitial(text, first.start);
    let greeting = false;
    let afterHonorific = false;
    // Drop honorifics and greeting/sentence openers from the front ("Guten Tag Herr Brandt", "Bom dia").
    while (seq.length > 0) {
      const head = seq[0] as Token;
      const dotted = text[head.end] === '.' ? `${head.text}.` : head.text;
      if (HONORIFICS.has(head.text) || HONORIFICS.has(dotted)) {
        seq = seq.slice(1);
        initial = false;
        afterHonorific = true;
        continue;
      }
      const word = head.text.replace(/’/g, "'");
      const lower = word.toLowerCase();
      if (GREETINGS.has(lower) && (initial || greeting)) {
        seq = seq.slice(1);
        initial = false;
        greeting = true;
        continue;
      }
      if (SIGN_OFFS.has(lower) || GENERIC_CAPITALISED.has(word)) {
        seq = seq.slice(1);
        continue;
      }
      if (initial && COMMON_CAPITALISED.has(lower)) {
        seq = seq.slice(1);
        initial = false;
        continue;
      }
      break;
    }
    const isTrailingNoise = (t: Token): boolean =>
      GENERIC_CAPITALISED.has(t.text.replace(/’/g, "'")) || CONNECTORS.has(t.text);
    while (seq.length > 0 && isTrailingNoise(seq[seq.length - 1] as Token)) seq = seq.slice(0, -1);
    if (seq.length === 0) continue;
    if (german && mode === 'draft') {
      const runs = germanNameRuns(text, seq, afterHonorific);
      if (runs.length !== 1 || runs[0]?.length !== seq.length) {
        for (const run of runs) pushLatinName(text, run, occupied, out);
        continue;
      }
    }
    const head = seq[0] as Token;
    const last = seq[seq.length - 1] as Token;
    if (initial && seq.length === 1 && mode === 'draft' && !isDistinctive(head.text)) {
      // A lone capitalised word opening a sentence may be any word. Keep it only when the line is just this name
      // (a sign-off such as "Tom") or it greets in Chinese ("Kevin 您好").
      const { line } = lineAt(text, head.start);
      const onlyName = line.replace(/[\s,.!:;，。！：；]+/g, '') === head.text;
      const zhGreeting = /^\s?(您好|你好)/.test(text.slice(head.end, head.end + 3));
      if (!onlyName && !zhGreeting) continue;
    }
    pushName(out, occupied, head.start, last.end, {
      type: 'name',
      script: 'latin',
      value: text.slice(head.start, last.end),
    });
  }
}

function pushLatinName(text: string, run: Token[], occupied: Occupancy, out: Mention[]): void {
  const head = run[0] as Token;
  const last = run[run.length - 1] as Token;
  pushName(out, occupied, head.start, last.end, {
    type: 'name',
    script: 'latin',
    value: text.slice(head.start, last.end),
  });
}

/** Finds names; run after dates, URLs and numbers so that "Friday" or "Q3" are not taken for names. */
export function extractNames(text: string, mode: ScanMode, occupied: Occupancy, out: Mention[]): void {
  extractQuoted(text, occupied, out);
  extractGazetteer(text, occupied, out);
  extractHonorifics(text, occupied, out);
  extractRoleNames(text, occupied, out);
  extractOrganisations(text, occupied, out);
  extractLatin(text, mode, occupied, out);
}
