import { isContractTerm } from './contract-term';
import { findCues } from './meaning';
import type { Mention } from './mention';
import { inQuestion, isHan, sentenceStart, type Occupancy } from './text-utils';

/** How far a sentence may run past a cue; bounds the work per claim. */
const SENTENCE_AFTER = 300;

/** Where the word containing `pos` ends. */
function wordEnd(text: string, pos: number): number {
  let end = pos;
  while (end < text.length && /\p{L}/u.test(text[end] ?? '') && !isHan(text[end])) end++;
  return end;
}

/** The sentence around `pos` (start to the next sentence end), for reading what a claim is about. */
export function sentenceAround(text: string, pos: number): string {
  const from = sentenceStart(text, pos);
  const rest = text.slice(pos, pos + SENTENCE_AFTER);
  const end = /[.!?。！？\n](?=\s|$)|[。！？\n]/u.exec(rest);
  return text.slice(from, end ? pos + end.index : pos + rest.length);
}

/**
 * Offers, guarantees, visits and commitments the English-and-Chinese commitment patterns do not cover (other wordings,
 * other languages). Questions are proposals, and "I've included the deck" is about the email, not the offer.
 */
export function extractMeaningClaims(text: string, occupied: Occupancy, out: Mention[]): void {
  for (const cue of findCues(text)) {
    if (!occupied.isFree(cue.start, cue.end)) continue;
    if (inQuestion(text, cue.end)) continue;
    if (
      cue.group === 'offer' &&
      /\b(?:i(?:'ve| have)?|anbei|ci-joint|adjunto|em anexo|in allegato|bijgevoegd)\s$/i.test(
        text.slice(Math.max(0, cue.start - 12), cue.start),
      )
    )
      continue;
    // "feel free", "hands-free"; "as promised", "wie zugesagt" report an earlier promise and make no new one.
    const before = text.slice(Math.max(0, cue.start - 12), cue.start).toLowerCase();
    if (cue.group === 'offer' && /(feel|hands|toll|duty|tax|gluten|sugar|hassle|stress)[\s-]$/.test(before)) continue;
    if (cue.group === 'commit' && /\b(?:as|wie|comme|como|come|zoals|jak|som|kuten)\s$/.test(before)) continue;
    // The sender's own plans ("I'll be visiting our Denver office") promise nothing to the recipient.
    if (
      (cue.group === 'visit' || cue.group === 'commit') &&
      /\bI(?:'ll|’ll| will|'m|’m| am)\b[^.!?\n]{0,30}$/.test(text.slice(Math.max(0, cue.start - 40), cue.start))
    )
      continue;
    if (cue.group === 'commit' && isContractTerm(text, cue.start, wordEnd(text, cue.end))) continue;
    // Report the whole word ("included", not the cue's stem "includ").
    let end = cue.end;
    while (end < text.length && end - cue.end < 20 && /[\p{L}-]/u.test(text[end] ?? '') && !isHan(text[end])) end++;
    if (!occupied.isFree(cue.start, end)) end = cue.end;
    occupied.take(cue.start, end);
    out.push({
      start: cue.start,
      end,
      kind: 'commitment',
      fact: {
        type: 'meaning',
        group: cue.group,
        sentence: sentenceAround(text, cue.start),
        cue: text.slice(cue.start, end),
      },
    });
  }
}
