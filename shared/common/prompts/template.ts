import type { LengthPreset, OutputFormat, PromptId } from './types';

/**
 * A prompt template is data: everything that shapes the model's answer lives here, so a hash of it identifies what
 * produced a text. Any change to any field must come with a new `version` (the registry test enforces it), so ratings
 * and campaign results attributed to `id@version` never mix two different prompts.
 *
 * Text fields may contain `{{placeholders}}`, filled by the builders; an unknown placeholder is an error.
 */
export interface PromptTemplate {
  readonly id: PromptId;
  readonly version: number;
  readonly description: string;
  readonly output: OutputFormat;
  readonly temperature: number;
  /** Target length of each preset, in English-word equivalents. */
  readonly lengthWords: Readonly<Record<LengthPreset, number>>;
  readonly defaultLength: LengthPreset;
  /** Post-processing cuts answers that run far past the target (see LENGTH_SLACK). */
  readonly capLength: boolean;
  /** A fixed token limit for answers whose size does not follow a length target (JSON, ad copy). */
  readonly maxTokens?: number;
  /** For templates with variants whose target length is relative to the input text (rewrite). */
  readonly lengthFactors?: Readonly<Record<string, number>>;
  readonly parts: {
    /** Who the model is and what it is for; the first paragraph of the system message. */
    readonly system: string;
    /** Numbered rules that follow; the grounding and injection rules are shared (see `templates/rules.ts`). */
    readonly rules: readonly string[];
    /** The instruction at the end of the user message, after the data blocks. */
    readonly task: string;
    readonly defaultTone: string;
    /** Used as `{{cta}}` when the user gave no call to action. */
    readonly defaultCallToAction: string;
    /** Used as `{{cta}}` when they did; `{{callToAction}}` is their text. */
    readonly givenCallToAction: string;
    /** Named alternatives filled in as `{{variant}}`: rewrite styles, social platforms, ad formats. */
    readonly variants?: Readonly<Record<string, string>>;
  };
}
