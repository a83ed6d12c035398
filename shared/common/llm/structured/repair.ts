import type { ChatMessage } from './chat';
import type { StructuredErrorKind } from './errors';

/** The failed answer is echoed back at most this long; a cut-off answer is not echoed at all (it is the problem). */
export const MAX_ECHOED_OUTPUT_CHARS = 3_000;

export interface RepairProblem {
  kind: StructuredErrorKind;
  summary: string;
  issues: readonly string[];
}

function repairInstruction(problem: RepairProblem): string {
  const onlyJson = 'Reply with exactly one JSON object and nothing else: no prose, no code fences.';
  switch (problem.kind) {
    case 'truncated':
      return [
        'Your previous answer was cut off before the JSON object was complete.',
        'Answer again with a complete but shorter JSON object: keep every string brief and use fewer list items.',
        onlyJson,
      ].join('\n');
    case 'no_json':
      return [`Your previous answer could not be used: ${problem.summary}`, onlyJson].join('\n');
    case 'schema':
      return [
        'Your previous answer did not match the required format. Problems:',
        ...problem.issues.map((issue) => `- ${issue}`),
        'Fix these problems. Keep all required keys, add no other keys, and change nothing else.',
        onlyJson,
      ].join('\n');
  }
}

/**
 * The conversation for the one repair attempt: the original messages, the failed answer, and what to fix. Validation
 * messages never contain the offending values beyond short keyword matches, so nothing new reaches the model.
 */
export function buildRepairMessages(
  original: readonly ChatMessage[],
  failedOutput: string,
  problem: RepairProblem,
): ChatMessage[] {
  const messages: ChatMessage[] = [...original];
  if (problem.kind !== 'truncated' && failedOutput.trim()) {
    messages.push({ role: 'assistant', content: failedOutput.slice(0, MAX_ECHOED_OUTPUT_CHARS) });
  }
  messages.push({ role: 'user', content: repairInstruction(problem) });
  return messages;
}
