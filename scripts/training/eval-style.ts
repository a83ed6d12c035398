/**
 * Style profile accuracy (issue #20): for each writer of the style set, learn a profile from 80% of the messages and
 * predict the held-out 20%'s greeting, sign-off and formality band. One JSON line; exits non-zero below 0.8 on any
 * of the three. Needs `../shared/data` (see `style-set.ts` for how the set is made).
 */
import { existsSync } from 'node:fs';
import { createRng, shuffled } from '../../shared/common/random';
import { bandOf, formalityScore, learnStyle } from '../../shared/common/style';
import { PARAKWEET_TRAIN } from './nb-data';
import { WRITERS, buildStyleSet } from './style-set';

const TARGET = 0.8;
const PER_WRITER = 60;

if (!existsSync(PARAKWEET_TRAIN)) {
  console.error(`eval:style needs ${PARAKWEET_TRAIN} (set CLOSER_SHARED_DATA to the shared data folder).`);
  process.exit(2);
}

const set = buildStyleSet(PER_WRITER);
const rng = createRng('style-split');
const hits = { greeting: 0, signOff: 0, formality: 0 };
let heldOut = 0;
/** For comparison: the band read from the one message alone, without a profile. */
let singleMessageBand = 0;
const perWriter: Record<string, { greeting: number; signOff: number; formality: number; n: number }> = {};
for (const w of WRITERS) {
  const mine = shuffled(
    set.filter((s) => s.writer === w.id),
    rng,
  );
  const cut = Math.round(mine.length * 0.8);
  const profile = learnStyle(
    mine.slice(0, cut).map((s) => s.text),
    0,
  );
  const test = mine.slice(cut);
  const row = { greeting: 0, signOff: 0, formality: 0, n: test.length };
  for (const s of test) {
    if (profile.greeting === s.greeting) row.greeting++;
    if (profile.signOff === s.signOff) row.signOff++;
    if (profile.formality === s.band) row.formality++;
    if (bandOf(formalityScore(s.text)) === s.band) singleMessageBand++;
  }
  hits.greeting += row.greeting;
  hits.signOff += row.signOff;
  hits.formality += row.formality;
  heldOut += test.length;
  perWriter[w.id] = row;
}
const accuracy = {
  greeting: hits.greeting / heldOut,
  signOff: hits.signOff / heldOut,
  formality: hits.formality / heldOut,
};
console.log(
  JSON.stringify({
    writers: WRITERS.length,
    perWriter: PER_WRITER,
    heldOut,
    accuracy,
    byWriter: perWriter,
    singleMessageFormality: singleMessageBand / heldOut,
    target: TARGET,
  }),
);
if (Object.values(accuracy).some((a) => a < TARGET)) process.exit(1);
