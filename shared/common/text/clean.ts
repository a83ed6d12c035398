/**
 * Text clean-up before tokenising: HTML tags and entities, Unicode compatibility forms, invisible and control
 * characters. Every regex here is bounded, so cleaning is linear in the input length.
 */
import { htmlToText } from './html-to-text';

/**
 * Replaces HTML tags and comments with spaces and decodes entities, keeping `<john@acme.com>` and `<https://…>`
 * (common in email headers and bounces) as text: the tokeniser's settings of {@link htmlToText}.
 */
export function stripHtml(text: string): string {
  return htmlToText(text, { grammar: 'element', tag: 'space', entities: 'all' });
}

/**
 * Unicode clean-up: NFKC (full-width "Ｈｅｌｌｏ１２３" → "Hello123", common in Chinese text), typographic apostrophes
 * to `'`, format characters removed (zero-width spaces and soft hyphens are used to split words and dodge filters),
 * other control characters turned into spaces (newlines and tabs stay, they mark boundaries), then lower-casing.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u201B\u02BC`´]/g, "'")
    .replace(/\p{Cf}/gu, '')
    .replace(/(?![\t\n\r])\p{Cc}/gu, ' ')
    .replace(/\r\n?/g, '\n')
    .toLowerCase();
}
