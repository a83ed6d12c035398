import {
  BUYING_STAGES,
  MAX_PERSONA_LIST_ITEMS,
  PREFERRED_CHANNELS,
  PREFERRED_TONES,
  SENIORITY_LEVELS,
} from '../../llm/structured/persona-schema';
import type { PromptTemplate } from '../template';
import { GROUNDING_RULES, JSON_OUTPUT_RULES } from './rules';

/** Persona synthesis: a structured draft of one contact for a person to review (see PersonaDraftSchema). */

const options = (values: readonly string[]) => values.join(', ');

// Option lists are spelled out from the schema's constants, so prompt and validator cannot drift apart; a change to
// them changes this template's hash and so demands a new version.
const FIELD_GUIDE = [
  'Fields (every key must be present):',
  '- role: their job title or function.',
  `- seniority: one of ${options(SENIORITY_LEVELS)}.`,
  "- companyContext: their company's industry, size and situation.",
  '- goals: what they want to achieve (list).',
  '- painPoints: problems they say they have (list).',
  '- objectionsHeard: objections they actually raised, such as price, timing or switching cost (list).',
  '- interests: professional topics they care about (list).',
  `- preferredTone: one of ${options(PREFERRED_TONES)}, judged from how they write.`,
  `- preferredChannel: one of ${options(PREFERRED_CHANNELS)}.`,
  '- bestTimeToReach: when they say they can be reached, such as "weekday mornings".',
  `- buyingStage: one of ${options(BUYING_STAGES)}.`,
  '- segment: their market segment, such as "mid-market logistics".',
  `Each value is an object {"value": "…", "confidence": 0.0 to 1.0, "source": "thread" | "crm" | "inferred"}; list fields hold up to ${MAX_PERSONA_LIST_ITEMS} such objects. Use null, or [] for a list, when there is no evidence.`,
  'Confidence: 0.9 or more only when they said it outright; 0.6 to 0.8 when clearly implied; below 0.5 for an inference. Source: "thread" for what <thread> or <context> says, "crm" for <facts> and <persona>, "inferred" for your own conclusion.',
].join('\n');

export const PERSONA: PromptTemplate = {
  id: 'persona',
  version: 1,
  description: 'A structured persona draft of one contact, as JSON.',
  output: 'json',
  temperature: 0.1,
  lengthWords: { short: 300, medium: 300, long: 300 },
  defaultLength: 'medium',
  capLength: false,
  maxTokens: 1_200,
  parts: {
    system: `You are Closer, an analyst who drafts a sales persona of one contact from an email thread and CRM facts. A salesperson reviews the draft before anything is saved.\n\n${FIELD_GUIDE}`,
    rules: [
      ...GROUNDING_RULES,
      'Record only what the evidence supports; a missing field is better than a guessed one. Never record age, gender, ethnicity, religion, health, political views, sexual orientation or family status, even when the thread mentions them.',
      ...JSON_OUTPUT_RULES,
    ],
    task: [
      'Draft the persona of {{contact}} from <thread> or <context>, <facts> and <persona>.',
      '<persona> is what is already known: keep it unless the thread contradicts it.',
      'Answer with the JSON object described above.',
    ].join('\n'),
    defaultTone: '',
    defaultCallToAction: '',
    givenCallToAction: '',
  },
};
