import { stableStringify, fnv1a64 } from './hash';
import { PROMPT_LAYOUT } from './layout';
import type { PromptTemplate } from './template';
import { COLD_EMAIL, FOLLOW_UP, REPLY_DRAFT, SUBJECT_LINES, SUPPORT_REPLY } from './templates/email';
import { REWRITE, TRANSLATE } from './templates/editing';
import { AD_COPY, BLOG_OUTLINE, SOCIAL_POST, VIDEO_SCRIPT } from './templates/marketing';
import { PERSONA } from './templates/persona';
import { THREAD_SUMMARY } from './templates/summary';
import {
  STUDIO_BLOG_OUTLINE,
  STUDIO_LINKEDIN_POST,
  STUDIO_SEARCH_AD,
  STUDIO_SOCIAL_AD,
  STUDIO_VIDEO_SCRIPT,
  STUDIO_WECHAT_POST,
  STUDIO_X_POST,
} from './templates/studio';
import type { PromptId } from './types';

/** Every prompt template by id. Ratings and campaign results refer to them as `id@version` (see promptRef). */
export const PROMPT_REGISTRY: Readonly<Record<PromptId, PromptTemplate>> = {
  'reply-draft': REPLY_DRAFT,
  'cold-email': COLD_EMAIL,
  'follow-up': FOLLOW_UP,
  'support-reply': SUPPORT_REPLY,
  'subject-lines': SUBJECT_LINES,
  rewrite: REWRITE,
  translate: TRANSLATE,
  persona: PERSONA,
  'social-post': SOCIAL_POST,
  'ad-copy': AD_COPY,
  'blog-outline': BLOG_OUTLINE,
  'video-script': VIDEO_SCRIPT,
  'thread-summary': THREAD_SUMMARY,
  'studio-linkedin-post': STUDIO_LINKEDIN_POST,
  'studio-x-post': STUDIO_X_POST,
  'studio-wechat-post': STUDIO_WECHAT_POST,
  'studio-search-ad': STUDIO_SEARCH_AD,
  'studio-social-ad': STUDIO_SOCIAL_AD,
  'studio-blog-outline': STUDIO_BLOG_OUTLINE,
  'studio-video-script': STUDIO_VIDEO_SCRIPT,
};

/** All prompt ids, in registry order. */
export const PROMPT_IDS = Object.keys(PROMPT_REGISTRY) as PromptId[];

/** The template for `id`; throws on an unknown id (ids arrive from storage and messages as plain strings). */
export function getPromptTemplate(id: string): PromptTemplate {
  const template = (PROMPT_REGISTRY as Record<string, PromptTemplate | undefined>)[id];
  if (!template) throw new RangeError(`Unknown prompt id "${id}".`);
  return template;
}

/** `reply-draft@1`: how stored drafts, ratings and campaign results name the prompt that produced them. */
export function promptRef(source: { promptId: PromptId; promptVersion: number } | PromptTemplate): string {
  return 'id' in source ? `${source.id}@${source.version}` : `${source.promptId}@${source.promptVersion}`;
}

/** Splits `reply-draft@1` into id and version; undefined for anything else. */
export function parsePromptRef(ref: string): { promptId: PromptId; promptVersion: number } | undefined {
  const match = /^([a-z][a-z-]{0,40})@(\d{1,6})$/.exec(ref);
  if (!match?.[1] || !match[2] || !(match[1] in PROMPT_REGISTRY)) return undefined;
  return { promptId: match[1] as PromptId, promptVersion: Number(match[2]) };
}

/**
 * A fingerprint of everything in a template but its version, plus the shared layout. The registry test pins each
 * `id@version` to its fingerprint, so an edit without a version bump fails.
 */
export function templateHash(template: PromptTemplate): string {
  const { version: _version, ...content } = template;
  return fnv1a64(stableStringify({ content, layout: PROMPT_LAYOUT }));
}
