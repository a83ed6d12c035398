/**
 * A small English + Chinese keyword check for protected attributes in persona values. Personas steer what salespeople
 * say to someone, so recording (or guessing) these would be discriminatory and, in many places, unlawful. The check
 * is deliberately narrow: it must not reject ordinary sales text ("their CRM is 10 years old", "office politics",
 * "民族品牌", "售后"), so bare words with common business meanings are left out and phrases are used instead.
 */

export const PROTECTED_CATEGORIES = [
  'age',
  'gender',
  'ethnicity',
  'religion',
  'health',
  'politics',
  'sexuality',
  'family',
] as const;
export type ProtectedCategory = (typeof PROTECTED_CATEGORIES)[number];

export interface ProtectedMatch {
  category: ProtectedCategory;
  /** The text that matched, for the error message (so the model knows what to remove). */
  match: string;
}

/** Things, not people: "N years old" next to one of these describes a system or a company, not a person's age. */
const THING_NOUN =
  /\b(?:system|crm|erp|software|platform|tool|stack|product|company|business|firm|startup|contract|infrastructure|version|codebase|website|site|hardware|equipment|fleet|servers?|machines?|setup|solution|process|app|database|brand|office|building|vendor|integration|license|laptops?)\b/i;

interface Rule {
  category: ProtectedCategory;
  pattern: RegExp;
  /** A match for which this returns true is not a protected-attribute mention. */
  unless?: (sentence: string, match: RegExpExecArray) => boolean;
}

/** "their CRM is 10 years old", "a 10-year-old CRM": a thing noun shortly before the phrase, or right after it. */
function describesAThing(sentence: string, match: RegExpExecArray): boolean {
  const before = sentence.slice(Math.max(0, match.index - 40), match.index);
  const nextWord = /^\s*[\w-]+/.exec(sentence.slice(match.index + match[0].length))?.[0] ?? '';
  return THING_NOUN.test(before) || THING_NOUN.test(nextWord);
}

// \b does not work next to CJK characters, so Chinese patterns are plain substrings.
const RULES: readonly Rule[] = [
  // Age
  { category: 'age', pattern: /\b\d{1,3}\s*-?\s*(?:years?|yrs?)\s*-?\s*old\b/gi, unless: describesAThing },
  {
    category: 'age',
    pattern:
      /\b(?:he|she|i|they)(?:'s|\s+is|\s+am|\s+was)\s+(?:about\s+|around\s+|roughly\s+)?\d{1,2}(?=\s*(?:$|[.,;!?)]))/i,
  },
  {
    category: 'age',
    pattern: /\b(?:aged?\s*:?\s*\d{1,3}\b(?!\s*(?:days?|weeks?|months?))|(?:his|her|their)\s+age)\b/i,
  },
  { category: 'age', pattern: /\bin\s+(?:his|her|their)\s+(?:early\s+|mid-?\s*|late\s+)?\d0s\b/i },
  { category: 'age', pattern: /\bborn\s+in\s+(?:19|20)\d\d\b/i },
  { category: 'age', pattern: /(?:\d{1,3}|[一二三四五六七八九十两]{1,3})\s*周?岁|年龄|年纪|出生于/ },
  // Gender
  { category: 'gender', pattern: /\b(?:gender|transgender|non-?binary|female|male)\b/i },
  { category: 'gender', pattern: /性别|男性|女性|跨性别/ },
  // Ethnicity
  {
    category: 'ethnicity',
    pattern:
      /\b(?:ethnicity|ethnic|racial|(?:his|her|their)\s+race|african[- ]american|caucasian|hispanic|latino|latina)\b/i,
  },
  { category: 'ethnicity', pattern: /种族|民族身份|少数民族|汉族|维吾尔族|回族|藏族|肤色/ },
  // Religion ("Christian" alone is also a first name, so only the noun forms are used)
  {
    category: 'religion',
    pattern:
      /\b(?:religion|religious|christianity|muslim|islamic|jewish|judaism|hindu|hinduism|buddhist|buddhism|catholic|protestant|atheist|church|mosque|synagogue|prays)\b/i,
  },
  { category: 'religion', pattern: /宗教|信仰|基督|天主教|穆斯林|伊斯兰|佛教|犹太|清真/ },
  // Health
  {
    category: 'health',
    pattern:
      /\b(?:pregnan(?:t|cy)|diagnosed|illness|sick\s+leave|medical\s+(?:leave|condition)|health\s+(?:condition|issues?|problems?)|(?:his|her|their)\s+health|disability|chronic\s+(?:illness|condition|pain)|hiv|adhd|autis(?:m|tic))\b/i,
  },
  { category: 'health', pattern: /怀孕|孕期|产假|病假|患有|确诊|健康状况|身体状况|病情|残疾|抑郁症/ },
  // Politics ("office politics" is ordinary sales talk, so the bare word is left out)
  {
    category: 'politics',
    pattern:
      /\b(?:political\s+(?:views?|affiliation|party|leanings?|beliefs?)|vot(?:es|ed|ing)\s+for|democrat|republican|left-wing|right-wing)\b/i,
  },
  { category: 'politics', pattern: /政治立场|政治倾向|政治观点|党员|党派/ },
  // Sexuality
  {
    category: 'sexuality',
    pattern: /\b(?:sexual\s+orientation|sexuality|gay|lesbian|bisexual|homosexual|heterosexual|queer)\b/i,
  },
  { category: 'sexuality', pattern: /性取向|同性恋|异性恋|双性恋/ },
  // Family and marital status ("married to their current vendor" is an idiom, so "married" is left out)
  {
    category: 'family',
    pattern:
      /\b(?:(?:his|her)\s+(?:wife|husband|girlfriend|boyfriend)|spouse|divorced?|marital\s+status|(?:his|her|their)\s+(?:kids|children))\b/i,
  },
  { category: 'family', pattern: /已婚|未婚|离婚|婚姻|老婆|老公|妻子|丈夫/ },
];

/** Splits into sentences so an exception only looks at the sentence around a match. */
function sentences(text: string): string[] {
  return text.split(/(?<=[.!?。！？;；\n])\s*/);
}

function firstMatch(rule: Rule, text: string): string | undefined {
  if (!rule.unless) return rule.pattern.exec(text)?.[0];
  // Rules with an exception use a global pattern, so every occurrence in every sentence gets its own chance.
  for (const sentence of sentences(text)) {
    for (const m of sentence.matchAll(rule.pattern)) {
      if (!rule.unless(sentence, m as RegExpExecArray)) return m[0];
    }
  }
  return undefined;
}

/** Every protected-attribute mention found in `text` (at most one per rule), in rule order. */
export function findProtectedAttributes(text: string): ProtectedMatch[] {
  const found: ProtectedMatch[] = [];
  for (const rule of RULES) {
    const match = firstMatch(rule, text);
    if (match !== undefined) found.push({ category: rule.category, match: match.trim() });
  }
  return found;
}

/** True when `text` mentions any protected attribute. */
export function mentionsProtectedAttribute(text: string): boolean {
  return findProtectedAttributes(text).length > 0;
}
