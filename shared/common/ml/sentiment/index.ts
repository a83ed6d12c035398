/** On-device sentiment (English + Chinese): see analyzer.ts for the pipeline, artifacts.ts for what to load. */
export { SentimentAnalyzer, combineSentenceScores, MAX_SENTENCES_PER_CALL } from './analyzer';
export type { AnalyzeOptions, MessageSentiment, SentenceSentiment } from './analyzer';
export { SentimentArtifactError } from './artifacts';
export type { LayersModelJson, SentimentModelArtifacts, SentimentModelMetadata } from './artifacts';
export { calibratedScore, labelFromScore, NEUTRAL_HALF_WIDTH } from './calibration';
export type { SentimentLabel } from './calibration';
export { detectLanguage } from './language';
export type { LanguageGuess, SentimentLanguage } from './language';
export { SentimentModel } from './model';
export { MAX_MESSAGE_CHARS } from './sanitize';
export { MAX_SENTENCE_CHARS, MAX_SENTENCES_PER_MESSAGE, splitSentences } from './sentences';
export { TOKENIZER_VERSION, tokenizeChinese, tokenizeEnglish } from './tokenize';
export type { VocabFile } from './vocab';
