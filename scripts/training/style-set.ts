/**
 * The style evaluation set (issue #20): sent messages of three writers with distinct habits, built from real
 * business-email sentences nobody here wrote (the Parakweet EmailIntentDataSet, Apache-2.0, mostly Enron mail; see
 * its PROVENANCE.md in `../shared/data`). No public sent folder is available on the build machines, so each writer's
 * messages are assembled: 2–4 real sentences as the body, wrapped in that writer's greeting, sign-off and register
 * habits, with realistic noise (other greetings and sign-offs now and then, signature lines, different recipients).
 * The habits are assumptions, stated in `WRITERS`; what the evaluation tests is that the learner recovers them from
 * raw text, through names, signatures and bodies that are not the writer's own.
 */
import { readFileSync } from 'node:fs';
import { PARAKWEET_TEST, PARAKWEET_TRAIN } from './nb-data';
import { createRng, shuffled, type Rng } from '../../shared/common/random';
import type { FormalityBand } from '../../shared/common/style';

export interface StyleSample {
  writer: string;
  text: string;
  /** What the writer used in this message (ground truth): greeting shape, sign-off line, register. */
  greeting: string | null;
  signOff: string | null;
  band: FormalityBand;
}

interface Writer {
  id: string;
  band: FormalityBand;
  /** [shape, weight]: the first is the habit, the rest the occasional exception. */
  greetings: Array<[string | null, number]>;
  signOffs: Array<[string | null, number]>;
  /** Lines the writer adds around the body, in their register. */
  openers: string[];
  closers: string[];
  emojiRate: number;
  signature: string[];
}

/** Three writers: a formal one, a casual one with emoji, and a plain neutral one. */
export const WRITERS: Writer[] = [
  {
    id: 'formal',
    band: 'formal',
    greetings: [
      ['Dear {name},', 0.9],
      ['Good morning {name},', 0.1],
    ],
    signOffs: [
      ['Kind regards,', 0.9],
      ['Yours sincerely,', 0.1],
    ],
    openers: [
      'Thank you for your message.',
      'I would like to follow up regarding our discussion.',
      'Further to our conversation, please find my notes below.',
      'I hope this message finds you well.',
    ],
    closers: [
      'Please do not hesitate to contact me should you have any questions.',
      'I would appreciate your confirmation at your earliest convenience.',
      'I am grateful for your time and look forward to your reply.',
    ],
    emojiRate: 0,
    signature: ['Margaret Holloway', 'Director, Strategic Accounts', 'Tel. +44 20 7946 0321'],
  },
  {
    id: 'casual',
    band: 'casual',
    greetings: [
      ['Hey {name}!', 0.9],
      ['Hi {name}!', 0.1],
    ],
    signOffs: [
      ['Cheers,', 0.9],
      ['Thx!', 0.1],
    ],
    openers: ["Hey, quick one — hope you're good!", 'Yeah, so here’s the thing:', "Super quick q, won't take long!"],
    closers: [
      "Lemme know what you think, no worries if it's a no!",
      "Talk soon, it's gonna be awesome!",
      'Ping me anytime!',
    ],
    emojiRate: 0.5,
    signature: ['Jake'],
  },
  {
    id: 'neutral',
    band: 'neutral',
    greetings: [
      ['Hi {name},', 0.9],
      ['Hello {name},', 0.1],
    ],
    signOffs: [
      ['Best,', 0.9],
      ['Thanks,', 0.1],
    ],
    openers: ['Following up on the points below.', 'A short update from my side.', 'Here is where things stand.'],
    closers: [
      'Let me know what works for you.',
      'Happy to talk it through on a call.',
      'Looking forward to hearing from you.',
    ],
    emojiRate: 0,
    signature: ['Priya Natarajan', 'Account Executive'],
  },
];

const NAMES = [
  'Sarah',
  'Tom',
  'Ana',
  'Keith',
  'Diane',
  'Mr. Brandt',
  'Lucia',
  'Omar',
  'Wei',
  'Greg',
  'Ms. Okafor',
  'Ben',
];
const EMOJI = ['🙂', '🚀', '👍', '🙌', '😊'];

/** Real sentences that read like the body of a business email (no links, no marketing calls, no mojibake). */
export function bodySentences(): string[] {
  const out = new Set<string>();
  for (const file of [PARAKWEET_TRAIN, PARAKWEET_TEST]) {
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      const text = line.split('\t')[1]?.trim() ?? '';
      if (text.length < 30 || text.length > 160) continue;
      if (/https?:|\$|click|unsubscribe|ï¿½|[<>]|subscribe|offer|free|\bwin\b/i.test(text)) continue;
      // Sentences that are themselves a greeting or sign-off would blur the ground truth.
      if (/^(hi|hey|hello|dear|thanks|regards|best|cheers)\b/i.test(text)) continue;
      out.add(text);
    }
  }
  return [...out].sort();
}

function pick<T>(rng: Rng, weighted: Array<[T, number]>): T {
  let r = rng();
  for (const [v, w] of weighted) {
    if (r < w) return v;
    r -= w;
  }
  return weighted.at(-1)![0];
}
const one = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)]!;

/** `perWriter` messages of each writer, reproducible from `seed`. */
export function buildStyleSet(perWriter: number, seed = 20): StyleSample[] {
  const rng = createRng(seed);
  const sentences = shuffled(bodySentences(), rng);
  let next = 0;
  const samples: StyleSample[] = [];
  for (const w of WRITERS) {
    for (let i = 0; i < perWriter; i++) {
      const greeting = pick(rng, w.greetings);
      const signOff = pick(rng, w.signOffs);
      const body: string[] = [];
      if (rng() < 0.7) body.push(one(rng, w.openers));
      const n = 2 + Math.floor(rng() * 3);
      for (let k = 0; k < n; k++) body.push(sentences[next++ % sentences.length]!);
      if (rng() < 0.7) body.push(one(rng, w.closers));
      if (rng() < w.emojiRate) body.push(one(rng, EMOJI));
      const lines = [
        ...(greeting ? [greeting.replace('{name}', one(rng, NAMES)), ''] : []),
        body.join(' '),
        '',
        ...(signOff ? [signOff] : []),
        // The full signature now and then, the name alone otherwise.
        ...(rng() < 0.3 ? w.signature : w.signature.slice(0, 1)),
      ];
      samples.push({ writer: w.id, text: lines.join('\n'), greeting, signOff, band: w.band });
    }
  }
  return samples;
}
