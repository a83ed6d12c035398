import { assemblePrompt } from '../build';
import { maxTokensFor, targetWords } from '../constraints';
import { sanitizeInline } from '../sanitize';
import type { PromptTemplate } from '../template';
import {
  STUDIO_BLOG_OUTLINE,
  STUDIO_LINKEDIN_POST,
  STUDIO_SEARCH_AD,
  STUDIO_SOCIAL_AD,
  STUDIO_VIDEO_SCRIPT,
  STUDIO_WECHAT_POST,
  STUDIO_X_POST,
} from '../templates/studio';
import type { PromptInput, PromptRequest } from '../types';
import {
  BLOG_MAX_SECTIONS,
  BLOG_MIN_SECTIONS,
  FORMAT_MAX_CHARS,
  VIDEO_MAX_SECONDS,
  VIDEO_MIN_SECONDS,
  VOICEOVER_WORDS_PER_SECOND,
  type StudioFormat,
} from '../../studio/formats';

export const STUDIO_TEMPLATE_OF: Readonly<Record<StudioFormat, PromptTemplate>> = {
  'linkedin-post': STUDIO_LINKEDIN_POST,
  'x-post': STUDIO_X_POST,
  'wechat-post': STUDIO_WECHAT_POST,
  'search-ad': STUDIO_SEARCH_AD,
  'social-ad': STUDIO_SOCIAL_AD,
  'blog-outline': STUDIO_BLOG_OUTLINE,
  'video-script': STUDIO_VIDEO_SCRIPT,
};

/** At most this many banned words are put to the model; the checker still looks for all of them. */
export const MAX_PROMPT_BANNED_WORDS = 30;

export interface StudioPromptInput extends PromptInput {
  format: StudioFormat;
  /** The brand voice: tone words (used unless the request names a tone) and words never to use. */
  voice?: { toneWords?: readonly string[]; bannedWords?: readonly string[] };
  /** Video scripts: the length in seconds (10–180); overrides the length preset. */
  durationSeconds?: number;
}

function voiceLine(banned: readonly string[] | undefined): string {
  const words = (banned ?? [])
    .map((w) => sanitizeInline(w, 60).replace(/"/g, ''))
    .filter(Boolean)
    .slice(0, MAX_PROMPT_BANNED_WORDS);
  return words.length ? ` Banned words and phrases: ${words.map((w) => `"${w}"`).join(', ')}.` : '';
}

/**
 * One content studio piece: the format's template, the brand voice, and the platform's hard limit as the
 * post-processing cap (an X post is cut at 280 weighted characters even if the model overruns).
 */
export function buildStudioPrompt(input: StudioPromptInput): PromptRequest {
  const template = STUDIO_TEMPLATE_OF[input.format];
  if (!template) throw new RangeError(`Unknown content format "${String(input.format)}".`);
  const toneWords = (input.voice?.toneWords ?? []).map((w) => w.trim()).filter(Boolean);
  const constraints =
    input.constraints.tone?.trim() || toneWords.length === 0
      ? input.constraints
      : { ...input.constraints, tone: toneWords.slice(0, 8).join(', ') };
  const base = { ...input, constraints };
  let words = targetWords(constraints.length, template.lengthWords, template.defaultLength);
  const vars: Record<string, string | number> = { voice: voiceLine(input.voice?.bannedWords) };
  const maxChars = FORMAT_MAX_CHARS[input.format];

  if (input.format === 'x-post') words = Math.min(words, template.lengthWords.long);
  if (input.format === 'blog-outline')
    vars.sections = Math.min(BLOG_MAX_SECTIONS, Math.max(BLOG_MIN_SECTIONS, Math.round(words / 60)));
  if (input.format === 'video-script') {
    let seconds = Math.round(words / VOICEOVER_WORDS_PER_SECOND);
    if (input.durationSeconds !== undefined) {
      if (!Number.isFinite(input.durationSeconds)) throw new RangeError('durationSeconds must be a number.');
      seconds = Math.round(input.durationSeconds);
    }
    seconds = Math.min(VIDEO_MAX_SECONDS, Math.max(VIDEO_MIN_SECONDS, seconds));
    words = Math.round(seconds * VOICEOVER_WORDS_PER_SECOND);
    vars.seconds = seconds;
  }
  // Scene headings and visual directions roughly double a script beyond its voiceover.
  const maxTokens = input.format === 'video-script' ? maxTokensFor(words * 2, constraints.language) : undefined;
  return assemblePrompt(template, base, {
    targetWords: words,
    vars,
    output: maxChars === undefined ? {} : { maxChars },
    ...(maxTokens === undefined ? {} : { maxTokens }),
  });
}
