import { assemblePrompt } from '../build';
import {
  AD_COPY,
  BLOG_OUTLINE,
  SOCIAL_POST,
  VIDEO_SCRIPT,
  type AdFormat,
  type SocialPlatform,
} from '../templates/marketing';
import { maxTokensFor, targetWords } from '../constraints';
import type { PromptInput, PromptRequest } from '../types';

/** X's limit, in its weighted characters (a CJK character counts as two). */
export const X_MAX_CHARS = 280;
/** About what fits in 280 characters. */
const X_MAX_WORDS = 45;

/** A post for LinkedIn, X (capped at 280 weighted characters) or WeChat Moments, from a brief in `context`. */
export function buildSocialPostPrompt(input: PromptInput & { platform: SocialPlatform }): PromptRequest {
  const { platform } = input;
  const words = targetWords(input.constraints.length, SOCIAL_POST.lengthWords, SOCIAL_POST.defaultLength);
  const isX = platform === 'x';
  return assemblePrompt(SOCIAL_POST, input, {
    variant: platform,
    targetWords: isX ? Math.min(words, X_MAX_WORDS) : words,
    output: isX ? { maxChars: X_MAX_CHARS } : {},
  });
}

/** Search ads (5 headlines, 3 descriptions) or a social ad (primary text, headline, description) as labelled lines. */
export function buildAdCopyPrompt(input: PromptInput & { format: AdFormat }): PromptRequest {
  return assemblePrompt(AD_COPY, input, { variant: input.format });
}

/** A Markdown outline; the length preset or word target sets the number of sections (3–9). */
export function buildBlogOutlinePrompt(input: PromptInput): PromptRequest {
  const words = targetWords(input.constraints.length, BLOG_OUTLINE.lengthWords, BLOG_OUTLINE.defaultLength);
  const sections = Math.min(9, Math.max(3, Math.round(words / 60)));
  return assemblePrompt(BLOG_OUTLINE, input, { targetWords: words, vars: { sections } });
}

/** Spoken words per second in a marketing voiceover (about 150 a minute). */
export const WORDS_PER_SECOND = 2.5;
export const MIN_VIDEO_SECONDS = 10;
export const MAX_VIDEO_SECONDS = 600;

/** A scene-by-scene script; `durationSeconds` (10–600) overrides the length preset. */
export function buildVideoScriptPrompt(input: PromptInput & { durationSeconds?: number }): PromptRequest {
  let words = targetWords(input.constraints.length, VIDEO_SCRIPT.lengthWords, VIDEO_SCRIPT.defaultLength);
  let seconds = Math.round(words / WORDS_PER_SECOND);
  if (input.durationSeconds !== undefined) {
    if (!Number.isFinite(input.durationSeconds)) throw new RangeError('durationSeconds must be a number.');
    seconds = Math.min(MAX_VIDEO_SECONDS, Math.max(MIN_VIDEO_SECONDS, Math.round(input.durationSeconds)));
    words = Math.round(seconds * WORDS_PER_SECOND);
  }
  // Scene headings and visual directions roughly double the text beyond the voiceover.
  const maxTokens = maxTokensFor(words * 2, input.constraints.language);
  return assemblePrompt(VIDEO_SCRIPT, input, { targetWords: words, vars: { seconds }, maxTokens });
}
