/**
 * Inference for the shipped network without tfjs's Conv1D layers. The first layer is linear in the token vectors, so
 * each convolution is a sum over window offsets of (token vector x kernel slice). One matMul projects only the
 * *distinct* tokens of a call through every kernel slice at once; the shifted sums, ReLU, max-pooling and the final
 * dense layer then run in plain JS on that small table. Same arithmetic as model.predict (to float rounding, see the
 * tests) with 3-5x fewer multiply-adds on a thread of emails, and none of the WASM backend's Conv2D/Slice kernels,
 * which were several times slower than its matMul on this model.
 */
import * as tf from '@tensorflow/tfjs';
import { paddedLength, PAD_ID } from './vocab';

interface ConvBranch {
  width: number;
  /** Column of offset 0 of this width in the stacked projection; offset o starts at column + o * filters. */
  column: number;
  bias: Float32Array;
}

export class FastForward {
  private constructor(
    /** [vocab, features per token]: learnt embedding, plus the fixed lexicon column when the model has one. */
    private readonly tokenTable: tf.Tensor2D,
    /** cnn: [features per token, filters * sum(widths)], every (width, offset) kernel slice side by side. */
    private readonly stackedKernels: tf.Tensor2D,
    private readonly branches: ConvBranch[],
    private readonly filters: number,
    private readonly outKernel: Float32Array,
    private readonly outBias: number,
  ) {}

  /** Builds from the layer names written by scripts/training/sentiment/models.ts; null for any other network (use predict). */
  static fromLayersModel(model: tf.LayersModel): FastForward | null {
    const names = new Set(model.layers.map((layer) => layer.name));
    const convLayers = model.layers.filter((layer) => /^conv\d+$/.test(layer.name));
    if (!names.has('embedding') || !names.has('logit') || convLayers.length === 0) return null;
    const branches: ConvBranch[] = [];
    let filters = 0;
    const [tokenTable, stackedKernels] = tf.tidy(() => {
      const [embedding] = model.getLayer('embedding').getWeights();
      const lexicon = names.has('lexicon') ? model.getLayer('lexicon').getWeights()[0] : undefined;
      const table = (lexicon ? tf.concat([embedding!, lexicon], 1) : embedding!.clone()) as tf.Tensor2D;
      const slices: tf.Tensor2D[] = [];
      for (const layer of convLayers) {
        const [kernel, bias] = layer.getWeights() as [tf.Tensor3D, tf.Tensor1D];
        const [width, , count] = kernel.shape;
        filters = count;
        branches.push({ width, column: slices.length * count, bias: bias.dataSync() as Float32Array });
        for (let offset = 0; offset < width; offset++) {
          slices.push(tf.squeeze(tf.slice(kernel, [offset, 0, 0], [1, -1, -1]), [0]) as tf.Tensor2D);
        }
      }
      return [table, tf.concat(slices, 1) as tf.Tensor2D];
    });
    const [outKernel, outBias] = model.getLayer('logit').getWeights();
    return new FastForward(
      tokenTable,
      stackedKernels,
      branches,
      filters,
      outKernel!.dataSync() as Float32Array,
      outBias!.dataSync()[0]!,
    );
  }

  /** One logit per row; each row is padded with PAD_ID to paddedLength(row.length), as in training. */
  async logits(rows: readonly (readonly number[])[]): Promise<Float32Array> {
    const out = new Float32Array(rows.length);
    if (rows.length === 0) return out;
    // Distinct tokens of the whole call (padding included) -> row of the projection table.
    const slot = new Map<number, number>([[PAD_ID, 0]]);
    const distinct: number[] = [PAD_ID];
    for (const row of rows) {
      for (const id of row) {
        if (!slot.has(id)) {
          slot.set(id, distinct.length);
          distinct.push(id);
        }
      }
    }
    const projectedTensor = tf.tidy(() =>
      tf.matMul(tf.gather(this.tokenTable, tf.tensor1d(distinct, 'int32')), this.stackedKernels),
    );
    const projected = (await projectedTensor.data()) as Float32Array;
    projectedTensor.dispose();
    const stride = this.stackedKernels.shape[1];
    const filters = this.filters;
    const pooled = new Float32Array(filters);

    rows.forEach((row, r) => {
      const length = paddedLength(row.length);
      const base = new Int32Array(length); // projection row offset of each position (0 = padding)
      for (let t = 0; t < Math.min(row.length, length); t++) base[t] = slot.get(row[t]!)! * stride;
      let logit = this.outBias;
      this.branches.forEach(({ width, column, bias }, b) => {
        pooled.fill(0); // max over ReLU outputs is >= 0
        for (let t = 0; t + width <= length; t++) {
          for (let f = 0; f < filters; f++) {
            let sum = bias[f]!;
            for (let o = 0; o < width; o++) sum += projected[base[t + o]! + column + o * filters + f]!;
            if (sum > pooled[f]!) pooled[f] = sum;
          }
        }
        for (let f = 0; f < filters; f++) logit += pooled[f]! * this.outKernel[b * filters + f]!;
      });
      out[r] = logit;
    });
    return out;
  }

  dispose(): void {
    tf.dispose([this.tokenTable, this.stackedKernels]);
  }
}
