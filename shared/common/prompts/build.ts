import type { ResponseFormat } from '../llm/structured/chat';
import { mentionsProtectedAttribute } from '../llm/structured/protected-attributes';
import { languageName, lengthInstruction, maxTokensFor, targetWords } from './constraints';
import { DEFAULT_CONTEXT_BUDGET_CHARS, renderFacts, renderFreeContext, renderPersona, renderThread } from './context';
import { PROMPT_LAYOUT } from './layout';
import { fillPlaceholders, type TemplateVars } from './render';
import { sanitizeInline, sanitizeUntrusted } from './sanitize';
import type { PromptTemplate } from './template';
import type { ContextStats, OutputSpec, PromptInput, PromptRequest } from './types';

/** Shared assembly of every builder: data blocks, filled template parts, token limit and output spec. */

/** Answers may run this far past their target before post-processing cuts them. */
export const LENGTH_SLACK = 1.5;
/** Text to rewrite or translate longer than this is refused rather than silently cut. */
export const MAX_TEXT_CHARS = 6_000;
/** Tokens for what is not counted in the length target: greeting, sign-off, a subject line. */
const FIXED_TOKENS = 48;

export interface AssembleOptions {
  /** Key into `parts.variants`, filled in as `{{variant}}`. */
  variant?: string;
  /** The user's own text to edit, placed in `<text>`. */
  text?: string;
  /** A `<contact>` block naming whom a persona is about. */
  contactBlock?: string;
  /** Target length in words, when the builder works it out itself (rewrite, translate, video). */
  targetWords?: number;
  maxTokens?: number;
  vars?: TemplateVars;
  output?: Partial<OutputSpec>;
  responseFormat?: ResponseFormat;
}

/** A one-line user value (tone, call to action) or undefined when empty or it mentions a protected attribute. */
function userValue(value: string | undefined, maxChars: number): string | undefined {
  const clean = value === undefined ? '' : sanitizeInline(value, maxChars);
  return clean && !mentionsProtectedAttribute(clean) ? clean : undefined;
}

function renderContext(input: PromptInput): { block: string; stats: ContextStats } {
  const budget = input.contextBudgetChars ?? DEFAULT_CONTEXT_BUDGET_CHARS;
  const { context } = input;
  const empty = typeof context === 'string' ? !context.trim() : context.length === 0;
  if (empty) return { block: '', stats: { messagesKept: 0, messagesDropped: 0, clipped: false, chars: 0 } };
  return typeof context === 'string' ? renderFreeContext(context, budget) : renderThread(context, budget);
}

/** Builds the chat request for `template` from the common input and a builder's options. */
export function assemblePrompt(
  template: PromptTemplate,
  input: PromptInput,
  options: AssembleOptions = {},
): PromptRequest {
  const { language } = input.constraints;
  const languageLabel = languageName(language);
  const words =
    options.targetWords ?? targetWords(input.constraints.length, template.lengthWords, template.defaultLength);

  let variant = '';
  if (options.variant !== undefined) {
    const text = template.parts.variants?.[options.variant];
    if (text === undefined) throw new RangeError(`Prompt "${template.id}" has no variant "${options.variant}".`);
    variant = text;
  }

  const callToAction = userValue(input.constraints.callToAction, 200);
  const vars: TemplateVars = {
    language: languageLabel,
    length: lengthInstruction(words, language),
    tone:
      userValue(input.constraints.tone, 80) ??
      userValue(input.persona?.preferredTone, 80) ??
      template.parts.defaultTone,
    cta: callToAction
      ? fillPlaceholders(template.parts.givenCallToAction, { callToAction })
      : template.parts.defaultCallToAction,
    variant,
    ...options.vars,
  };

  const system = [
    fillPlaceholders(template.parts.system, vars),
    '',
    PROMPT_LAYOUT.rulesHeading,
    ...template.parts.rules.map((rule, i) => `${i + 1}. ${fillPlaceholders(rule, vars)}`),
  ].join('\n');

  if (options.text !== undefined && options.text.length > MAX_TEXT_CHARS) {
    throw new RangeError(`The text is too long (${options.text.length} characters; the limit is ${MAX_TEXT_CHARS}).`);
  }
  const context = renderContext(input);
  const blocks: Record<(typeof PROMPT_LAYOUT.blockOrder)[number], string> = {
    contact: options.contactBlock ?? '',
    persona: renderPersona(input.persona),
    facts: renderFacts(input.grounding),
    context: context.block,
    text: options.text === undefined ? '' : `<text>\n${sanitizeUntrusted(options.text)}\n</text>`,
    task: `${PROMPT_LAYOUT.taskHeading}\n${fillPlaceholders(template.parts.task, vars)}`,
  };
  const user = PROMPT_LAYOUT.blockOrder
    .map((name) => blocks[name])
    .filter(Boolean)
    .join('\n\n');

  const output: OutputSpec = {
    format: template.output,
    ...(template.capLength ? { maxWords: Math.ceil(words * LENGTH_SLACK) } : {}),
    ...options.output,
  };
  return {
    messages: [
      { role: 'system', content: system },
      { role: 'user', content: user },
    ],
    maxTokens: options.maxTokens ?? template.maxTokens ?? maxTokensFor(words, language, FIXED_TOKENS),
    temperature: template.temperature,
    ...(options.responseFormat ? { responseFormat: options.responseFormat } : {}),
    promptId: template.id,
    promptVersion: template.version,
    output,
    contextStats: context.stats,
  };
}
