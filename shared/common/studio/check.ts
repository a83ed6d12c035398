import { countChars, countWords } from '../prompts/length';
import { findBannedWords } from './brand-voice';
import {
  BLOG_MAX_SECTIONS,
  BLOG_MIN_SECTIONS,
  FORMAT_MAX_CHARS,
  LINKEDIN_MAX_HASHTAGS,
  VOICEOVER_WORDS_PER_SECOND,
  WECHAT_MAX_EMOJI,
  X_MAX_HASHTAGS,
  adFields,
  type StudioFormat,
} from './formats';

/**
 * Checks generated content against its format's limits and the brand voice, so the studio can say what to fix
 * before it is published (a model may overrun a headline or slip in a banned word however well it is prompted).
 */

export type FormatIssue =
  | { code: 'too_long'; label?: string; chars: number; max: number }
  | { code: 'too_many_hashtags'; count: number; max: number }
  | { code: 'too_many_emoji'; count: number; max: number }
  | { code: 'missing_line'; label: string }
  | { code: 'sections'; count: number; min: number; max: number }
  | { code: 'no_scenes' }
  | { code: 'voiceover_too_long'; words: number; max: number }
  | { code: 'banned_word'; word: string };

const HASHTAG = /(?:^|\s)[#＃][\p{L}\p{N}_]+/gu;
const EMOJI = /\p{Extended_Pictographic}/gu;

/**
 * The words of the hashtags in `text`, without `#`. A hashtag labels a topic and claims nothing, so the studio adds
 * them to the fact check's grounding (otherwise `#Sales` reads as an unknown name).
 */
export function hashtagWords(text: string): string[] {
  return [...new Set((text.match(HASHTAG) ?? []).map((h) => h.trim().slice(1)))];
}

/** The value of a `Label: value` line (English or full-width colon), or undefined when there is none. */
export function labelledLine(text: string, label: string): string | undefined {
  const pattern = new RegExp(`^[ \\t*-]*${label.replace(/ /g, '\\s*')}[ \\t*]*[:：][ \\t]*(.*)$`, 'im');
  return pattern.exec(text)?.[1]?.replace(/\*+$/, '').trim();
}

export interface CheckOptions {
  bannedWords?: readonly string[];
  /** Video scripts: the requested length. */
  seconds?: number;
}

export function checkStudioOutput(format: StudioFormat, text: string, options: CheckOptions = {}): FormatIssue[] {
  const issues: FormatIssue[] = [];
  const max = FORMAT_MAX_CHARS[format];
  if (max !== undefined && countChars(text) > max) issues.push({ code: 'too_long', chars: countChars(text), max });

  const hashtags = text.match(HASHTAG)?.length ?? 0;
  const hashtagMax =
    format === 'linkedin-post'
      ? LINKEDIN_MAX_HASHTAGS
      : format === 'x-post'
        ? X_MAX_HASHTAGS
        : format === 'wechat-post'
          ? 0
          : undefined;
  if (hashtagMax !== undefined && hashtags > hashtagMax)
    issues.push({ code: 'too_many_hashtags', count: hashtags, max: hashtagMax });
  if (format === 'wechat-post') {
    const emoji = text.match(EMOJI)?.length ?? 0;
    if (emoji > WECHAT_MAX_EMOJI) issues.push({ code: 'too_many_emoji', count: emoji, max: WECHAT_MAX_EMOJI });
  }

  if (format === 'search-ad' || format === 'social-ad') {
    for (const { label, maxChars } of adFields(format)) {
      const value = labelledLine(text, label);
      if (!value) issues.push({ code: 'missing_line', label });
      else if (countChars(value) > maxChars)
        issues.push({ code: 'too_long', label, chars: countChars(value), max: maxChars });
    }
  }
  if (format === 'blog-outline') {
    const sections = text.match(/^##[ \t]+\S/gm)?.length ?? 0;
    if (sections < BLOG_MIN_SECTIONS || sections > BLOG_MAX_SECTIONS)
      issues.push({ code: 'sections', count: sections, min: BLOG_MIN_SECTIONS, max: BLOG_MAX_SECTIONS });
  }
  if (format === 'video-script') {
    if (!/^[ \t*#]*(?:scene|场景)\s*\d+/im.test(text)) issues.push({ code: 'no_scenes' });
    if (options.seconds !== undefined) {
      const spoken = [...text.matchAll(/^[ \t*-]*(?:voiceover|旁白)[ \t*]*[:：](.*)$/gim)]
        .map((m) => m[1] ?? '')
        .join(' ');
      const words = Math.round(countWords(spoken));
      // Half again the target: a script that long runs well over its slot.
      const limit = Math.ceil(options.seconds * VOICEOVER_WORDS_PER_SECOND * 1.5);
      if (words > limit) issues.push({ code: 'voiceover_too_long', words, max: limit });
    }
  }
  const seen = new Set<string>();
  for (const { word } of findBannedWords(text, options.bannedWords ?? [])) {
    if (!seen.has(word)) issues.push({ code: 'banned_word', word });
    seen.add(word);
  }
  return issues;
}
