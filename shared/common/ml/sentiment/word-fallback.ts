/**
 * Out-of-vocabulary English words: 6% of SST-2 test tokens are not in the training vocabulary, and many carry the
 * sentiment ("warmly", "playfulness", "repulsively", "yawns"). Before giving up on a word, try the forms it is
 * built from: inflection and derivation suffixes, and the parts of a hyphenated compound (head first). Prefixes are
 * never stripped: "un-" and "dis-" flip the meaning. Training encodes through the same path, so rare training words
 * get the same treatment as unseen ones.
 */

const SUFFIX_RULES: [suffix: string, replacements: string[]][] = [
  ['ily', ['y']],
  ['ally', ['al', '']],
  ['ly', ['', 'e']],
  ['iness', ['y']],
  ['ness', ['']],
  ['ies', ['y']],
  ['es', ['', 'e']],
  ['s', ['']],
  ['ied', ['y']],
  ['ed', ['', 'e']],
  ['ing', ['', 'e']],
  ['iest', ['y']],
  ['est', ['', 'e']],
  ['ier', ['y']],
  ['er', ['', 'e']],
  ['ful', ['']],
  ['less', ['']],
];

/** Candidate vocabulary forms of an unknown word, most specific first. */
export function fallbackForms(word: string): string[] {
  const forms: string[] = [];
  if (word.includes('-')) {
    const parts = word.split('-').filter(Boolean);
    forms.push(...parts.reverse());
    return forms;
  }
  if (word.length < 5 || !/^\p{L}+$/u.test(word)) return forms;
  for (const [suffix, replacements] of SUFFIX_RULES) {
    if (!word.endsWith(suffix) || word.length - suffix.length < 3) continue;
    const stem = word.slice(0, -suffix.length);
    for (const replacement of replacements) forms.push(stem + replacement);
    // Doubled consonant before -ing/-ed/-er: "instilling" -> "instill" above, "stopping" -> "stop" here.
    if (/(ing|ed|er|est)$/.test(suffix) && stem.length > 3 && stem.at(-1) === stem.at(-2))
      forms.push(stem.slice(0, -1));
  }
  return forms;
}
