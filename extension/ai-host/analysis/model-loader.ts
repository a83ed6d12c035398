import { NaiveBayes } from '../../../shared/common/ml/naive-bayes';
import type { SentimentAnalyzer } from '../../../shared/common/ml/sentiment';

/** Where the host finds models: files shipped in the extension, and models adapted on this device. */
export interface ModelSources {
  /** Reads a JSON file shipped under public/ (e.g. `/models/intent-nb/model.json`). */
  fetchAsset: (path: string) => Promise<unknown>;
  loadSaved: (id: string) => Promise<unknown | undefined>;
  save: (id: string, json: unknown) => Promise<void>;
  /** The sentiment analyzer (TensorFlow.js); absent where the caller does not want sentiment. */
  loadSentiment?: () => Promise<SentimentAnalyzer>;
  /**
   * Keeps each analysed message's labels (never its text) by thread and contact, so personas and campaign outcomes
   * can use a contact's history. Absent in tests that do not care.
   */
  remember?: (records: AnalysedMessage[]) => Promise<void>;
}

/** What is kept of an analysed message: ids and labels, not a word of the message. */
export interface AnalysedMessage {
  id: string;
  threadId: string;
  /** The sender's address, lower-cased: the `messages` store's contact key. */
  contactId: string;
  sentiment?: { label: 'negative' | 'neutral' | 'positive'; score: number };
  intent?: string;
  analysedAt: number;
}

/** Lazily loads a naive Bayes model once: the device's adapted copy when there is one, else the shipped one. */
export function lazyNaiveBayes(sources: ModelSources, id: string, shippedPath: string) {
  let model: Promise<NaiveBayes> | null = null;
  const get = () =>
    (model ??= (async () => {
      const saved = await sources.loadSaved(id).catch(() => undefined);
      if (saved !== undefined) {
        try {
          return NaiveBayes.fromJSON(saved);
        } catch {
          // A damaged saved copy must not take the feature down: start again from the shipped model.
        }
      }
      return NaiveBayes.fromJSON(await sources.fetchAsset(shippedPath));
    })().catch((err: unknown) => {
      model = null;
      throw err;
    }));
  return {
    get,
    /** Whether the model is loaded (or loading). */
    loaded: () => model !== null,
    /** Drops the loaded model; the next `get` loads it again (the device's adapted copy is persisted on learning). */
    release() {
      model = null;
    },
    /** Persists the in-memory model (after it learned). */
    async persist() {
      await sources.save(id, (await get()).toJSON());
    },
  };
}
