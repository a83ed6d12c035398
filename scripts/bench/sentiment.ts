/**
 * npm run -s bench:sentiment [-- --models DIR]
 * Prints one JSON line: sentences_per_s (SST-2 test sentences through the full pipeline) and thread_30_ms (median time
 * to score a realistic 30-message thread in one call). Exits 1 when thread_30_ms > 100.
 */
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { loadSentimentAnalyzer } from '../../shared/node/sentiment-loader';
import { readSst2 } from '../training/sentiment/data';
import { THREAD_30 } from '../training/sentiment/thread-fixture';
import { runBench } from './runner';

const THREAD_BUDGET_MS = 100;
const { values } = parseArgs({ options: { models: { type: 'string' }, runs: { type: 'string', default: '21' } } });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

runBench('sentiment', async () => {
  const analyzer = await loadSentimentAnalyzer({ modelsDir: values.models });
  // Warm-up: the first calls compile kernels and grow the WASM heap.
  for (let i = 0; i < 3; i++) await analyzer.analyzeMany(THREAD_30);
  const threadTimes: number[] = [];
  let threadSentences = 0;
  for (let i = 0; i < Number(values.runs); i++) {
    const started = performance.now();
    const results = await analyzer.analyzeMany(THREAD_30);
    threadTimes.push(performance.now() - started);
    threadSentences = results.reduce((n, r) => n + r.sentences.length, 0);
  }

  const sentences = readSst2('test').map((row) => row.text);
  const started = performance.now();
  for (let i = 0; i < sentences.length; i += 100) await analyzer.analyzeMany(sentences.slice(i, i + 100));
  const seconds = (performance.now() - started) / 1000;

  const thread30 = median(threadTimes);
  const figures = {
    sentences_per_s: Math.round(sentences.length / seconds),
    thread_30_ms: Number(thread30.toFixed(1)),
    thread_30_ms_min: Number(Math.min(...threadTimes).toFixed(1)),
    thread_30_sentences: threadSentences,
    backend: tf.getBackend(),
  };
  analyzer.dispose();
  return {
    figures,
    targets: { [`thread_30_ms ${thread30.toFixed(1)} <= ${THREAD_BUDGET_MS} ms`]: !(thread30 > THREAD_BUDGET_MS) },
  };
});
