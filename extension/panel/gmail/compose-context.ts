import type { PersonaHint } from '../../../shared/common/prompts';
import { LIST_SEPARATOR } from '../../../shared/common/persona/local-fields';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';
import { MAX_SCORE_GROUNDING } from '../../messaging/methods';

export type LocalPersona = ResultOf<Methods, 'persona.byEmail'>;
export type SyncedSummary = ResultOf<Methods, 'companion.summary'>;

/** What a new message asks for; each maps to a prompt template (see `NewMessageAssistant`). */
export const NEW_MESSAGE_KINDS = ['cold', 'followUp', 'meeting', 'custom'] as const;
export type NewMessageKind = (typeof NEW_MESSAGE_KINDS)[number];

const LIST_FIELDS = new Set(['goals', 'painPoints', 'objectionsHeard', 'interests']);
const TEXT_FIELDS = [
  'role',
  'seniority',
  'companyContext',
  'preferredTone',
  'preferredChannel',
  'buyingStage',
  'segment',
] as const;

/**
 * What the writing prompts may know about the recipient: approved local fields only (an unapproved guess is never
 * put to the model), and the persona label the team synced to HubSpot when the local record has no segment.
 */
export function personaHint(
  local: LocalPersona,
  synced: SyncedSummary | null,
  fallbackName?: string,
): PersonaHint | undefined {
  const hint: PersonaHint = {};
  const name = local?.name ?? fallbackName;
  if (name) hint.name = name;
  for (const [field, entry] of Object.entries(local?.fields ?? {})) {
    if (!entry?.approved) continue;
    if (LIST_FIELDS.has(field)) {
      (hint as Record<string, string[]>)[field] = entry.value.split(LIST_SEPARATOR).filter(Boolean);
    } else if ((TEXT_FIELDS as readonly string[]).includes(field)) {
      (hint as Record<string, string>)[field] = entry.value;
    }
  }
  if (!hint.segment && synced?.persona?.label) hint.segment = synced.persona.label;
  return Object.keys(hint).length > 0 ? hint : undefined;
}

/**
 * What a new message (no thread) may rightly state, for the live fact check: the team's product facts, the
 * recipients, and what the CRM and persona say about them. Nothing else: a number or link that appears in none of
 * these is flagged.
 */
export function newMessageGrounding(
  facts: readonly string[],
  recipients: readonly string[],
  persona: PersonaHint | undefined,
): string[] {
  const out = [...facts, ...recipients];
  if (persona) {
    for (const value of Object.values(persona)) {
      if (Array.isArray(value)) out.push(...value);
      else if (typeof value === 'string') out.push(value);
    }
  }
  return out.filter(Boolean).slice(0, MAX_SCORE_GROUNDING);
}

/** The call to action each kind of new message asks the model for, in the draft's language. */
export function callToActionFor(kind: NewMessageKind, instruction: string, language: 'en' | 'zh'): string | undefined {
  const own = instruction.trim();
  if (kind === 'meeting') {
    const ask =
      language === 'zh'
        ? '约一个 20 分钟的会议，请对方提出合适的时间'
        : 'a 20-minute meeting at a time that suits them';
    return own ? `${ask}; ${own}` : ask;
  }
  return own || undefined;
}

export type ReplyMode = 'sales' | 'support';

/**
 * Support replies for a customer's question or complaint: the intent says "question", or the sentiment of their
 * latest message is negative. Everything else is a sales conversation. The rep can switch.
 */
export function replyModeFor(intent: string | undefined, sentiment: string | undefined): ReplyMode {
  return intent === 'question' || sentiment === 'negative' ? 'support' : 'sales';
}

/** Knowledge items a support reply may answer from, at most this many. */
export const MAX_KNOWLEDGE_ITEMS = 5;

/**
 * The catalogue and knowledge items that share words with the customer's message, best first, as facts the support
 * reply may use (name, description and link). Word overlap keeps this cheap and explainable; nothing is sent out.
 */
export function knowledgeFor(
  items: readonly { name: string; description: string; tags: readonly string[]; url?: string }[],
  message: string,
): string[] {
  const words = new Set(message.toLowerCase().match(/[\p{L}\p{N}]{4,}|\p{Script=Han}{2,}/gu) ?? []);
  return items
    .map((item) => {
      const text = `${item.name} ${item.description} ${item.tags.join(' ')}`.toLowerCase();
      const hits = (text.match(/[\p{L}\p{N}]{4,}|\p{Script=Han}{2,}/gu) ?? []).filter((w) => words.has(w));
      return { item, score: new Set(hits).size };
    })
    .filter((x) => x.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_KNOWLEDGE_ITEMS)
    .map(({ item }) => `${item.name}: ${item.description}${item.url ? ` ${item.url}` : ''}`.slice(0, 1_000));
}
