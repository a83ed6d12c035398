import type { ScoreWeights } from './types';

/**
 * Default criterion weights. Plain data: campaign results can produce a new object of this shape and pass it to
 * scoreDraft. Reply-driving criteria (call to action, personalisation) weigh most; style nits least.
 */
const DEFAULT_WEIGHTS: ScoreWeights = {
  version: 'default-2024.1',
  weights: {
    length: 1,
    reading_time: 0.5,
    readability: 1,
    questions: 0.75,
    call_to_action: 1.5,
    personalisation: 1.5,
    keyword_density: 0.5,
    spam_words: 1,
    spam_probability: 1,
    ai_phrases: 1,
    repeated_words: 0.5,
    passive_voice: 0.5,
    inclusive_language: 0.75,
    subject_length: 0.75,
    subject_style: 0.75,
  },
};

export default DEFAULT_WEIGHTS;
export { DEFAULT_WEIGHTS };
