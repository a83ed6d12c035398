/**
 * The prompt library: versioned templates (data), builders that turn common input into OpenAI-style chat requests,
 * and post-processing of the answers. Pure TypeScript; runs in every runtime.
 */
export type {
  Constraints,
  ContextStats,
  Language,
  LengthPreset,
  LengthTarget,
  OutputFormat,
  OutputSpec,
  PersonaHint,
  PromptId,
  PromptInput,
  PromptRequest,
  ThreadMessage,
} from './types';
export type { PromptTemplate } from './template';
export { PROMPT_IDS, PROMPT_REGISTRY, getPromptTemplate, parsePromptRef, promptRef, templateHash } from './registry';
export {
  buildColdEmailPrompt,
  buildFollowUpPrompt,
  buildReplyDraftPrompt,
  buildSubjectLinesPrompt,
  buildThreadSummaryPrompt,
} from './builders/email';
export { buildSupportReplyPrompt, MAX_SUBJECT_LINES } from './builders/email';
export { buildRewritePrompt, buildTranslatePrompt } from './builders/editing';
export {
  buildAdCopyPrompt,
  buildBlogOutlinePrompt,
  buildSocialPostPrompt,
  buildVideoScriptPrompt,
  X_MAX_CHARS,
} from './builders/marketing';
export { buildPersonaPrompt, type PersonaContact } from './builders/persona';
export { buildStudioPrompt, STUDIO_TEMPLATE_OF, type StudioPromptInput } from './builders/studio';
export { REWRITE_STYLES, type RewriteStyle } from './templates/editing';
export { AD_FORMATS, SOCIAL_PLATFORMS, type AdFormat, type SocialPlatform } from './templates/marketing';
export { DEFAULT_CONTEXT_BUDGET_CHARS } from './context';
export { LENGTH_SLACK, MAX_TEXT_CHARS } from './build';
export { ZH_CHARS_PER_WORD } from './constraints';
export { countChars, countWords, enforceLength, type LengthLimit } from './length';
export { isPostambleLine, isPreambleLine, stripPostamble, stripPreamble } from './preamble';
export {
  postprocess,
  splitSubjectLine,
  stripCodeFences,
  stripMarkdown,
  stripWrappingQuotes,
  type ProcessedOutput,
} from './postprocess';
export { parseSubjectLines } from './subject-lines';
export { sanitizeUntrusted } from './sanitize';
