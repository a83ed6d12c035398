import type { ChatRequest } from '../../shared/common/llm/engine';
import { applyGreetingAndSignOff, styleForLanguage, withStyle, type StyleProfile } from '../../shared/common/style';

/**
 * A draft request in the rep's style, and the clean-up of its answer: the style section goes into the prompt, and
 * the answer gets the rep's own greeting and sign-off whatever the model wrote. No profile: both pass through.
 */
export function styledDraft(
  request: ChatRequest,
  profile: StyleProfile | null,
  language: 'en' | 'zh',
  recipientName: string | undefined,
): { request: ChatRequest; finish: (text: string) => string } {
  if (!profile) return { request, finish: (text) => text };
  const fitted = styleForLanguage(profile, language);
  const first = recipientName?.trim().split(/\s+/)[0] || null;
  return {
    request: withStyle(request, fitted, language),
    finish: (text) => (text.trim() ? applyGreetingAndSignOff(text, fitted, first) : text),
  };
}
