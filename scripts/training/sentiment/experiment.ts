/** One language's experiment: data, vocabulary, both architectures, and the shipped (quantised, calibrated) winner. */
import * as tf from '@tensorflow/tfjs';
import { SentimentAnalyzer } from '../../../shared/common/ml/sentiment/analyzer';
import {
  expectedCalibrationError,
  fitTemperature,
  NEUTRAL_HALF_WIDTH,
  sigmoid,
} from '../../../shared/common/ml/sentiment/calibration';
import type { SentimentLanguage } from '../../../shared/common/ml/sentiment/language';
import { SentimentModel } from '../../../shared/common/ml/sentiment/model';
import { tokenizeChinese, tokenizeEnglish } from '../../../shared/common/ml/sentiment/tokenize';
import { FIRST_TOKEN_ID, MAX_TOKENS, Vocabulary } from '../../../shared/common/ml/sentiment/vocab';
import { afinnIsPositive, afinnLexicon } from './afinn';
import { readSst2, waimaiSplits, type LabelledText } from './data';
import { toShippedArtifacts } from './export-model';
import { createModel, describe, type Architecture, type ModelConfig } from './models';
import { accuracyOf, predictLogits, train, type EncodedExample, type TrainOptions } from './train-loop';
import { sst2SentenceSplit } from './sst2-split';
import { buildVocab } from './vocab-build';

export interface LanguageSetup {
  language: SentimentLanguage;
  dataName: string;
  splits: () => { train: LabelledText[]; dev: LabelledText[]; test: LabelledText[] };
  vocabMinCount: number;
  vocabMaxSize: number;
  /** Add the AFINN/emoji lexicon as a fixed per-token feature (English only). */
  lexicon: boolean;

  models: Record<Architecture, { config: Omit<ModelConfig, 'vocabSize'>; train: Omit<TrainOptions, 'log' | 'seed'> }>;
}

/** 800 sentences: about the size of test.tsv (872), costing ~5% of the training phrases. */
export const SST2_HELD_OUT = { seed: 20261128, heldOut: 800, minTokens: 8 };

export const SETUPS: Record<SentimentLanguage, LanguageSetup> = {
  en: {
    language: 'en',
    dataName:
      'SST-2 (GLUE, ALPS re-split): train.tsv + dev.tsv minus 800 held-out whole sentences (and their phrases) for ' +
      'training, the held-out sentences for early stopping and calibration',
    splits: () => ({
      ...sst2SentenceSplit([...readSst2('train'), ...readSst2('dev')], SST2_HELD_OUT),
      test: readSst2('test'),
    }),
    vocabMinCount: 2,
    vocabMaxSize: 16000,
    lexicon: true,
    models: {
      avg: {
        config: { architecture: 'avg', embeddingDim: 64, widths: [], filters: 0, dropout: 0.2 },
        train: {
          epochs: 5,
          batchSize: 64,
          learningRate: 3e-3,
          learningRateDecay: 0.7,
          checksPerEpoch: 4,
          patience: 6,
          maxSeconds: 600,
        },
      },
      cnn: {
        config: {
          architecture: 'cnn',
          embeddingDim: 64,
          widths: [3, 4, 5],
          filters: 100,
          dropout: 0.5,
          tokenDropout: 0.1,
        },
        // Sentence-level dev accuracy peaks after about one epoch (then the network fits SST's short phrases).
        train: {
          epochs: 3,
          batchSize: 64,
          learningRate: 1e-3,
          learningRateDecay: 0.5,
          checksPerEpoch: 4,
          patience: 4,
          maxSeconds: 840,
        },
      },
    },
  },
  zh: {
    language: 'zh',
    dataName: 'waimai_10k, fixed seeded 80/10/10 split (train / dev for early stopping and calibration / test)',
    splits: waimaiSplits,
    vocabMinCount: 2,
    vocabMaxSize: 6000,
    lexicon: false,
    models: {
      avg: {
        config: { architecture: 'avg', embeddingDim: 64, widths: [], filters: 0, dropout: 0.2 },
        train: {
          epochs: 10,
          batchSize: 32,
          learningRate: 3e-3,
          learningRateDecay: 0.85,
          checksPerEpoch: 2,
          patience: 4,
          maxSeconds: 600,
        },
      },
      cnn: {
        config: { architecture: 'cnn', embeddingDim: 64, widths: [2, 3, 4], filters: 100, dropout: 0.5 },
        train: {
          epochs: 6,
          batchSize: 32,
          learningRate: 1e-3,
          learningRateDecay: 0.85,
          checksPerEpoch: 2,
          patience: 4,
          maxSeconds: 780,
        },
      },
    },
  },
};

export interface ArchitectureReport {
  architecture: Architecture;
  description: string;
  parameters: number;
  devAccuracy: number;
  testAccuracy: number;
  bestAt: string;
  trainSeconds: number;
  /** uint8 weights + vocab.json, as it would ship. */
  shippedBytesEstimate: number;
}

export interface ShippedReport {
  architecture: Architecture;
  temperature: number;
  devAccuracy: number;
  testAccuracy: number;
  /** Full pipeline (sentence split + combination) on the test lines, as users get it. */
  testAccuracyPipeline: number;
  afinnTestAccuracy: number;
  devEceBefore: number;
  devEceAfter: number;
  testEce: number;
  /** Share of test sentences inside the neutral band. */
  testNeutralShare: number;
}

export interface ExperimentResult {
  setup: LanguageSetup;
  rows: { train: number; dev: number; test: number };
  vocabSize: number;
  seed: number;
  comparison: ArchitectureReport[];
  shipped: ShippedReport;
  artifacts: Awaited<ReturnType<typeof toShippedArtifacts>>;
}

function encodeAll(vocab: Vocabulary, rows: LabelledText[]): EncodedExample[] {
  return rows.map((row) => ({ ids: vocab.encode(row.text), label: row.label }));
}

export async function runExperiment(
  setup: LanguageSetup,
  architectures: Architecture[],
  seed: number,
  log: (line: string) => void,
): Promise<ExperimentResult> {
  const data = setup.splits();
  const tokenize = setup.language === 'zh' ? tokenizeChinese : tokenizeEnglish;
  const trainTokens = data.train.map((row) => tokenize(row.text, MAX_TOKENS));
  const lexiconWords = setup.lexicon ? afinnLexicon((text) => tokenize(text)) : new Map<string, number>();
  const vocabFile = buildVocab(setup.language, trainTokens, setup.vocabMinCount, setup.vocabMaxSize, [
    ...lexiconWords.keys(),
  ]);
  const vocab = new Vocabulary(vocabFile);
  const seen = new Set(trainTokens.flat());
  const untrainedIds = vocabFile.tokens.flatMap((token, i) => (seen.has(token) ? [] : [i + FIRST_TOKEN_ID]));
  const lexicon = setup.lexicon ? new Float32Array(vocab.size) : undefined;
  vocabFile.tokens.forEach((token, i) => lexicon && (lexicon[i + FIRST_TOKEN_ID] = (lexiconWords.get(token) ?? 0) / 5));
  const [trainSet, devSet, testSet] = [data.train, data.dev, data.test].map((rows) => encodeAll(vocab, rows));
  log(
    `${setup.language}: ${trainSet!.length} train / ${devSet!.length} dev / ` +
      `${testSet!.length} test, vocab ${vocab.size} (${untrainedIds.length} lexicon-only)`,
  );
  const vocabBytes = Buffer.byteLength(JSON.stringify(vocabFile));

  const comparison: (ArchitectureReport & { model: ReturnType<typeof createModel> })[] = [];
  for (const architecture of architectures) {
    const spec = setup.models[architecture];
    const model = createModel({ ...spec.config, vocabSize: vocab.size, lexicon, untrainedIds }, seed);
    log(`${setup.language}/${architecture}: ${describe(model.config)}`);
    const result = train(model, trainSet!, devSet!, { ...spec.train, seed, log: (l) => log(`  ${l}`) });
    const parameters = model.variables.reduce((n, v) => n + v.size, 0);
    const report = {
      architecture,
      description: describe(model.config),
      parameters,
      devAccuracy: result.bestDevAccuracy,
      testAccuracy: accuracyOf(predictLogits(model, testSet!), testSet!),
      bestAt: result.bestAt,
      trainSeconds: result.seconds,
      shippedBytesEstimate: parameters + vocabBytes,
      model,
    };
    log(`  -> dev ${(report.devAccuracy * 100).toFixed(2)}% test ${(report.testAccuracy * 100).toFixed(2)}%`);
    comparison.push(report);
  }

  // Model selection on dev only; test is reported, never used to choose.
  const winner = comparison.reduce((a, b) => (b.devAccuracy > a.devAccuracy ? b : a));
  const layersModel = winner.model.toLayersModel();
  const metadata = {
    language: setup.language,
    tokenizerVersion: vocabFile.tokenizerVersion,
    temperature: 1,
    architecture: winner.description,
    trainedOn: setup.dataName,
  };
  const uncalibrated = await toShippedArtifacts(layersModel, vocabFile, metadata);
  layersModel.dispose();

  // Calibrate the quantised network exactly as it ships.
  const shippedModel = await SentimentModel.load(uncalibrated);
  const devLogits = await shippedModel.logits(devSet!.map((e) => e.ids));
  const testLogits = await shippedModel.logits(testSet!.map((e) => e.ids));
  shippedModel.dispose();
  const devLabels = devSet!.map((e) => e.label);
  const testLabels = testSet!.map((e) => e.label);
  const temperature = fitTemperature(devLogits, devLabels);
  const scoresAt = (logits: Float32Array, t: number) => Array.from(logits, (z) => sigmoid(z / t));
  const artifacts = { ...uncalibrated, modelJson: { ...uncalibrated.modelJson } };
  artifacts.modelJson.userDefinedMetadata = { closerSentiment: { ...metadata, temperature } };

  const analyzer = await SentimentAnalyzer.fromArtifacts({ [setup.language]: artifacts });
  const analyzed: Awaited<ReturnType<SentimentAnalyzer['analyzeMany']>> = [];
  // Chunked: one call scores at most MAX_SENTENCES_PER_CALL sentences.
  for (let from = 0; from < data.test.length; from += 200) {
    analyzed.push(...(await analyzer.analyzeMany(data.test.slice(from, from + 200).map((row) => row.text))));
  }
  analyzer.dispose();
  const pipelineCorrect = analyzed.filter((r, i) => Number(r.score >= 0.5) === data.test[i]!.label).length;
  const testScores = scoresAt(testLogits, temperature);

  const shipped: ShippedReport = {
    architecture: winner.architecture,
    temperature,
    devAccuracy: accuracyOf(devLogits, devSet!),
    testAccuracy: accuracyOf(testLogits, testSet!),
    testAccuracyPipeline: pipelineCorrect / data.test.length,
    afinnTestAccuracy:
      data.test.filter((row) => Number(afinnIsPositive(row.text)) === row.label).length / data.test.length,
    devEceBefore: expectedCalibrationError(scoresAt(devLogits, 1), devLabels),
    devEceAfter: expectedCalibrationError(scoresAt(devLogits, temperature), devLabels),
    testEce: expectedCalibrationError(testScores, testLabels),
    testNeutralShare: testScores.filter((p) => Math.abs(p - 0.5) < NEUTRAL_HALF_WIDTH).length / testScores.length,
  };
  comparison.forEach((c) => tf.dispose(c.model.variables));
  return {
    setup,
    rows: { train: trainSet!.length, dev: devSet!.length, test: testSet!.length },
    vocabSize: vocab.size,
    seed,
    comparison: comparison.map(({ model: _model, ...report }) => report),
    shipped,
    artifacts,
  };
}
