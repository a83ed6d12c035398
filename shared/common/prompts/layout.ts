/**
 * The fixed text the builders wrap around a template's parts. It shapes every prompt, so it is part of every
 * template's hash: editing it means bumping every template's version.
 */
export const PROMPT_LAYOUT = {
  rulesHeading: 'Rules:',
  taskHeading: 'Task:',
  /** Data blocks go first and the task last, so the instruction is what the model read most recently. */
  blockOrder: ['contact', 'persona', 'facts', 'context', 'text', 'task'],
} as const;
