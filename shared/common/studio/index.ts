/** The content studio's formats, their platform limits, the brand voice, and the checks of generated content. */
export * from './formats';
export { BrandVoiceSchema, DEFAULT_BRAND_VOICE, findBannedWords, splitWords, type BrandVoice } from './brand-voice';
export { checkStudioOutput, hashtagWords, labelledLine, type CheckOptions, type FormatIssue } from './check';
