/**
 * The content studio's formats and each platform's limits. The prompt templates quote these numbers and the
 * checker measures answers against them, so one table says what a format allows. Characters are weighted as X and
 * Google Ads count them (a CJK or full-width character counts as two; see `countChars`).
 */

export const STUDIO_FORMATS = [
  'linkedin-post',
  'x-post',
  'wechat-post',
  'search-ad',
  'social-ad',
  'blog-outline',
  'video-script',
] as const;
export type StudioFormat = (typeof STUDIO_FORMATS)[number];

/** LinkedIn's limit for a post. */
export const LINKEDIN_MAX_CHARS = 3_000;
export const LINKEDIN_MAX_HASHTAGS = 3;
/** X's limit for a post (weighted). */
export const X_POST_MAX_CHARS = 280;
export const X_MAX_HASHTAGS = 2;
/** WeChat Moments folds text after about six lines; keep a post readable without "全文". */
export const WECHAT_MAX_CHARS = 600;
export const WECHAT_MAX_EMOJI = 2;

/** Google responsive search ads: 3–15 headlines of 30, 2–4 descriptions of 90; we ask for 5 and 3. */
export const SEARCH_AD = { headlines: 5, headlineMaxChars: 30, descriptions: 3, descriptionMaxChars: 90 } as const;
/** Meta feed ads: primary text shown before "See more", headline and description. */
export const SOCIAL_AD = { primaryTextMaxChars: 125, headlineMaxChars: 40, descriptionMaxChars: 30 } as const;

export const BLOG_MIN_SECTIONS = 3;
export const BLOG_MAX_SECTIONS = 9;
/** Spoken words a second in a marketing voiceover (about 150 a minute). */
export const VOICEOVER_WORDS_PER_SECOND = 2.5;
export const VIDEO_MIN_SECONDS = 10;
export const VIDEO_MAX_SECONDS = 180;

/** The hard character limit of a whole answer, where the platform has one. */
export const FORMAT_MAX_CHARS: Readonly<Partial<Record<StudioFormat, number>>> = {
  'linkedin-post': LINKEDIN_MAX_CHARS,
  'x-post': X_POST_MAX_CHARS,
  'wechat-post': WECHAT_MAX_CHARS,
};

/** Labelled lines an ad must have, each with its own limit. */
export function adFields(format: 'search-ad' | 'social-ad'): Array<{ label: string; maxChars: number }> {
  if (format === 'social-ad')
    return [
      { label: 'Primary text', maxChars: SOCIAL_AD.primaryTextMaxChars },
      { label: 'Headline', maxChars: SOCIAL_AD.headlineMaxChars },
      { label: 'Description', maxChars: SOCIAL_AD.descriptionMaxChars },
    ];
  return [
    ...Array.from({ length: SEARCH_AD.headlines }, (_, i) => ({
      label: `Headline ${i + 1}`,
      maxChars: SEARCH_AD.headlineMaxChars,
    })),
    ...Array.from({ length: SEARCH_AD.descriptions }, (_, i) => ({
      label: `Description ${i + 1}`,
      maxChars: SEARCH_AD.descriptionMaxChars,
    })),
  ];
}
