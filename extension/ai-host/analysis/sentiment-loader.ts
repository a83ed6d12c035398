import type { SentimentAnalyzer } from '../../../shared/common/ml/sentiment';
import type { LayersModelJson, SentimentModelArtifacts } from '../../../shared/common/ml/sentiment';
import type { VocabFile } from '../../../shared/common/ml/sentiment';

/**
 * Loads the shipped sentiment models (public/models/sentiment-{en,zh}) inside the extension, by URL. TensorFlow.js
 * is imported here, lazily, so only the AI host ever carries it.
 */
export async function loadSentimentFromUrls(url: (path: string) => string): Promise<SentimentAnalyzer> {
  const [{ SentimentAnalyzer: Analyzer }] = await Promise.all([import('../../../shared/common/ml/sentiment')]);
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
    const vocab = (await fetchOk(url(`${base}/vocab.json`)).then((r) => r.json())) as VocabFile;
    artifacts[language] = { modelJson, weights: weights.buffer, vocab };
  }
  return Analyzer.fromArtifacts(artifacts);
}

async function fetchOk(url: string): Promise<Response> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res;
}
