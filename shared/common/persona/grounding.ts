import type { PromptInput } from '../prompts/types';
import { crmName, PERSONA_CRM_PROPERTIES, type CrmContact, type MessageSignal } from './crm';

/** Local messages and CRM activities one prompt may list: the newest are the most telling. */
export const MAX_PROMPT_MESSAGES = 30;
export const MAX_PROMPT_ENGAGEMENTS = 10;

const day = (at: number | string) => {
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? String(at).slice(0, 10) : d.toISOString().slice(0, 10);
};

/**
 * The persona prompt's input: CRM properties as facts (`CRM jobtitle: …`), CRM activities, and the on-device
 * history of this contact's replies (date, intent, sentiment per message: the mail text is not stored, so it cannot
 * reach the model either). Everything here stays on the device; the model runs in the AI host.
 */
export function personaPromptInput(
  crm: CrmContact,
  signals: readonly MessageSignal[],
): PromptInput & {
  contact: { name?: string; email?: string };
} {
  const grounding: string[] = [];
  for (const name of PERSONA_CRM_PROPERTIES) {
    const value = crm.properties[name]?.trim();
    if (value) grounding.push(`CRM ${name}: ${value}`);
  }
  const activities = [...crm.engagements]
    .sort((a, b) => new Date(b.at).getTime() - new Date(a.at).getTime())
    .slice(0, MAX_PROMPT_ENGAGEMENTS);
  for (const e of activities)
    grounding.push(`CRM activity ${e.id} (${e.type}, ${day(e.at)}): ${[e.title, e.text].filter(Boolean).join(' — ')}`);

  const history = [...signals].sort((a, b) => a.at - b.at).slice(-MAX_PROMPT_MESSAGES);
  const context =
    history.length === 0
      ? 'No local correspondence with this contact yet.'
      : [
          `Their replies analysed on this device (${history.length}, oldest first; text is not kept):`,
          ...history.map(
            (m) =>
              `- message ${m.id}, ${day(m.at)}: intent ${m.intent ?? 'unknown'}, sentiment ${m.sentiment?.label ?? 'unknown'}`,
          ),
        ].join('\n');
  return {
    context,
    grounding,
    constraints: { language: 'en' },
    contact: { name: crmName(crm), ...(crm.email ? { email: crm.email } : {}) },
  };
}
