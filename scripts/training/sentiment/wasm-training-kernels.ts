import * as tf from '@tensorflow/tfjs';
import type { BackendWasm } from '@tensorflow/tfjs-backend-wasm';

/**
 * The WASM backend is about 20x faster than the pure-JS CPU backend for matrix work but has no UnsortedSegmentSum,
 * the gradient of `gather` (the embedding lookup). This adds it as a linear scatter-add written in JS on the WASM heap:
 * one pass over the rows, instead of the CPU backend's loop over every vocabulary entry.
 */
export function registerWasmUnsortedSegmentSum(): void {
  if (tf.getKernel('UnsortedSegmentSum', 'wasm')) return;
  tf.registerKernel({
    kernelName: 'UnsortedSegmentSum',
    backendName: 'wasm',
    kernelFunc: ({ inputs, backend, attrs }) => {
      const wasm = backend as BackendWasm;
      const x = inputs['x'] as tf.TensorInfo;
      const segmentIds = inputs['segmentIds'] as tf.TensorInfo;
      const numSegments = (attrs as { numSegments: number }).numSegments;
      const rowSize = x.shape.slice(1).reduce((a, b) => a * b, 1);
      const out = wasm.makeOutput([numSegments, ...x.shape.slice(1)], x.dtype);
      // Views are taken after makeOutput: allocating may grow (and detach) the WASM heap.
      const outValues = wasm.typedArrayFromHeap(out) as Float32Array;
      const xValues = wasm.typedArrayFromHeap(x) as Float32Array;
      const ids = wasm.typedArrayFromHeap(segmentIds) as Int32Array;
      outValues.fill(0);
      for (let row = 0; row < ids.length; row++) {
        const segment = ids[row]!;
        if (segment < 0 || segment >= numSegments) continue;
        const from = row * rowSize;
        const to = segment * rowSize;
        for (let i = 0; i < rowSize; i++) outValues[to + i]! += xValues[from + i]!;
      }
      return out;
    },
  });
}
