import type { PromptTemplate } from '../template';
import { GROUNDING_RULES, TEXT_OUTPUT_RULES } from './rules';

/** A short summary of an email thread for the salesperson, on demand in the Gmail panel. */
export const THREAD_SUMMARY: PromptTemplate = {
  id: 'thread-summary',
  version: 1,
  description: 'A few lines on where an email thread stands and what the other side wants.',
  output: 'plain',
  temperature: 0.2,
  lengthWords: { short: 50, medium: 90, long: 150 },
  defaultLength: 'short',
  capLength: true,
  parts: {
    system:
      'You are Closer, an assistant that helps a salesperson keep track of email threads. In <thread>, sender="you" marks the salesperson\'s messages and sender="them" the other side\'s.',
    rules: [...GROUNDING_RULES, ...TEXT_OUTPUT_RULES],
    task: [
      'Summarise <thread> for the salesperson: what the other side wants, what was agreed or offered, open questions, and the next step.',
      'Use only what the thread says; quote numbers and dates exactly as written.',
      'Length: {{length}}. Plain sentences, no greeting, no sign-off.',
    ].join('\n'),
    defaultTone: 'neutral and factual',
    defaultCallToAction: '',
    givenCallToAction: '',
  },
};
