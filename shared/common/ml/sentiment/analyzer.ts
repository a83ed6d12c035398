/**
 * Message-level sentiment for the UI: pick the language, split sentences, score every sentence with that language's
 * model in a few batched calls, and combine the sentences into one message score.
 */
import type { SentimentModelArtifacts } from './artifacts';
import { labelFromScore, NEUTRAL_HALF_WIDTH, sigmoid, type SentimentLabel } from './calibration';
import { detectLanguage, type SentimentLanguage } from './language';
import { SentimentModel } from './model';
import { maskForScoring } from './sanitize';
import { splitSentences } from './sentences';

export interface SentenceSentiment {
  /** The sentence as the model read it (tags and control characters removed, whitespace collapsed). */
  text: string;
  /** [start, end) in the caller's text, for highlighting. */
  start: number;
  end: number;
  /** Calibrated probability that the sentence is positive; exactly 0.5 when it has no known word. */
  score: number;
  label: SentimentLabel;
  language: SentimentLanguage;
}

export interface MessageSentiment {
  label: SentimentLabel;
  /** Probability of positive: sentence scores combined as described on `combineSentenceScores`. */
  score: number;
  language: SentimentLanguage;
  sentences: SentenceSentiment[];
  /** Part of the text was not scored (MAX_MESSAGE_CHARS, MAX_SENTENCES_PER_MESSAGE or the per-call cap). */
  truncated: boolean;
}

export interface AnalyzeOptions {
  /**
   * Half-width of the neutral band around 0.5. Default: each model's own band (fitted on neutral-labelled data when
   * its training data had a neutral class), else NEUTRAL_HALF_WIDTH.
   */
  neutralHalfWidth?: number;
}

/** Sentences scored per call across all messages: a 30-message thread uses ~150, a pasted book stops here. */
export const MAX_SENTENCES_PER_CALL = 1000;

/**
 * Message score from sentence scores: the mean of the sentences' calibrated logits, each weighted by its own
 * magnitude, so confident sentences dominate and neutral chit-chat ("See you Tuesday.") does not dilute a clear
 * opinion. One sentence gives back its own score; no scored sentence gives 0.5. Only single-sentence messages are
 * strictly calibrated; longer ones are a summary.
 */
export function combineSentenceScores(scores: readonly number[]): number {
  let weighted = 0;
  let weights = 0;
  for (const score of scores) {
    const p = Math.min(Math.max(score, 1e-7), 1 - 1e-7);
    const logit = Math.log(p / (1 - p));
    weighted += Math.abs(logit) * logit;
    weights += Math.abs(logit);
  }
  return weights === 0 ? 0.5 : sigmoid(weighted / weights);
}

interface PendingSentence {
  message: number;
  start: number;
  end: number;
  text: string;
  language: SentimentLanguage;
}

export class SentimentAnalyzer {
  constructor(private readonly models: Partial<Record<SentimentLanguage, SentimentModel>>) {
    if (!models.en && !models.zh) throw new Error('SentimentAnalyzer needs at least one model');
  }

  static async fromArtifacts(
    artifacts: Partial<Record<SentimentLanguage, SentimentModelArtifacts>>,
  ): Promise<SentimentAnalyzer> {
    const models: Partial<Record<SentimentLanguage, SentimentModel>> = {};
    if (artifacts.en) models.en = await SentimentModel.load(artifacts.en);
    if (artifacts.zh) models.zh = await SentimentModel.load(artifacts.zh);
    return new SentimentAnalyzer(models);
  }

  async analyze(text: string, options?: AnalyzeOptions): Promise<MessageSentiment> {
    const [result] = await this.analyzeMany([text], options);
    return result!;
  }

  /** Scores a whole thread in one batched pass (much faster than one call per message). */
  async analyzeMany(texts: readonly string[], options: AnalyzeOptions = {}): Promise<MessageSentiment[]> {
    const halfWidth = (language: SentimentLanguage) =>
      options.neutralHalfWidth ?? this.models[language]?.neutralHalfWidth ?? NEUTRAL_HALF_WIDTH;
    const pending: PendingSentence[] = [];
    const messages = texts.map((raw, message) => {
      const text = typeof raw === 'string' ? raw : '';
      const { masked, truncated: cut } = maskForScoring(text);
      const language = detectLanguage(masked).language;
      const { spans, truncated: tooMany } = splitSentences(masked);
      const room = Math.max(0, MAX_SENTENCES_PER_CALL - pending.length);
      for (const span of spans.slice(0, room)) {
        // Mixed-script messages: each sentence goes to the model of its own script.
        const guess = detectLanguage(span.text);
        pending.push({ message, ...span, language: guess.evidence > 0 ? guess.language : language });
      }
      return { language, truncated: cut || tooMany || spans.length > room };
    });

    const scores = await this.scoreSentences(pending);
    const results: MessageSentiment[] = messages.map(({ language, truncated }) => ({
      label: 'neutral',
      score: 0.5,
      language,
      sentences: [],
      truncated,
    }));
    pending.forEach((sentence, i) => {
      const score = scores[i]!;
      results[sentence.message]!.sentences.push({
        text: sentence.text,
        start: sentence.start,
        end: sentence.end,
        score,
        label: labelFromScore(score, halfWidth(sentence.language)),
        language: sentence.language,
      });
    });
    for (const result of results) {
      result.score = combineSentenceScores(result.sentences.map((s) => s.score));
      result.label = labelFromScore(result.score, halfWidth(result.language));
    }
    return results;
  }

  private async scoreSentences(sentences: readonly PendingSentence[]): Promise<number[]> {
    const scores = new Array<number>(sentences.length).fill(0.5);
    for (const language of ['en', 'zh'] as const) {
      const model = this.models[language];
      const indices = sentences.flatMap((s, i) => (s.language === language ? [i] : []));
      if (!model || indices.length === 0) continue;
      const values = await model.scoreTexts(indices.map((i) => sentences[i]!.text));
      indices.forEach((sentenceIndex, j) => (scores[sentenceIndex] = values[j]!));
    }
    return scores;
  }

  dispose(): void {
    this.models.en?.dispose();
    this.models.zh?.dispose();
  }
}
