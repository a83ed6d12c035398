import { assemblePrompt } from '../build';
import { languageName } from '../constraints';
import { countWords } from '../length';
import { REWRITE, TRANSLATE, type RewriteStyle } from '../templates/editing';
import type { PromptInput, PromptRequest } from '../types';

/**
 * Rewrites `text` in `style`. Without an explicit `constraints.length`, the target follows the original's length
 * times the style's factor (shorter ≈ half, longer ≈ 1.5×). `constraints.language` is the output language.
 */
export function buildRewritePrompt(input: PromptInput & { text: string; style: RewriteStyle }): PromptRequest {
  const factor = REWRITE.lengthFactors?.[input.style];
  if (factor === undefined) throw new RangeError(`Unknown rewrite style "${input.style}".`);
  const words =
    input.constraints.length === undefined ? Math.max(10, Math.round(countWords(input.text) * factor)) : undefined;
  return assemblePrompt(REWRITE, input, { variant: input.style, text: input.text, targetWords: words });
}

/** Translates `text` into `constraints.language` from the other of English and Simplified Chinese. */
export function buildTranslatePrompt(input: PromptInput & { text: string }): PromptRequest {
  const target = input.constraints.language;
  const source = target === 'zh' ? 'en' : 'zh';
  // A translation is as long as its source; the length constraint does not apply.
  const words = Math.max(10, Math.round(countWords(input.text)));
  return assemblePrompt(TRANSLATE, input, {
    text: input.text,
    targetWords: words,
    vars: { source: languageName(source) },
  });
}
