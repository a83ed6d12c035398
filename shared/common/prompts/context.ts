import { mentionsProtectedAttribute } from '../llm/structured/protected-attributes';
import { clip, sanitizeInline, sanitizeUntrusted } from './sanitize';
import type { ContextStats, PersonaHint, ThreadMessage } from './types';

/**
 * Renders the data blocks of a prompt: the thread or free context (within a character budget), the grounding facts and
 * the persona. Everything untrusted is sanitised and sits inside a tag the system prompt declares to be data.
 */

/** About 1,000–1,500 tokens of English: room for the rules, facts and answer in a 4k-token local model. */
export const DEFAULT_CONTEXT_BUDGET_CHARS = 4_000;
/** Budgets below this would leave nothing useful of even one message. */
export const MIN_CONTEXT_BUDGET_CHARS = 200;
export const MAX_FACTS = 30;
export const MAX_FACT_CHARS = 300;
export const FACTS_BUDGET_CHARS = 2_000;
export const MAX_PERSONA_VALUE_CHARS = 160;

export interface RenderedContext {
  block: string;
  stats: ContextStats;
}

function renderMessage(message: ThreadMessage, index: number, body: string): string {
  const sender = message.fromMe ? 'you' : 'them';
  const date = message.sentAt ? ` date="${sanitizeInline(message.sentAt, 40)}"` : '';
  return `<message n="${index + 1}" sender="${sender}" name="${sanitizeInline(message.from)}"${date}>\n${body}\n</message>`;
}

/**
 * The thread inside `<thread>`, newest messages first to be kept: walking back from the latest message, messages are
 * added while they fit; the first one that does not fit ends the walk, so the kept messages stay contiguous. When even
 * the latest message is too long its beginning is kept, because new content sits at the top of an email.
 */
export function renderThread(messages: readonly ThreadMessage[], budgetChars: number): RenderedContext {
  const budget = Math.max(MIN_CONTEXT_BUDGET_CHARS, budgetChars);
  const kept: string[] = [];
  let used = 0;
  let clipped = false;
  for (let i = messages.length - 1; i >= 0; i--) {
    const message = messages[i];
    if (!message) continue;
    const body = sanitizeUntrusted(message.body);
    const block = renderMessage(message, i, body);
    if (used + block.length + 1 <= budget) {
      kept.unshift(block);
      used += block.length + 1;
      continue;
    }
    if (kept.length === 0) {
      const overhead = renderMessage(message, i, '').length + 1;
      kept.unshift(renderMessage(message, i, clip(body, Math.max(1, budget - overhead))));
      used = budget;
      clipped = true;
    }
    break;
  }
  const dropped = messages.length - kept.length;
  const note = dropped > 0 ? [`[${dropped} earlier message${dropped === 1 ? '' : 's'} left out]`] : [];
  const body = kept.length ? [...note, ...kept] : ['(no messages)'];
  const block = ['<thread>', ...body, '</thread>'].join('\n');
  return {
    block,
    stats: { messagesKept: kept.length, messagesDropped: dropped, clipped, chars: block.length },
  };
}

/** Free context inside `<context>`; its beginning is kept, as briefs and notes lead with what matters. */
export function renderFreeContext(text: string, budgetChars: number): RenderedContext {
  const budget = Math.max(MIN_CONTEXT_BUDGET_CHARS, budgetChars);
  const clean = sanitizeUntrusted(text);
  const body = clip(clean, budget);
  const block = `<context>\n${body || '(none)'}\n</context>`;
  return {
    block,
    stats: { messagesKept: 0, messagesDropped: 0, clipped: body.length < clean.length, chars: block.length },
  };
}

/** Grounding facts as a list inside `<facts>`, in the caller's order, capped in count and size. */
export function renderFacts(facts: readonly string[]): string {
  const lines: string[] = [];
  let used = 0;
  for (const fact of facts.slice(0, MAX_FACTS)) {
    const line = `- ${clip(sanitizeUntrusted(fact).replace(/\s*\n\s*/g, ' '), MAX_FACT_CHARS)}`;
    if (line.length <= 2) continue;
    if (used + line.length > FACTS_BUDGET_CHARS) break;
    lines.push(line);
    used += line.length + 1;
  }
  return ['<facts>', ...(lines.length ? lines : ['(no facts given)']), '</facts>'].join('\n');
}

const PERSONA_LABELS: ReadonlyArray<[keyof PersonaHint, string]> = [
  ['name', 'Name'],
  ['company', 'Company'],
  ['role', 'Role'],
  ['seniority', 'Seniority'],
  ['companyContext', 'Company context'],
  ['segment', 'Segment'],
  ['buyingStage', 'Buying stage'],
  ['goals', 'Goals'],
  ['painPoints', 'Pain points'],
  ['objectionsHeard', 'Objections heard'],
  ['interests', 'Interests'],
  ['preferredTone', 'Preferred tone'],
  ['preferredChannel', 'Preferred channel'],
];

/**
 * The persona inside `<persona>`, or '' when there is nothing to show. Values that mention a protected attribute are
 * dropped here too, so a bad value stored by mistake can never steer a draft.
 */
export function renderPersona(persona: PersonaHint | undefined): string {
  if (!persona) return '';
  const lines: string[] = [];
  for (const [key, label] of PERSONA_LABELS) {
    const raw = persona[key];
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw])
      .map((v) => sanitizeInline(v, MAX_PERSONA_VALUE_CHARS))
      .filter((v) => v && !mentionsProtectedAttribute(v));
    if (values.length) lines.push(`${label}: ${values.slice(0, 6).join('; ')}`);
  }
  return lines.length ? ['<persona>', ...lines, '</persona>'].join('\n') : '';
}
