/**
 * A leak-free sentence-level dev set for SST-2. train.tsv and dev.tsv are both phrases of the same GLUE training
 * sentences: 99.6% of dev.tsv's lines of 10+ tokens share a 5-gram with train.tsv, so dev.tsv accuracy (~92%) says
 * little about accuracy on unseen sentences (~82% on test.tsv). Here whole sentences are held out instead: maximal
 * lines (not part of any longer line) are drawn at random from train.tsv + dev.tsv, and every line that is a
 * token-aligned part of a held-out sentence is removed from training.
 */
import type { LabelledText } from './data';
import { createRng, shuffleInPlace } from '../../../shared/common/random';

const normalize = (text: string) => text.trim().split(/\s+/).join(' ');

/** Token-aligned occurrences of `needle` in `haystack` (lines separated by \n, tokens by spaces). */
function* alignedOccurrences(haystack: string, needle: string): Generator<number> {
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    const before = haystack[at - 1];
    const after = haystack[at + needle.length];
    if ((before === ' ' || before === '\n') && (after === ' ' || after === '\n')) yield at;
  }
}

export function sst2SentenceSplit(
  lines: readonly LabelledText[],
  options: { seed: number; heldOut: number; minTokens: number },
): { train: LabelledText[]; dev: LabelledText[] } {
  const unique = new Map<string, LabelledText>();
  for (const line of lines) {
    const text = normalize(line.text);
    if (text && !unique.has(text)) unique.set(text, { text, label: line.label });
  }
  const all = [...unique.values()];
  const everything = `\n${all.map((l) => l.text).join('\n')}\n`;
  const candidates = shuffleInPlace(
    all.filter((l) => l.text.split(' ').length >= options.minTokens),
    createRng(options.seed, 'mulberry32'),
  );
  const dev: LabelledText[] = [];
  for (const candidate of candidates) {
    if (dev.length >= options.heldOut) break;
    // Maximal: its only occurrence is its own line.
    let inside = false;
    for (const at of alignedOccurrences(everything, candidate.text)) {
      if (everything[at - 1] !== '\n' || everything[at + candidate.text.length] !== '\n') {
        inside = true;
        break;
      }
    }
    if (!inside) dev.push(candidate);
  }
  const heldOut = `\n${dev.map((l) => l.text).join('\n')}\n`;
  const train = all.filter((l) => alignedOccurrences(heldOut, l.text).next().done);
  return { train, dev };
}
