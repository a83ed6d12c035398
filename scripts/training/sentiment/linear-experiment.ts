/**
 * One language's linear model from labelled sources: vocabulary, training, uint8 export, calibration (temperature,
 * and the neutral band where a source has a neutral class), and per-source figures on held-out parts. Used by
 * train:sentiment (the shipped models, every source) and report:sentiment (leave-one-out and cross-source models).
 */
import { SentimentAnalyzer } from '../../../shared/common/ml/sentiment/analyzer';
import type { LinearModelJson, SentimentModelArtifacts } from '../../../shared/common/ml/sentiment/artifacts';
import { fitNeutralHalfWidth, fitTemperature, fitTemperatureBy } from '../../../shared/common/ml/sentiment/calibration';
import type { SentimentLanguage } from '../../../shared/common/ml/sentiment/language';
import {
  LINEAR_FORMAT,
  linearFeatureCount,
  linearFeatures,
  softmax,
  type LinearNetwork,
  type LinearSpec,
} from '../../../shared/common/ml/sentiment/linear';
import { SentimentModel } from '../../../shared/common/ml/sentiment/model';
import { tokenizeChinese, tokenizeEnglish } from '../../../shared/common/ml/sentiment/tokenize';
import { Vocabulary, type VocabFile } from '../../../shared/common/ml/sentiment/vocab';
import { afinnLexicon } from './afinn';
import { NEUTRAL_LABEL, type LabelledText } from './data';
import { analyzeLines, sentimentFigures, type SentimentFigures } from './evaluate';
import { quantizeUint8, WEIGHTS_FILE } from './export-model';
import { trainLinear } from './linear-train';
import { buildVocab } from './vocab-build';

export interface LinearSetup {
  language: SentimentLanguage;
  spec: LinearSpec;
  vocabMinCount: number;
  vocabMaxSize: number;
  epochs: number;
  learningRate: number;
  l2: number;
  /** Give every source the same total weight in the loss (otherwise every line weighs 1). */
  balanceSources: boolean;
  /** Within each source, give every class the same total weight (waimai is 2:1 negative). */
  balanceClasses: boolean;
}

/** Tokens read per training line: whole reviews, where the pipeline reads at most 64 tokens per sentence. */
const TRAIN_TOKENS = 256;

export const LINEAR_SETUPS: Record<SentimentLanguage, LinearSetup> = {
  zh: {
    language: 'zh',
    spec: { classes: 1, buckets: 1 << 18, ngrams: [2, 3], lexicon: false },
    vocabMinCount: 2,
    vocabMaxSize: 8000,
    epochs: 6,
    learningRate: 0.2,
    l2: 1e-5,
    balanceSources: false,
    balanceClasses: true,
  },
  en: {
    language: 'en',
    spec: { classes: 3, buckets: 1 << 18, ngrams: [2], lexicon: true },
    vocabMinCount: 2,
    vocabMaxSize: 20000,
    epochs: 6,
    learningRate: 0.2,
    l2: 1e-5,
    balanceSources: true,
    balanceClasses: true,
  },
};

/** A labelled source: its name and the parts the run uses. */
export interface SourceData {
  name: string;
  train: LabelledText[];
  dev: LabelledText[];
}

export interface TrainedLinear {
  artifacts: SentimentModelArtifacts;
  vocabSize: number;
  rows: { train: number; dev: number };
  bestEpoch: number;
  devScore: number;
  trainSeconds: number;
  temperature: number;
  /** Present when a dev source had neutral lines. */
  neutralHalfWidth?: number;
}

const tokenizerOf = (language: SentimentLanguage) => (language === 'zh' ? tokenizeChinese : tokenizeEnglish);

function target(label: number, classes: number): number {
  if (classes === 1) return label;
  return label === 0 ? 0 : label === NEUTRAL_LABEL ? 1 : 2;
}

function exportLinear(
  network: LinearNetwork,
  vocab: VocabFile,
  metadata: LinearModelJson['userDefinedMetadata']['closerSentiment'],
): SentimentModelArtifacts {
  const { weights, bias } = network.parameters();
  const k = network.spec.classes;
  const features = quantizeUint8(weights);
  const biasQ = quantizeUint8(bias);
  const buffer = new Uint8Array(features.bytes.length + biasQ.bytes.length);
  buffer.set(features.bytes, 0);
  buffer.set(biasQ.bytes, features.bytes.length);
  const modelJson: LinearModelJson = {
    format: LINEAR_FORMAT,
    convertedBy: 'closer scripts/train-sentiment.ts (uint8 affine quantisation)',
    weightsManifest: [
      {
        paths: [WEIGHTS_FILE],
        weights: [
          {
            name: 'features',
            shape: [weights.length / k, k],
            dtype: 'float32',
            quantization: { dtype: 'uint8', min: features.min, scale: features.scale },
          },
          {
            name: 'bias',
            shape: [k],
            dtype: 'float32',
            quantization: { dtype: 'uint8', min: biasQ.min, scale: biasQ.scale },
          },
        ],
      },
    ],
    userDefinedMetadata: { closerSentiment: metadata, closerLinear: network.spec },
  };
  return { modelJson, weights: buffer.buffer, vocab };
}

export function describeLinear(setup: LinearSetup): string {
  const { spec } = setup;
  const unit = setup.language === 'zh' ? 'character' : 'word';
  return (
    `hashed n-gram linear model (fastText-style): known ${unit}s + ${unit} ${spec.ngrams.join('/')}-grams in ` +
    `${spec.buckets.toLocaleString('en')} buckets${spec.lexicon ? ' + AFINN valence levels (negation-aware)' : ''}` +
    `, mean of feature rows -> ${spec.classes === 1 ? 'one logit' : 'softmax over negative / neutral / positive'}`
  );
}

/**
 * Trains on every source's train part (dev parts: epoch choice and calibration) and returns the shipped files,
 * quantised and calibrated, with `trainedOn` as the model's data description.
 */
export async function trainLinearModel(
  setup: LinearSetup,
  sources: SourceData[],
  trainedOn: string,
  seed: number,
  log: (line: string) => void = () => {},
): Promise<TrainedLinear> {
  const tokenize = tokenizerOf(setup.language);
  const k = setup.spec.classes;
  const trainTokens = sources.map((s) => s.train.map((row) => tokenize(row.text, TRAIN_TOKENS)));
  const lexiconWords = setup.spec.lexicon ? afinnLexicon((text) => tokenize(text)) : new Map<string, number>();
  const vocabFile = buildVocab(setup.language, trainTokens.flat(), setup.vocabMinCount, setup.vocabMaxSize);
  if (setup.spec.lexicon)
    vocabFile.lexicon = Object.fromEntries([...lexiconWords].sort(([a], [b]) => (a < b ? -1 : 1)));
  const vocab = new Vocabulary(vocabFile);
  const featureCount = linearFeatureCount(vocab.size, setup.spec);
  const total = trainTokens.reduce((n, t) => n + t.length, 0);
  const examples = sources.flatMap((source, s) => {
    const weight = setup.balanceSources ? total / (sources.length * Math.max(1, source.train.length)) : 1;
    const perClass = new Map<number, number>();
    for (const row of source.train) perClass.set(row.label, (perClass.get(row.label) ?? 0) + 1);
    const classWeight = (label: number) =>
      setup.balanceClasses ? source.train.length / (perClass.size * perClass.get(label)!) : 1;
    return source.train.map((row, i) => ({
      ids: linearFeatures(trainTokens[s]![i]!, vocab, setup.spec).ids,
      target: target(row.label, k),
      weight: weight * classWeight(row.label),
    }));
  });
  const devSets = sources.map((source) =>
    source.dev.map((row) => ({
      ids: linearFeatures(tokenize(row.text, TRAIN_TOKENS), vocab, setup.spec).ids,
      target: target(row.label, k),
    })),
  );
  log(`${setup.language}: ${examples.length} train lines, vocabulary ${vocab.size}, ${featureCount} feature rows`);
  // Dev score: mean over sources of each source's accuracy (argmax class), so no source drowns the others.
  const devScore = (network: LinearNetwork) => {
    const perSource = devSets
      .filter((set) => set.length)
      .map((set) => {
        const logits = network.logits(set.map((e) => e.ids));
        let correct = 0;
        set.forEach((e, i) => {
          if (k === 1) correct += Number(logits[i]! >= 0) === e.target ? 1 : 0;
          else {
            const row = Array.from(logits.subarray(i * k, (i + 1) * k));
            correct += row.indexOf(Math.max(...row)) === e.target ? 1 : 0;
          }
        });
        return correct / set.length;
      });
    return perSource.reduce((a, b) => a + b, 0) / Math.max(1, perSource.length);
  };
  const trained = trainLinear(setup.spec, featureCount, examples, {
    epochs: setup.epochs,
    learningRate: setup.learningRate,
    l2: setup.l2,
    seed,
    devScore,
    log: (line) => log(`  ${line}`),
  });

  const metadata = {
    language: setup.language,
    tokenizerVersion: vocabFile.tokenizerVersion,
    temperature: 1,
    architecture: describeLinear(setup),
    trainedOn,
  };
  const uncalibrated = exportLinear(trained.network, vocabFile, metadata);

  // Calibrate the quantised model exactly as it ships: temperature on sentence logits, then the band on messages.
  const model = await SentimentModel.load(uncalibrated);
  const devRows = sources.flatMap((s) => s.dev);
  const devEncoded = devRows.map((row) => model.encode(row.text).ids);
  const devLogits = await model.logits(devEncoded);
  model.dispose();
  const targets = devRows.map((row) => target(row.label, k));
  const temperature =
    k === 1
      ? fitTemperature(devLogits, targets)
      : fitTemperatureBy((t) => {
          let sum = 0;
          targets.forEach((y, i) => {
            const p = softmax(Array.from(devLogits.subarray(i * k, (i + 1) * k), (z) => z / t));
            sum -= Math.log(Math.max(p[y]!, 1e-12));
          });
          return sum / Math.max(1, targets.length);
        });
  const withTemperature = { ...metadata, temperature };
  let artifacts = exportLinear(trained.network, vocabFile, withTemperature);
  let neutralHalfWidth: number | undefined;
  const neutralSources = sources.filter((s) => s.dev.some((row) => row.label === NEUTRAL_LABEL));
  if (neutralSources.length) {
    const rows = neutralSources.flatMap((s) => s.dev);
    const analyzer = await SentimentAnalyzer.fromArtifacts({ [setup.language]: artifacts });
    const { results } = await analyzeLines(
      analyzer,
      rows.map((r) => r.text),
    );
    analyzer.dispose();
    neutralHalfWidth = fitNeutralHalfWidth(
      results.map((r) => r.score),
      rows.map((r) => r.label),
    );
    artifacts = exportLinear(trained.network, vocabFile, { ...withTemperature, neutralHalfWidth });
  }
  return {
    artifacts,
    vocabSize: vocab.size,
    rows: { train: examples.length, dev: devRows.length },
    bestEpoch: trained.bestEpoch,
    devScore: trained.bestDevScore,
    trainSeconds: trained.seconds,
    temperature,
    ...(neutralHalfWidth === undefined ? {} : { neutralHalfWidth }),
  };
}

/** Figures of one language's artifacts on each named test set. */
export async function figuresOn(
  language: SentimentLanguage,
  artifacts: SentimentModelArtifacts,
  tests: Record<string, LabelledText[]>,
): Promise<Record<string, SentimentFigures>> {
  const analyzer = await SentimentAnalyzer.fromArtifacts({ [language]: artifacts });
  const out: Record<string, SentimentFigures> = {};
  for (const [name, rows] of Object.entries(tests)) out[name] = await sentimentFigures(analyzer, rows);
  analyzer.dispose();
  return out;
}
