import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';

/**
 * Picks the tfjs backend for sentiment in Node: WASM (XNNPACK, much faster than the pure-JS CPU backend and needing no
 * extra paths in Node), or CPU when WASM cannot start. Returns the backend in use.
 */
export async function useFastestSentimentBackend(): Promise<string> {
  if (tf.getBackend() === 'wasm') return 'wasm';
  try {
    if (await tf.setBackend('wasm')) {
      await tf.ready();
      return 'wasm';
    }
  } catch {
    // Fall through to CPU.
  }
  await tf.setBackend('cpu');
  await tf.ready();
  return 'cpu';
}
