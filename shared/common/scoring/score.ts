import type { ScoringContext } from './context';
import { aiPhrasesCriterion } from './criteria/ai-phrases';
import { callToActionCriterion, questionsCriterion } from './criteria/engagement';
import { inclusiveLanguageCriterion } from './criteria/inclusive';
import { keywordDensityCriterion } from './criteria/keywords';
import { lengthCriteria } from './criteria/length';
import { passiveVoiceCriterion } from './criteria/passive';
import { personalisationCriterion } from './criteria/personalisation';
import { readabilityCriterion } from './criteria/readability';
import { repeatedWordsCriterion } from './criteria/repetition';
import { spamProbabilityCriterion, spamWordsCriterion } from './criteria/spam';
import { subjectLengthCriterion, subjectStyleCriterion } from './criteria/subject';
import DEFAULT_WEIGHTS from './default-weights';
import { ScoringInputError } from './errors';
import { detectLanguage } from './language';
import { hanUnits, normalizeForPhrases, prepareBody, splitSentences, words } from './text';
import type { Criterion, DraftInput, LocalizedText, ScoreOptions, ScoreResult, ScoreWeights } from './types';

/** Default cap on body characters analysed per call; a sales email is far shorter. */
export const MAX_BODY_CHARS = 20_000;
/** Subject characters analysed; subjects longer than this are already failing the length check. */
export const MAX_SUBJECT_CHARS = 1_000;

function validate(draft: unknown, options: ScoreOptions): asserts draft is DraftInput {
  if (typeof draft !== 'object' || draft === null)
    throw new ScoringInputError('invalid_input', 'draft must be an object');
  const d = draft as Partial<DraftInput>;
  if (typeof d.subject !== 'string') throw new ScoringInputError('invalid_input', 'draft.subject must be a string');
  if (typeof d.body !== 'string') throw new ScoringInputError('invalid_input', 'draft.body must be a string');
  if (d.language !== undefined && d.language !== 'en' && d.language !== 'zh')
    throw new ScoringInputError('invalid_input', "draft.language must be 'en' or 'zh'");
  if (d.keywords !== undefined && !Array.isArray(d.keywords))
    throw new ScoringInputError('invalid_input', 'draft.keywords must be an array of strings');
  const w = options.weights;
  if (w !== undefined) {
    if (typeof w !== 'object' || w === null || typeof w.weights !== 'object' || w.weights === null)
      throw new ScoringInputError('invalid_weights', 'weights must look like { version, weights: { id: number } }');
    for (const [id, value] of Object.entries(w.weights))
      if (typeof value !== 'number' || !Number.isFinite(value) || value < 0)
        throw new ScoringInputError('invalid_weights', `weight for "${id}" must be a finite number ≥ 0`);
  }
  if (options.spamProbability !== undefined && typeof options.spamProbability !== 'function')
    throw new ScoringInputError('invalid_input', 'spamProbability must be a function');
}

/** Weighted mean of criterion scores, 0–100; criteria without a weight do not count. */
function total(criteria: Criterion[], weights: ScoreWeights): number {
  let sum = 0;
  let weightSum = 0;
  for (const c of criteria) {
    const w = weights.weights[c.id] ?? 0;
    sum += w * c.score;
    weightSum += w;
  }
  return weightSum === 0 ? 100 : Math.round((sum / weightSum) * 100);
}

/**
 * Scores a draft on explainable criteria (length, reading time, readability, questions, call to action,
 * personalisation, keyword density, spam words and optional spam-model probability, AI-sounding phrases, repetition,
 * passive voice, inclusive language, subject length and style) and combines them into a 0–100 total with data-driven
 * weights. Pure and synchronous; long input is truncated (and reported), odd input never throws. Throws
 * {@link ScoringInputError} only for malformed arguments.
 */
export function scoreDraft(draft: DraftInput, options: ScoreOptions = {}): ScoreResult {
  validate(draft, options);
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const prepared = prepareBody(draft.body, options.maxBodyChars ?? MAX_BODY_CHARS);
  const subject = prepareBody(draft.subject, MAX_SUBJECT_CHARS).text.replace(/\s+/g, ' ');
  const language = draft.language ?? detectLanguage(`${subject}\n${prepared.text}`);
  const sentences = splitSentences(prepared.text);
  const bodyWords = words(prepared.text);
  const recipient = typeof draft.recipient === 'object' && draft.recipient !== null ? draft.recipient : {};
  const ctx: ScoringContext = {
    language,
    subject,
    body: prepared.text,
    lowerBody: normalizeForPhrases(prepared.text),
    sentences,
    words: bodyWords,
    units: language === 'zh' ? hanUnits(prepared.text) : bodyWords.length,
    recipient,
    keywords: (draft.keywords ?? []).filter((k): k is string => typeof k === 'string'),
  };

  const criteria: Criterion[] = [
    ...lengthCriteria(ctx),
    readabilityCriterion(ctx),
    questionsCriterion(ctx),
    callToActionCriterion(ctx),
    personalisationCriterion(ctx),
    keywordDensityCriterion(ctx),
    spamWordsCriterion(ctx),
  ];
  const skipped: ScoreResult['skipped'] = [];
  const spam = spamProbabilityCriterion(`${subject}\n${prepared.text}`, options.spamProbability);
  if ('skipped' in spam) skipped.push({ id: 'spam_probability', reason: spam.skipped });
  else criteria.push(spam);
  criteria.push(
    aiPhrasesCriterion(ctx),
    repeatedWordsCriterion(ctx),
    passiveVoiceCriterion(ctx),
    inclusiveLanguageCriterion(ctx),
    subjectLengthCriterion(subject, language),
    subjectStyleCriterion(subject),
  );

  const notes: LocalizedText[] = [];
  if (prepared.truncated)
    notes.push({
      en: `Only the first ${prepared.analysedChars} characters of the body were analysed.`,
      zh: `仅分析了正文的前 ${prepared.analysedChars} 个字符。`,
    });
  if (prepared.hadHtml) notes.push({ en: 'HTML markup was ignored.', zh: '已忽略 HTML 标记。' });
  return {
    total: total(criteria, weights),
    language,
    languageSource: draft.language ? 'given' : 'detected',
    criteria,
    skipped,
    weightsVersion: typeof weights.version === 'string' ? weights.version : 'unversioned',
    truncated: prepared.truncated,
    analysedChars: prepared.analysedChars,
    notes,
  };
}
