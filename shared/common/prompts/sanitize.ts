/**
 * Makes untrusted text (email bodies, names, CRM values) safe to place inside the prompt's delimited blocks. It cannot
 * make a model ignore instructions, but it stops text from closing our blocks early or smuggling chat-template
 * control tokens that some tokenizers would turn into real role switches.
 */

/** Tag names the prompts use as delimiters. */
export const BLOCK_TAGS = ['thread', 'message', 'context', 'facts', 'persona', 'text', 'contact'] as const;

// Chat-template markers of the model families web-llm runs (Llama 3, Qwen/ChatML, Mistral, Gemma, Phi).
const CONTROL_TOKENS =
  /<\|[a-z0-9_]{1,40}\|>|\[\/?INST\]|<<\/?SYS>>|<\/?s>|<\/?(?:start|end)_of_turn>|<\/?(?:bos|eos)>/gi;
const BLOCK_TAG = new RegExp(`<(\\/?)(${BLOCK_TAGS.join('|')})\\b`, 'gi');
// Control characters other than tab and newline carry nothing a model needs.
const CONTROL_CHARS = /(?![\t\n])\p{Cc}/gu;

/**
 * Removes chat control tokens and control characters, and turns `<thread>`-style tags into `‹thread>` so they read
 * the same but no longer match our delimiters.
 */
export function sanitizeUntrusted(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_TOKENS, '')
    .replace(CONTROL_CHARS, '')
    .replace(BLOCK_TAG, '\u2039$1$2')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A single-line value for a tag attribute or a label: no quotes, brackets or line breaks, and short. */
export function sanitizeInline(text: string, maxChars = 120): string {
  return clip(
    sanitizeUntrusted(text)
      .replace(/["<>\n\t]+/g, ' ')
      .replace(/\s{2,}/g, ' ')
      .trim(),
    maxChars,
  );
}

/** Cuts `text` to at most `maxChars` characters, ending with "…" when it was cut. */
export function clip(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  let end = Math.max(0, maxChars - 1);
  // Never split a surrogate pair (emoji, rare CJK): half a pair is an invalid string.
  if (end > 0 && /[\uD800-\uDBFF]/.test(text[end - 1] ?? '')) end--;
  return `${text.slice(0, end).trimEnd()}…`;
}
