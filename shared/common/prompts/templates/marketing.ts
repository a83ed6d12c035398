import type { PromptTemplate } from '../template';
import { GIVEN_CALL_TO_ACTION, GROUNDING_RULES, TEXT_OUTPUT_RULES } from './rules';

/** Marketing content from a brief and facts: social posts, ad copy, blog outlines, video scripts. */

const TEXT_RULES = [...GROUNDING_RULES, ...TEXT_OUTPUT_RULES];
const AUDIENCE = 'for readers like the one described in <persona>, if given';

export const SOCIAL_PLATFORMS = ['linkedin', 'x', 'wechat'] as const;
export type SocialPlatform = (typeof SOCIAL_PLATFORMS)[number];

export const SOCIAL_POST: PromptTemplate = {
  id: 'social-post',
  version: 1,
  description: 'A social media post for LinkedIn, X or WeChat Moments.',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 40, medium: 90, long: 160 },
  defaultLength: 'medium',
  capLength: true,
  parts: {
    system: 'You are Closer, a B2B marketer who writes social media posts.',
    rules: TEXT_RULES,
    task: [
      `Write {{variant}} Base it on <context> and <facts>, ${AUDIENCE}.`,
      'Tone: {{tone}}. Length: {{length}}. {{cta}}',
      'Output only the post.',
    ].join('\n'),
    defaultTone: 'confident, human and specific',
    defaultCallToAction: 'End with one clear call to action.',
    givenCallToAction: GIVEN_CALL_TO_ACTION,
    variants: {
      linkedin:
        'a LinkedIn post: a first line that makes people stop scrolling without clickbait, short paragraphs, a professional voice, and at most three relevant hashtags at the end.',
      x: 'a post on X: one to three sentences, at most 280 characters in total including hashtags (a Chinese character counts as two), at most two hashtags.',
      wechat: 'a WeChat Moments (朋友圈) post: conversational, short paragraphs, no hashtags, at most two emoji.',
    },
  },
};

export const AD_FORMATS = ['search', 'social'] as const;
export type AdFormat = (typeof AD_FORMATS)[number];

export const AD_COPY: PromptTemplate = {
  id: 'ad-copy',
  version: 1,
  description: 'Search or social ad copy as labelled lines.',
  output: 'plain',
  temperature: 0.8,
  lengthWords: { short: 60, medium: 80, long: 100 },
  defaultLength: 'medium',
  capLength: false,
  maxTokens: 400,
  parts: {
    system: 'You are Closer, a performance marketer who writes ad copy that is clear, specific and honest.',
    rules: TEXT_RULES,
    task: [
      `Write {{variant}}`,
      `Base every claim on <context> and <facts>, ${AUDIENCE}. Count characters strictly; a Chinese character counts as two.`,
      'Tone: {{tone}}. {{cta}}',
      'Output only these lines, in this format.',
    ].join('\n'),
    defaultTone: 'clear and benefit-led',
    defaultCallToAction: 'Include one clear call to action.',
    givenCallToAction: 'Use this call to action: "{{callToAction}}".',
    variants: {
      search:
        'search ad copy: exactly 5 headlines of at most 30 characters each and 3 descriptions of at most 90 characters each, one per line, as "Headline 1: …" to "Headline 5: …" and then "Description 1: …" to "Description 3: …".',
      social:
        'social media ad copy: three lines, "Primary text: …" (at most 125 characters), "Headline: …" (at most 40 characters) and "Description: …" (at most 30 characters).',
    },
  },
};

export const BLOG_OUTLINE: PromptTemplate = {
  id: 'blog-outline',
  version: 1,
  description: 'A Markdown outline for a blog post.',
  output: 'markdown',
  temperature: 0.6,
  lengthWords: { short: 150, medium: 300, long: 450 },
  defaultLength: 'medium',
  capLength: false,
  parts: {
    system: 'You are Closer, a content marketer who outlines useful B2B blog posts.',
    rules: TEXT_RULES,
    task: [
      `Outline a blog post based on <context> and <facts>, ${AUDIENCE}.`,
      'Use Markdown: a title line starting with "# ", then {{sections}} sections, each a "## " heading followed by two to four "- " bullet points saying what the section will cover. The last section is the conclusion.',
      'Where the post will need a number, example or quote that <facts> does not give, write [source needed].',
      'Tone: {{tone}}. The outline is {{length}} in total. {{cta}}',
      'Output only the outline.',
    ].join('\n'),
    defaultTone: 'practical and expert, without jargon',
    defaultCallToAction: 'The conclusion includes one call to action.',
    givenCallToAction: 'The conclusion asks readers to take this step: "{{callToAction}}".',
  },
};

export const VIDEO_SCRIPT: PromptTemplate = {
  id: 'video-script',
  version: 1,
  description: 'A scene-by-scene script for a short video.',
  output: 'markdown',
  temperature: 0.7,
  // Spoken words at about 2.5 a second: 30, 60 and 120 seconds.
  lengthWords: { short: 75, medium: 150, long: 300 },
  defaultLength: 'medium',
  capLength: false,
  parts: {
    system: 'You are Closer, a writer of short marketing and sales videos.',
    rules: TEXT_RULES,
    task: [
      `Write the script of a video of about {{seconds}} seconds based on <context> and <facts>, ${AUDIENCE}.`,
      'Split it into scenes. For each scene write a line "Scene N (m:ss–m:ss)", then a line "Visual: …" (what is shown) and a line "Voiceover: …" (what is said).',
      'The voiceover is {{length}} in total. Hook the viewer in the first five seconds.',
      'Tone: {{tone}}. {{cta}}',
      'Output only the script.',
    ].join('\n'),
    defaultTone: 'energetic but credible',
    defaultCallToAction: 'The last scene ends with one clear call to action.',
    givenCallToAction: 'The last scene asks viewers to take this step: "{{callToAction}}".',
  },
};
