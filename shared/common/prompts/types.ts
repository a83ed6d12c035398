import type { ChatRequest } from '../llm/structured/chat';

/** Output languages: English and Simplified Chinese. */
export type Language = 'en' | 'zh';

export type LengthPreset = 'short' | 'medium' | 'long';
/**
 * A preset, or a target in words. For Chinese a "word" is ZH_CHARS_PER_WORD characters, so one number means about
 * the same amount of content in either language.
 */
export type LengthTarget = LengthPreset | number;

/** What the user asked for, beyond the task itself. */
export interface Constraints {
  language: Language;
  length?: LengthTarget;
  /** The next step the text should ask for, e.g. "book a 20-minute call next week". */
  callToAction?: string;
  /** e.g. "warm but brief"; falls back to the persona's preferred tone, then the template's default. */
  tone?: string;
}

/** One email in a thread, oldest first. `body` should already have quoted history removed. */
export interface ThreadMessage {
  from: string;
  /** Shown to the model as written, e.g. "2024-05-02". */
  sentAt?: string;
  body: string;
  /** True for messages the user (the salesperson) sent. */
  fromMe?: boolean;
}

/**
 * What the writing prompts may know about the recipient: an approved summary, never raw notes. Values that mention
 * a protected attribute are dropped before they reach the model.
 */
export interface PersonaHint {
  name?: string;
  company?: string;
  role?: string;
  seniority?: string;
  companyContext?: string;
  goals?: string[];
  painPoints?: string[];
  objectionsHeard?: string[];
  interests?: string[];
  preferredTone?: string;
  preferredChannel?: string;
  buyingStage?: string;
  segment?: string;
}

/** The input every builder takes. */
export interface PromptInput {
  persona?: PersonaHint;
  /** A thread (oldest message first) or free context such as notes or a campaign brief. */
  context: readonly ThreadMessage[] | string;
  constraints: Constraints;
  /** Facts the model may use, most important first (product facts, CRM fields, knowledge-base answers). */
  grounding: readonly string[];
  /** Characters of thread or context to include; older messages are dropped first. */
  contextBudgetChars?: number;
}

/** Prompt ids; with a version they name exactly which template produced a text (`reply-draft@3`). */
export type PromptId =
  | 'reply-draft'
  | 'cold-email'
  | 'follow-up'
  | 'support-reply'
  | 'subject-lines'
  | 'rewrite'
  | 'translate'
  | 'persona'
  | 'social-post'
  | 'ad-copy'
  | 'blog-outline'
  | 'video-script'
  | 'thread-summary'
  | 'studio-linkedin-post'
  | 'studio-x-post'
  | 'studio-wechat-post'
  | 'studio-search-ad'
  | 'studio-social-ad'
  | 'studio-blog-outline'
  | 'studio-video-script';

/** How the answer should be cleaned up (see `postprocess.ts`). */
export type OutputFormat = 'plain' | 'markdown' | 'lines' | 'json';

export interface OutputSpec {
  format: OutputFormat;
  /** Cut at a sentence boundary beyond this many words (a safety net against rambling, not the target). */
  maxWords?: number;
  /** Hard character limit, e.g. a post on X. */
  maxChars?: number;
  /** For 'lines': how many lines are wanted. */
  count?: number;
  /** The text starts with a "Subject: …" line to split off. */
  subjectLine?: boolean;
}

/** What was left out of the context to fit the budget, so the UI can say so. */
export interface ContextStats {
  messagesKept: number;
  messagesDropped: number;
  /** A message or the free context was cut short. */
  clipped: boolean;
  chars: number;
}

/** A ready-to-send chat request, tagged with the template that made it. */
export interface PromptRequest extends ChatRequest {
  /** Always set by the builders (optional in ChatRequest). */
  temperature: number;
  promptId: PromptId;
  promptVersion: number;
  output: OutputSpec;
  contextStats: ContextStats;
}
