import { describe, expect, it } from 'vitest';
import { SentimentAnalyzer } from './analyzer';
import type { LinearModelJson, SentimentModelArtifacts } from './artifacts';
import { bandMacroF1, fitNeutralHalfWidth } from './calibration';
import { fnv1a, LEXICON_FEATURES, linearFeatureCount, linearFeatures, LinearNetwork, scoreFromLogits } from './linear';
import { SentimentModel } from './model';
import { TOKENIZER_VERSION } from './tokenize';
import { Vocabulary, type VocabFile } from './vocab';

const spec = { classes: 3 as const, buckets: 16, ngrams: [2], lexicon: true };
const vocabFile: VocabFile = {
  language: 'en',
  tokenizerVersion: TOKENIZER_VERSION,
  tokens: ['the', 'demo', 'was', 'good'],
  lexicon: { good: 3, bad: -3 },
};

describe('linear features', () => {
  it('hash the same everywhere', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('hold known words, hashed bigrams and lexicon levels flipped after a negation', () => {
    const vocab = new Vocabulary(vocabFile);
    const plain = linearFeatures(vocab.tokenize('The demo was good'), vocab, spec);
    const negated = linearFeatures(vocab.tokenize('The demo was not good'), vocab, spec);
    const lexiconBase = vocab.size + spec.buckets;
    expect(plain.ids.slice(0, 4)).toEqual([2, 3, 4, 5]);
    expect(plain.ids.filter((id) => id >= vocab.size && id < lexiconBase)).toHaveLength(3);
    expect(plain.ids.at(-1)).toBe(lexiconBase + 5 + 3);
    expect(negated.ids.at(-1)).toBe(lexiconBase + 11 + 5 + 3);
    expect(plain.knownWords).toBe(5);
    expect(linearFeatureCount(vocab.size, spec)).toBe(vocab.size + 16 + LEXICON_FEATURES);
  });

  it('score the mean of the feature rows; a confident neutral lands at 0.5', () => {
    const network = new LinearNetwork({ ...spec, classes: 1 }, new Float32Array([1, 3, -2]), new Float32Array([0.5]));
    expect(Array.from(network.logits([[0, 1], [2], [], [7]]))).toEqual([2.5, -1.5, 0.5, 0.5]);
    expect(scoreFromLogits([0, 10, 0], 1)).toBeCloseTo(0.5, 3);
    expect(scoreFromLogits([0, 0, 10], 1)).toBeGreaterThan(0.99);
    expect(scoreFromLogits([0], 1)).toBe(0.5);
  });
});

describe('a shipped linear model', () => {
  const vocab = new Vocabulary(vocabFile);
  const rows = linearFeatureCount(vocab.size, spec);
  // Every feature row says "positive" except the negated valence levels, which say "negative".
  const weights = new Uint8Array(rows * 3);
  for (let r = 0; r < rows; r++) weights.set(r >= rows - 11 ? [255, 0, 0] : [0, 0, 255], r * 3);
  const modelJson = (neutralHalfWidth?: number): LinearModelJson => ({
    format: 'closer-hashed-linear',
    weightsManifest: [
      {
        paths: ['weights.bin'],
        weights: [
          {
            name: 'features',
            shape: [rows, 3],
            dtype: 'float32',
            quantization: { dtype: 'uint8', min: 0, scale: 4 / 255 },
          },
          { name: 'bias', shape: [3], dtype: 'float32', quantization: { dtype: 'uint8', min: 0, scale: 1 } },
        ],
      },
    ],
    userDefinedMetadata: {
      closerSentiment: {
        language: 'en',
        tokenizerVersion: TOKENIZER_VERSION,
        temperature: 1,
        architecture: 'test',
        trainedOn: 'test',
        ...(neutralHalfWidth === undefined ? {} : { neutralHalfWidth }),
      },
      closerLinear: spec,
    },
  });
  const buffer = new Uint8Array(weights.length + 3);
  buffer.set(weights);
  const artifacts = (band?: number): SentimentModelArtifacts => ({
    modelJson: modelJson(band),
    weights: buffer.buffer,
    vocab: vocabFile,
  });

  it('loads from uint8 weights and scores through the analyzer with its own neutral band', async () => {
    const model = await SentimentModel.load(artifacts());
    expect(model.classes).toBe(3);
    const [good, unknown] = await model.scoreTexts(['the demo was good', 'xyzzy']);
    expect(good).toBeGreaterThan(0.9);
    expect(unknown).toBe(0.5);
    model.dispose();
    const wide = await SentimentAnalyzer.fromArtifacts({ en: artifacts(0.499) });
    expect((await wide.analyze('the demo was good')).label).toBe('neutral');
    expect((await wide.analyze('the demo was good', { neutralHalfWidth: 0.1 })).label).toBe('positive');
    wide.dispose();
  });

  it('refuses a weights file that does not match the manifest', async () => {
    await expect(SentimentModel.load({ ...artifacts(), weights: new ArrayBuffer(10) })).rejects.toThrow(/too short/);
    await expect(SentimentModel.load(artifacts(0.7))).rejects.toThrow(/half-width/);
  });
});

describe('neutral band fit', () => {
  it('finds the band that separates neutral scores from polar ones', () => {
    const scores = [0.05, 0.1, 0.2, 0.45, 0.5, 0.55, 0.58, 0.8, 0.9, 0.95];
    const labels = [0, 0, 0, 0.5, 0.5, 0.5, 0.5, 1, 1, 1];
    const width = fitNeutralHalfWidth(scores, labels);
    expect(bandMacroF1(scores, labels, width)).toBe(1);
    expect(width).toBeGreaterThan(0.08);
    expect(width).toBeLessThanOrEqual(0.3);
    expect(bandMacroF1(scores, labels, 0.01)).toBeLessThan(1);
  });
});
