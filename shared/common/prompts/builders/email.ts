import { THREAD_SUMMARY } from '../templates/summary';
import { assemblePrompt } from '../build';
import { COLD_EMAIL, FOLLOW_UP, REPLY_DRAFT, SUBJECT_LINES, SUPPORT_REPLY } from '../templates/email';
import type { PromptInput, PromptRequest } from '../types';

/** The salesperson's next reply to the latest message from the other side of `context` (a thread). */
export function buildReplyDraftPrompt(input: PromptInput): PromptRequest {
  return assemblePrompt(REPLY_DRAFT, input);
}

/** A first-touch email; the answer starts with a "Subject:" line that post-processing splits off. */
export function buildColdEmailPrompt(input: PromptInput): PromptRequest {
  return assemblePrompt(COLD_EMAIL, input, { output: { subjectLine: true } });
}

/** A follow-up to the salesperson's unanswered last message. */
export function buildFollowUpPrompt(input: PromptInput): PromptRequest {
  return assemblePrompt(FOLLOW_UP, input);
}

/** A support agent's reply to the customer's latest message, answering only from the grounding facts. */
export function buildSupportReplyPrompt(input: PromptInput): PromptRequest {
  return assemblePrompt(SUPPORT_REPLY, input);
}

export const MAX_SUBJECT_LINES = 10;
/** Tokens per subject line, generous for Chinese and numbering. */
const TOKENS_PER_SUBJECT_LINE = 40;

/** `n` (1–10) distinct subject lines for the email in `context`; parse the answer with `parseSubjectLines`. */
export function buildSubjectLinesPrompt(input: PromptInput & { n: number }): PromptRequest {
  const { n } = input;
  if (!Number.isInteger(n) || n < 1 || n > MAX_SUBJECT_LINES) {
    throw new RangeError(`Ask for 1 to ${MAX_SUBJECT_LINES} subject lines (got ${n}).`);
  }
  return assemblePrompt(SUBJECT_LINES, input, {
    vars: { n },
    maxTokens: n * TOKENS_PER_SUBJECT_LINE + 16,
    output: { count: n },
  });
}

/** A short summary of the thread for the salesperson (the Gmail panel's "Summarise"). */
export function buildThreadSummaryPrompt(input: PromptInput): PromptRequest {
  return assemblePrompt(THREAD_SUMMARY, input);
}
