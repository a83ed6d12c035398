/**
 * The two architectures compared for each language, as plain variables with a forward function (fast on the WASM
 * backend, see fast-ops.ts), and their conversion to an equivalent tfjs layers model for shipping.
 *   avg: Embedding -> average over the padded sequence -> dropout -> Dense(1)      (fastText-style baseline)
 *   cnn: Embedding -> Conv1D(relu) per width -> max over time -> concat -> dropout -> Dense(1)   (Kim 2014, CNN-rand)
 */
import * as tf from '@tensorflow/tfjs';
import { conv1dByWindows, globalMaxPool1d, matMulFastGrad } from './fast-ops';

export type Architecture = 'avg' | 'cnn';

export interface ModelConfig {
  architecture: Architecture;
  vocabSize: number;
  embeddingDim: number;
  /** cnn only */
  widths: number[];
  /** cnn only: filters per width */
  filters: number;
  dropout: number;
  /** Word dropout while training: share of token vectors zeroed (whole vectors, so the network cannot rely on one word). */
  tokenDropout?: number;
  /**
   * Optional fixed per-token feature (one value per vocabulary id, e.g. a sentiment lexicon's valence), concatenated to
   * the learnt embedding and never trained: prior knowledge for words SST-2 shows too rarely.
   */
  lexicon?: Float32Array;
  /** Ids never seen in training (e.g. lexicon-only words): their learnt vector starts, and stays, at zero. */
  untrainedIds?: number[];
}

export interface TrainableModel {
  config: ModelConfig;
  variables: tf.Variable[];
  /** Logits [batch]; `dropoutSeed` switches dropout on (training). */
  logits(ids: tf.Tensor2D, dropoutSeed?: number): tf.Tensor1D;
  /** The same network as a tfjs layers model holding the current variable values. */
  toLayersModel(): tf.LayersModel;
}

export function describe(config: ModelConfig): string {
  const embedding =
    `embedding ${config.embeddingDim}${config.lexicon ? ' + lexicon feature' : ''}` +
    (config.tokenDropout ? `, word dropout ${config.tokenDropout}` : '');
  return config.architecture === 'cnn'
    ? `Kim-CNN (${embedding}, widths ${config.widths.join('/')} x ${config.filters} filters, dropout ${config.dropout})`
    : `${embedding} + average pooling + dense (dropout ${config.dropout})`;
}

export function createModel(config: ModelConfig, seed: number): TrainableModel {
  const { vocabSize, embeddingDim: dim, widths, filters } = config;
  let nextSeed = seed;
  // Unnamed variables: tfjs names must be unique per process and both architectures train in one run.
  const uniform = <R extends tf.Rank>(shape: number[], limit: number) =>
    tf.variable(tf.randomUniform(shape as number[], -limit, limit, 'float32', nextSeed++)) as unknown as tf.Variable<R>;
  const glorot = (fanIn: number, fanOut: number, shape: number[]) =>
    uniform<tf.Rank.R2>(shape, Math.sqrt(6 / (fanIn + fanOut)));
  // Kim's CNN-rand initialises word vectors U(-0.25, 0.25).
  const embedding = uniform([vocabSize, dim], 0.25);
  if (config.untrainedIds?.length) {
    const keep = new Float32Array(vocabSize).fill(1);
    for (const id of config.untrainedIds) keep[id] = 0;
    embedding.assign(tf.tidy(() => tf.mul(embedding, tf.tensor2d(keep, [vocabSize, 1]))));
  }
  const lexicon = config.lexicon ? tf.tensor2d(config.lexicon, [vocabSize, 1]) : undefined;
  const inputDim = dim + (lexicon ? 1 : 0);
  const featureCount = config.architecture === 'cnn' ? widths.length * filters : inputDim;
  const kernels: tf.Variable<tf.Rank.R2>[] =
    config.architecture === 'cnn' ? widths.map((w) => glorot(w * inputDim, filters, [w * inputDim, filters])) : [];
  const biases: tf.Variable<tf.Rank.R1>[] = kernels.map(() => tf.variable(tf.zeros([filters])));
  const outKernel: tf.Variable<tf.Rank.R2> = glorot(featureCount, 1, [featureCount, 1]);
  const outBias = tf.variable(tf.zeros([1]));

  const features = (ids: tf.Tensor2D, dropoutSeed?: number): tf.Tensor2D => {
    let x = tf.gather(embedding, ids) as unknown as tf.Tensor3D;
    if (dropoutSeed !== undefined && config.tokenDropout) {
      x = tf.dropout(x, config.tokenDropout, [ids.shape[0], ids.shape[1], 1], dropoutSeed + 1) as tf.Tensor3D;
    }
    if (lexicon) x = tf.concat([x, tf.gather(lexicon, ids) as unknown as tf.Tensor3D], 2);
    if (config.architecture === 'avg') return tf.mean(x, 1) as tf.Tensor2D;
    const pooled = widths.map((w, i) => globalMaxPool1d(tf.relu(conv1dByWindows(x, kernels[i]!, biases[i]!, w))));
    return pooled.length === 1 ? pooled[0]! : (tf.concat(pooled, 1) as tf.Tensor2D);
  };

  return {
    config,
    // The lexicon is a constant, not a variable: the optimiser never sees it.
    variables: [embedding, ...kernels, ...biases, outKernel, outBias],
    logits(ids, dropoutSeed) {
      let h = features(ids, dropoutSeed);
      if (dropoutSeed !== undefined && config.dropout > 0) {
        h = tf.dropout(h, config.dropout, undefined, dropoutSeed) as tf.Tensor2D;
      }
      return tf.add(matMulFastGrad(h, outKernel), outBias).reshape([ids.shape[0]]) as tf.Tensor1D;
    },
    toLayersModel() {
      const input = tf.input({ shape: [null], dtype: 'int32', name: 'token_ids' });
      let embedded = tf.layers
        .embedding({ inputDim: vocabSize, outputDim: dim, name: 'embedding', weights: [embedding] })
        .apply(input) as tf.SymbolicTensor;
      if (lexicon) {
        const lex = tf.layers
          .embedding({ inputDim: vocabSize, outputDim: 1, name: 'lexicon', weights: [lexicon], trainable: false })
          .apply(input) as tf.SymbolicTensor;
        embedded = tf.layers.concatenate({ name: 'token_features' }).apply([embedded, lex]) as tf.SymbolicTensor;
      }
      let pooled: tf.SymbolicTensor;
      if (config.architecture === 'avg') {
        pooled = tf.layers.globalAveragePooling1d({ name: 'average' }).apply(embedded) as tf.SymbolicTensor;
      } else {
        const branches = widths.map((w, i) => {
          const conv = tf.layers.conv1d({
            filters,
            kernelSize: w,
            activation: 'relu',
            padding: 'valid',
            name: `conv${w}`,
            weights: [kernels[i]!.reshape([w, inputDim, filters]), biases[i]!],
          });
          return tf.layers.globalMaxPooling1d({ name: `max${w}` }).apply(conv.apply(embedded)) as tf.SymbolicTensor;
        });
        pooled =
          branches.length === 1
            ? branches[0]!
            : (tf.layers.concatenate({ name: 'features' }).apply(branches) as tf.SymbolicTensor);
      }
      const dropped = tf.layers.dropout({ rate: config.dropout, name: 'dropout' }).apply(pooled);
      const logit = tf.layers
        .dense({ units: 1, name: 'logit', weights: [outKernel, outBias] })
        .apply(dropped) as tf.SymbolicTensor;
      return tf.model({ inputs: input, outputs: logit, name: `sentiment_${config.architecture}` });
    },
  };
}
