import {
  BLOG_MAX_SECTIONS,
  BLOG_MIN_SECTIONS,
  LINKEDIN_MAX_CHARS,
  LINKEDIN_MAX_HASHTAGS,
  SEARCH_AD,
  SOCIAL_AD,
  WECHAT_MAX_CHARS,
  WECHAT_MAX_EMOJI,
  X_MAX_HASHTAGS,
  X_POST_MAX_CHARS,
} from '../../studio/formats';
import type { PromptTemplate } from '../template';
import { GROUNDING_RULES, TEXT_OUTPUT_RULES } from './rules';

/**
 * The content studio's formats, one template each, written in the team's brand voice for a persona segment. The
 * platform limits come from `studio/formats.ts`, so changing a limit changes the template's hash and forces a new
 * version. `{{voice}}` is the brand voice's banned words (or nothing); the tone words arrive as `{{tone}}`.
 */

const BRAND_RULE =
  'Write in the brand voice the task describes. Never use a word or phrase the task lists as banned, not even inside another sentence.';
const STUDIO_RULES = [...GROUNDING_RULES, BRAND_RULE, ...TEXT_OUTPUT_RULES];
const AUDIENCE = 'for the audience described in <persona> (a segment, not one person; do not address anyone by name)';
const COUNTING = 'Count characters strictly; a Chinese character counts as two.';

export const STUDIO_LINKEDIN_POST: PromptTemplate = {
  id: 'studio-linkedin-post',
  version: 1,
  description: 'Content studio: a LinkedIn post in the brand voice.',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 60, medium: 120, long: 220 },
  defaultLength: 'medium',
  capLength: true,
  parts: {
    system: 'You are Closer, a B2B marketer who writes LinkedIn posts for a company page.',
    rules: STUDIO_RULES,
    task: [
      `Write a LinkedIn post about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `Open with one line that makes the reader stop scrolling, without clickbait. Short paragraphs. At most ${LINKEDIN_MAX_HASHTAGS} relevant hashtags, on the last line. Never more than ${LINKEDIN_MAX_CHARS} characters.`,
      'Tone: {{tone}}. Length: {{length}}. {{cta}}{{voice}}',
      'Output only the post.',
    ].join('\n'),
    defaultTone: 'confident, human and specific',
    defaultCallToAction: 'End with one clear call to action.',
    givenCallToAction: 'End by asking readers to take this step: "{{callToAction}}".',
  },
};

export const STUDIO_X_POST: PromptTemplate = {
  id: 'studio-x-post',
  version: 1,
  description: 'Content studio: a post on X within 280 weighted characters.',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 20, medium: 35, long: 45 },
  defaultLength: 'medium',
  capLength: true,
  parts: {
    system: 'You are Closer, a B2B marketer who writes posts on X.',
    rules: STUDIO_RULES,
    task: [
      `Write one post on X about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `One to three sentences, at most ${X_POST_MAX_CHARS} characters in total including hashtags and links. ${COUNTING} At most ${X_MAX_HASHTAGS} hashtags. No thread, no numbering.`,
      'Tone: {{tone}}. Length: {{length}}. {{cta}}{{voice}}',
      'Output only the post.',
    ].join('\n'),
    defaultTone: 'sharp and conversational',
    defaultCallToAction: 'End with a short call to action.',
    givenCallToAction: 'End by asking readers to take this step: "{{callToAction}}".',
  },
};

export const STUDIO_WECHAT_POST: PromptTemplate = {
  id: 'studio-wechat-post',
  version: 1,
  description: 'Content studio: a WeChat Moments (朋友圈) post.',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 50, medium: 100, long: 160 },
  defaultLength: 'medium',
  capLength: true,
  parts: {
    system: 'You are Closer, a B2B marketer who writes WeChat Moments (朋友圈) posts for a sales team.',
    rules: STUDIO_RULES,
    task: [
      `Write a WeChat Moments post about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `Conversational, two to four short paragraphs, no hashtags, at most ${WECHAT_MAX_EMOJI} emoji, never more than ${WECHAT_MAX_CHARS} characters. ${COUNTING}`,
      'Tone: {{tone}}. Length: {{length}}. {{cta}}{{voice}}',
      'Output only the post.',
    ].join('\n'),
    defaultTone: 'warm, personal and useful',
    defaultCallToAction: 'End with an invitation to message you.',
    givenCallToAction: 'End by inviting readers to take this step: "{{callToAction}}".',
  },
};

const searchLines = [
  ...Array.from({ length: SEARCH_AD.headlines }, (_, i) => `Headline ${i + 1}: …`),
  ...Array.from({ length: SEARCH_AD.descriptions }, (_, i) => `Description ${i + 1}: …`),
].join('\n');

export const STUDIO_SEARCH_AD: PromptTemplate = {
  id: 'studio-search-ad',
  version: 1,
  description: 'Content studio: a responsive search ad (headlines and descriptions within their limits).',
  output: 'plain',
  temperature: 0.7,
  lengthWords: { short: 60, medium: 70, long: 80 },
  defaultLength: 'medium',
  capLength: false,
  maxTokens: 400,
  parts: {
    system: 'You are Closer, a performance marketer who writes search ads that are clear, specific and honest.',
    rules: STUDIO_RULES,
    task: [
      `Write a search ad about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `Exactly ${SEARCH_AD.headlines} headlines of at most ${SEARCH_AD.headlineMaxChars} characters each and ${SEARCH_AD.descriptions} descriptions of at most ${SEARCH_AD.descriptionMaxChars} characters each. ${COUNTING} Each headline must make sense on its own.`,
      'Use exactly these lines, keeping the English labels before the colon even when writing in another language:',
      searchLines,
      'Tone: {{tone}}. {{cta}}{{voice}}',
      'Output only these lines.',
    ].join('\n'),
    defaultTone: 'clear and benefit-led',
    defaultCallToAction: 'One description includes a clear call to action.',
    givenCallToAction: 'One description uses this call to action: "{{callToAction}}".',
  },
};

export const STUDIO_SOCIAL_AD: PromptTemplate = {
  id: 'studio-social-ad',
  version: 1,
  description: 'Content studio: a social feed ad (primary text, headline, description within their limits).',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 30, medium: 40, long: 50 },
  defaultLength: 'medium',
  capLength: false,
  maxTokens: 300,
  parts: {
    system: 'You are Closer, a performance marketer who writes social feed ads that are clear, specific and honest.',
    rules: STUDIO_RULES,
    task: [
      `Write a social feed ad about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `Primary text at most ${SOCIAL_AD.primaryTextMaxChars} characters, headline at most ${SOCIAL_AD.headlineMaxChars}, description at most ${SOCIAL_AD.descriptionMaxChars}. ${COUNTING}`,
      'Use exactly these lines, keeping the English labels before the colon even when writing in another language:',
      'Primary text: …\nHeadline: …\nDescription: …',
      'Tone: {{tone}}. {{cta}}{{voice}}',
      'Output only these lines.',
    ].join('\n'),
    defaultTone: 'clear and benefit-led',
    defaultCallToAction: 'The headline or description includes a clear call to action.',
    givenCallToAction: 'Use this call to action: "{{callToAction}}".',
  },
};

export const STUDIO_BLOG_OUTLINE: PromptTemplate = {
  id: 'studio-blog-outline',
  version: 1,
  description: 'Content studio: a Markdown blog outline in the brand voice.',
  output: 'markdown',
  temperature: 0.6,
  lengthWords: { short: 150, medium: 300, long: 450 },
  defaultLength: 'medium',
  capLength: false,
  parts: {
    system: 'You are Closer, a content marketer who outlines useful B2B blog posts.',
    rules: STUDIO_RULES,
    task: [
      `Outline a blog post about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      `Use Markdown: a title line starting with "# ", then {{sections}} sections (never fewer than ${BLOG_MIN_SECTIONS} or more than ${BLOG_MAX_SECTIONS}), each a "## " heading followed by two to four "- " bullet points saying what the section covers. The last section is the conclusion.`,
      'Where the post will need a number, example or quote that <facts> does not give, write [source needed].',
      'Tone: {{tone}}. The outline is {{length}} in total. {{cta}}{{voice}}',
      'Output only the outline.',
    ].join('\n'),
    defaultTone: 'practical and expert, without jargon',
    defaultCallToAction: 'The conclusion includes one call to action.',
    givenCallToAction: 'The conclusion asks readers to take this step: "{{callToAction}}".',
  },
};

export const STUDIO_VIDEO_SCRIPT: PromptTemplate = {
  id: 'studio-video-script',
  version: 1,
  description: 'Content studio: a scene-by-scene script for a short video.',
  output: 'markdown',
  temperature: 0.7,
  // Spoken words at about 2.5 a second: 30, 60 and 90 seconds.
  lengthWords: { short: 75, medium: 150, long: 225 },
  defaultLength: 'medium',
  capLength: false,
  parts: {
    system: 'You are Closer, a writer of short B2B marketing videos.',
    rules: STUDIO_RULES,
    task: [
      `Write the script of a video of about {{seconds}} seconds about the brief in <context>, using <facts>, ${AUDIENCE}.`,
      'Split it into scenes. For each scene write a line "Scene N (m:ss–m:ss)", then a line "Visual: …" (what is shown) and a line "Voiceover: …" (what is said). Keep these English labels even when writing in another language.',
      'The voiceover is {{length}} in total; it must fit the time. Hook the viewer in the first five seconds.',
      'Tone: {{tone}}. {{cta}}{{voice}}',
      'Output only the script.',
    ].join('\n'),
    defaultTone: 'energetic but credible',
    defaultCallToAction: 'The last scene ends with one clear call to action.',
    givenCallToAction: 'The last scene asks viewers to take this step: "{{callToAction}}".',
  },
};

export const STUDIO_TEMPLATES = [
  STUDIO_LINKEDIN_POST,
  STUDIO_X_POST,
  STUDIO_WECHAT_POST,
  STUDIO_SEARCH_AD,
  STUDIO_SOCIAL_AD,
  STUDIO_BLOG_OUTLINE,
  STUDIO_VIDEO_SCRIPT,
] as const;
