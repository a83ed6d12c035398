import type { ScoringContext } from '../context';
import { criterion } from '../criterion';
import { STOPWORDS_EN } from '../lexicon/stopwords';
import { normalizeForPhrases, words } from '../text';
import type { Criterion } from '../types';

const HAN_TITLES = '总|经理|总监|先生|女士|小姐|老师|主任|博士|教授';
const CORPORATE = /\b(inc|ltd|llc|plc|gmbh|corp|corporation|co|company|group|limited)\.?$/i;

function mentionsLatin(haystack: string, needle: string): boolean {
  const n = normalizeForPhrases(needle).trim();
  if (!n) return false;
  const escaped = n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![a-z0-9])${escaped}(?![a-z0-9])`).test(haystack);
}

function hanBigrams(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/\p{Script=Han}+/gu) ?? [])
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  return out;
}

/** A persona fact counts as used when at least half of its content words (or Chinese bigrams) appear in the body. */
function factMentioned(body: string, fact: string): boolean {
  const han = hanBigrams(fact);
  if (han.length > 0) return han.filter((b) => body.includes(b)).length / han.length >= 0.5;
  const content = words(normalizeForPhrases(fact)).filter((w) => w.length >= 3 && !STOPWORDS_EN.has(w));
  if (content.length === 0) return false;
  return content.filter((w) => mentionsLatin(body, w)).length / content.length >= 0.5;
}

/** Mentions of the recipient's name, company and persona facts: evidence the email was written for them. */
export function personalisationCriterion(ctx: ScoringContext): Criterion {
  const { name, company, personaFacts = [] } = ctx.recipient;
  const body = ctx.lowerBody;
  const found: string[] = [];
  let available = 0;
  if (name?.trim()) {
    available++;
    const parts = name.trim().split(/\s+/);
    // Chinese emails greet by surname and title ("王总", "李经理") far more often than by full name.
    const han = /^\p{Script=Han}{2,4}$/u.test(name.trim());
    const byTitle = han && new RegExp(`${name.trim()[0]}(?:${HAN_TITLES})`).test(body);
    if (
      byTitle ||
      [name, ...parts].some((p) => (/\p{Script=Han}/u.test(p) ? body.includes(p) : mentionsLatin(body, p)))
    )
      found.push(name.trim());
  }
  if (company?.trim()) {
    available++;
    const core = company.trim().replace(CORPORATE, '').trim() || company.trim();
    if (/\p{Script=Han}/u.test(core) ? body.includes(core.toLowerCase()) : mentionsLatin(body, core))
      found.push(company.trim());
  }
  for (const fact of personaFacts.filter((f) => typeof f === 'string' && f.trim())) {
    available++;
    if (factMentioned(body, fact)) found.push(fact.trim());
  }
  if (available === 0) {
    return criterion('personalisation', 0, {}, 1, {
      en: 'No recipient details supplied, so personalisation was not checked.',
      zh: '未提供收件人信息，未检查个性化。',
    });
  }
  const target = { min: Math.min(2, available) };
  const n = found.length;
  return criterion(
    'personalisation',
    n,
    target,
    target.min,
    n >= target.min
      ? {
          en: `Personalised: mentions ${found.slice(0, 3).join(', ')}.`,
          zh: `已个性化：提到了 ${found.slice(0, 3).join('、')}。`,
        }
      : {
          en: `Only ${n} of ${available} recipient details used: mention their name, company or a fact about them.`,
          zh: `只用到了 ${available} 项收件人信息中的 ${n} 项：请提到对方姓名、公司或相关信息。`,
        },
    found,
  );
}
