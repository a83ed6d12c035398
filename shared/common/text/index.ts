/** Text utilities that run in every runtime: tokenising English and Chinese for counting models. */
export { normalizeText, stripHtml } from './clean';
export { stripQuotedReply } from './quoted-reply';
export {
  DEFAULT_TOKENIZER_OPTIONS,
  MAX_WORD_LENGTH,
  PLACEHOLDERS,
  TOKENIZER_ID,
  resolveTokenizerOptions,
  tokenize,
  tokenizeDetailed,
  type ResolvedTokenizerOptions,
  type TokenizeResult,
  type TokenizerOptions,
} from './tokenize';
