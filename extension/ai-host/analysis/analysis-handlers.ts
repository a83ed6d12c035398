import type { Handlers } from '../../../shared/common/protocol/router';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { spamProbability } from '../../../shared/common/ml/naive-bayes';
import { scoreDraft } from '../../../shared/common/scoring';
import { factCheck } from '../../../shared/common/factcheck';
import type { SentimentAnalyzer } from '../../../shared/common/ml/sentiment';
import type { Methods } from '../../messaging/methods';
import { lazyNaiveBayes, type AnalysedMessage, type ModelSources } from './model-loader';

/** Characters of one message the classifiers look at; longer mail is cut (and said so) to bound the work. */
export const MAX_ANALYSED_CHARS = 20_000;

/** Release loaded models after five minutes without a request that uses them. */
export const DEFAULT_IDLE_RELEASE_MS = 5 * 60_000;

/** Options of {@link createAnalysisHandlers}. */
export interface AnalysisOptions {
  /**
   * Loaded models (sentiment's tensors and vocabularies, the naive Bayes tables) are released after this long
   * without a request that uses them, and reload on the next one. Default {@link DEFAULT_IDLE_RELEASE_MS}.
   */
  idleReleaseMs?: number;
  /** The idle release's clock (tests and bench:memory move it forward). Default `Date.now`. */
  now?: () => number;
  /** How often the clock is looked at while models are loaded. Default 15 s. */
  checkEveryMs?: number;
}

/**
 * The non-generative analysis served by the AI host: intent (naive Bayes, learning from the rep's corrections),
 * spam probability, and — wired in as they land — sentiment and the content score.
 */
export function createAnalysisHandlers(sources: ModelSources, options: AnalysisOptions = {}): Handlers<Methods> {
  const intent = lazyNaiveBayes(sources, 'intent-nb', '/models/intent-nb/model.json');
  const spam = lazyNaiveBayes(sources, 'spam-nb', '/models/spam-nb/model.json');
  let sentiment: Promise<SentimentAnalyzer> | null = null;
  const getSentiment = () => {
    if (!sources.loadSentiment) return null;
    sentiment ??= sources.loadSentiment().catch((err: unknown) => {
      sentiment = null;
      throw err;
    });
    return sentiment;
  };

  // Idle release: a rep keeps Gmail open all day but reads mail in bursts; between them the models' memory is
  // returned, and the next request reloads them lazily (the same path as after the host document restarted).
  const idleReleaseMs = options.idleReleaseMs ?? DEFAULT_IDLE_RELEASE_MS;
  const checkEveryMs = options.checkEveryMs ?? 15_000;
  const now = options.now ?? Date.now;
  let lastUse = now();
  let busy = 0;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const anyLoaded = () => sentiment !== null || intent.loaded() || spam.loaded();
  const release = () => {
    const loaded = sentiment;
    sentiment = null;
    void loaded?.then(
      (a) => a.dispose(),
      () => undefined,
    );
    intent.release();
    spam.release();
  };
  const check = () => {
    timer = null;
    if (busy === 0 && now() - lastUse >= idleReleaseMs) release();
    else arm();
  };
  const arm = () => {
    if (timer === null && anyLoaded()) timer = setTimeout(check, checkEveryMs);
  };
  /** Runs a request that uses models: no release while it runs, and the idle time counts from its end. */
  const using = async <T>(fn: () => Promise<T>): Promise<T> => {
    busy++;
    lastUse = now();
    try {
      return await fn();
    } finally {
      busy--;
      lastUse = now();
      arm();
    }
  };

  /** Stores the labels of messages that say which thread and sender they belong to; a failure never fails analysis. */
  const remember = async (
    messages: Array<{ id: string; threadId?: string | undefined; from?: string | undefined }>,
    results: Array<{
      id: string;
      sentiment: {
        label: AnalysedMessage['sentiment'] extends infer S ? (S extends { label: infer L } ? L : never) : never;
        score: number;
      } | null;
      intent: { label: string } | null;
    }>,
  ) => {
    if (!sources.remember) return;
    const now = Date.now();
    const records: AnalysedMessage[] = [];
    messages.forEach((m, i) => {
      const r = results[i];
      if (!m.threadId || !m.from || !r) return;
      records.push({
        id: m.id,
        threadId: m.threadId,
        contactId: m.from.trim().toLowerCase(),
        ...(r.sentiment ? { sentiment: { label: r.sentiment.label, score: r.sentiment.score } } : {}),
        ...(r.intent ? { intent: r.intent.label } : {}),
        analysedAt: now,
      });
    });
    if (records.length > 0) await sources.remember(records).catch(() => undefined);
  };

  return {
    'host.analyze': async ({ messages }) =>
      using(async () => {
        const intentStarted = performance.now();
        // Sentiment starts loading beside the intent model: on a cold start they were loaded one after the other.
        const analyzer = getSentiment();
        // Observed here so an intent failure (which answers the request) does not leave it unhandled.
        analyzer?.catch(() => undefined);
        const model = await intent.get().catch((err: unknown) => {
          throw new ProtocolError(
            'engine_error',
            `The intent model could not load: ${ProtocolError.from(err).message}`,
          );
        });
        performance.measure('closer:intent:get', { start: intentStarted, end: performance.now() });
        const loaded = analyzer ? await analyzer : null;
        const started = performance.now();
        const sentiments = loaded
          ? await loaded.analyzeMany(messages.map((m) => m.text.slice(0, MAX_ANALYSED_CHARS)))
          : null;
        if (loaded) performance.measure('closer:sentiment:inference', { start: started, end: performance.now() });
        const answer = {
          results: messages.map(({ id, text }, i) => {
            const s = sentiments?.[i];
            const truncated = text.length > MAX_ANALYSED_CHARS;
            const p = model.predict(text.slice(0, MAX_ANALYSED_CHARS), { topFeatures: 5 });
            return {
              id,
              truncated: truncated || Boolean(s?.truncated),
              sentiment: s
                ? {
                    label: s.label,
                    score: s.score,
                    language: s.language,
                    sentences: s.sentences.map(({ start, end, score, label }) => ({ start, end, score, label })),
                  }
                : null,
              intent:
                p.label === null || p.knownTokenCount === 0
                  ? null
                  : {
                      label: p.label,
                      probability: p.ranking[0]?.probability ?? 0,
                      ranking: p.ranking.slice(0, 3).map((r) => ({ label: r.label, probability: r.probability })),
                      features: p.features.slice(0, 5).map((f) => ({ token: f.token, weight: f.weight })),
                    },
            };
          }),
        };
        await remember(messages, answer.results);
        return answer;
      }),
    'host.learnIntent': async ({ text, label, previous }) =>
      using(async () => {
        const model = await intent.get();
        const sample = text.slice(0, MAX_ANALYSED_CHARS);
        // A correction moves the example from the predicted intent to the right one; undo first when we had learned it.
        if (previous && previous !== label) {
          try {
            model.unlearn(sample, previous);
          } catch {
            // The model never learned this text as `previous` (it was only predicted): nothing to undo.
          }
        }
        model.learn(sample, label);
        await intent.persist();
        return { ok: true as const, documents: model.documentCount(label) };
      }),
    'host.scoreDraft': async ({ subject, body, recipient, keywords, language, grounding }) => {
      const spamModel = await using(() => spam.get()).catch(() => null);
      const t0 = performance.now();
      const score = scoreDraft(
        { subject, body, recipient, keywords, language },
        spamModel ? { spamProbability: (text) => spamProbability(spamModel, text.slice(0, MAX_ANALYSED_CHARS)) } : {},
      );
      const facts = factCheck(body, grounding);
      return {
        total: score.total,
        language: score.language,
        weightsVersion: score.weightsVersion,
        criteria: score.criteria.map(({ id, value, target, status, reason, details }) => ({
          id,
          value,
          target,
          status,
          reason,
          details,
        })),
        unsupported: facts.unsupported.map(({ text, start, end, kind, reason }) => ({
          text,
          start,
          end,
          kind,
          reason,
        })),
        truncated: score.truncated || facts.truncated,
        ms: performance.now() - t0,
      };
    },
    'host.spamProbability': async ({ text }) => ({
      probability: spamProbability(await spam.get(), text.slice(0, MAX_ANALYSED_CHARS)),
    }),
  };
}
