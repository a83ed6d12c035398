import * as tf from '@tensorflow/tfjs';

/**
 * matMul whose gradient uses explicit transposes. The WASM backend runs transposed BatchMatMul (what tfjs's own
 * gradient asks for) on a slow path, 10-15x slower than transpose + plain matMul; this made training steps ~2x faster.
 */
export const matMulFastGrad = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
  const [x, w, save] = args as [tf.Tensor2D, tf.Tensor2D, tf.GradSaveFunc];
  save([x, w]);
  return {
    value: tf.matMul(x, w),
    gradFunc: (dy: tf.Tensor2D, saved: tf.Tensor[]) => [
      tf.matMul(dy, tf.transpose(saved[1]!) as tf.Tensor2D),
      tf.matMul(tf.transpose(saved[0]!) as tf.Tensor2D, dy),
    ],
  };
}) as (x: tf.Tensor2D, w: tf.Tensor2D) => tf.Tensor2D;

/**
 * A "valid" 1-D convolution as one matMul over concatenated windows (im2col): the WASM backend has no
 * Conv2DBackpropFilter kernel. Kernel layout [width * dim, filters] reshapes to Conv1D's [width, dim, filters].
 */
export function conv1dByWindows(x: tf.Tensor3D, kernel: tf.Tensor2D, bias: tf.Tensor1D, width: number): tf.Tensor3D {
  const [batch, length, dim] = x.shape;
  const positions = length - width + 1;
  const parts = Array.from({ length: width }, (_, offset) => tf.slice(x, [0, offset, 0], [batch, positions, dim]));
  const windows = (width === 1 ? parts[0]! : tf.concat(parts, 2)).reshape([batch * positions, width * dim]);
  return tf.add(matMulFastGrad(windows as tf.Tensor2D, kernel), bias).reshape([batch, positions, kernel.shape[1]]);
}

/** Max over time via maxPool: the WASM backend has MaxPoolGrad, while max()'s gradient (Equal + broadcast) is slow. */
export function globalMaxPool1d(x: tf.Tensor3D): tf.Tensor2D {
  const [batch, length, channels] = x.shape;
  return tf
    .maxPool(x.reshape([batch, length, 1, channels]) as tf.Tensor4D, [length, 1], [1, 1], 'valid')
    .reshape([batch, channels]);
}
