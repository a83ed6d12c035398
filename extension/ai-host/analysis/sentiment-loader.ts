import type { SentimentAnalyzer } from '../../../shared/common/ml/sentiment';
import type { LayersModelJson, SentimentModelArtifacts } from '../../../shared/common/ml/sentiment';
import type { VocabFile } from '../../../shared/common/ml/sentiment';

/**
 * Loads the shipped sentiment models (public/models/sentiment-{en,zh}) inside the extension, by URL. TensorFlow.js
 * is imported here, lazily, so only the AI host ever carries it.
 */
export async function loadSentimentFromUrls(url: (path: string) => string): Promise<SentimentAnalyzer> {
  let t = performance.now();
  const { SentimentAnalyzer: Analyzer } = await import('../../../shared/common/ml/sentiment');
  t = measureSince('closer:sentiment:import', t);
  const artifacts: Partial<Record<'en' | 'zh', SentimentModelArtifacts>> = {};
  for (const language of ['en', 'zh'] as const) {
    const base = `/models/sentiment-${language}`;
    const modelJson = (await fetchOk(url(`${base}/model.json`)).then((r) => r.json())) as LayersModelJson;
    const buffers = await Promise.all(
      modelJson.weightsManifest
        .flatMap((g) => g.paths)
        .map((p) => fetchOk(url(`${base}/${p}`)).then((r) => r.arrayBuffer())),
    );
    const weights = new Uint8Array(buffers.reduce((n, b) => n + b.byteLength, 0));
    let offset = 0;
    for (const b of buffers) {
      weights.set(new Uint8Array(b), offset);
      offset += b.byteLength;
    }
    t = measureSince(`closer:sentiment:fetch-model-${language}`, t);
    const vocab = (await fetchOk(url(`${base}/vocab.json`)).then((r) => r.json())) as VocabFile;
    t = measureSince(`closer:sentiment:vocab-${language}`, t);
    artifacts[language] = { modelJson, weights: weights.buffer, vocab };
  }
  // Building the models dequantises the weights into the linear models' tables.
  const analyzer = await Analyzer.fromArtifacts(artifacts);
  measureSince('closer:sentiment:build', t);
  return analyzer;
}

/**
 * Records a user-timing measure from `start` to now and returns now: the phases of a cold start, which
 * `bench:gmail` reads from the AI host's document. Costs a few microseconds, so it stays in the product.
 */
export function measureSince(name: string, start: number): number {
  const end = performance.now();
  performance.measure(name, { start, end });
  return end;
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}
