import { findProtectedAttributes } from '../llm/structured/protected-attributes';
import type { BUYING_STAGES, SENIORITY_LEVELS } from '../llm/structured/persona-schema';
import type { CrmContact, MessageSignal } from './crm';
import type { LocalPersonaFields } from './local-fields';

/**
 * The persona without a language model: plain rules over the CRM fields and the on-device intent/sentiment
 * history. Lower confidences than a model grounded on the same data would claim, every source names its input
 * (`rules:jobtitle`, `message:<id>`), and the result is marked `origin: 'rules'` wherever it is shown or synced.
 */

type Seniority = (typeof SENIORITY_LEVELS)[number];
type BuyingStage = (typeof BUYING_STAGES)[number];

/** Most specific first: "VP of Sales Operations Manager" is a VP. Chinese titles are matched as substrings. */
const SENIORITY_RULES: ReadonlyArray<[RegExp, Seniority]> = [
  [/\b(founder|co-founder|owner|proprietor)\b|创始人|老板|业主/i, 'owner'],
  [/\b(chief|ceo|cfo|cto|coo|cmo|cro|cio|ciso|president|managing director)\b|首席|总裁|总经理/i, 'c_level'],
  [/\b(vp|svp|evp|vice president)\b|副总/i, 'vp'],
  [/\b(director|head of|head)\b|总监|负责人/i, 'director'],
  [/\b(manager|lead|supervisor|team lead)\b|经理|主管|组长/i, 'manager'],
];

/** HubSpot's lifecycle stages (internal values and labels) to buying stages. */
const LIFECYCLE_STAGES: Record<string, BuyingStage> = {
  subscriber: 'awareness',
  lead: 'awareness',
  marketingqualifiedlead: 'consideration',
  'marketing qualified lead': 'consideration',
  salesqualifiedlead: 'evaluation',
  'sales qualified lead': 'evaluation',
  opportunity: 'negotiation',
  customer: 'closed_won',
  evangelist: 'closed_won',
};

/** Intents that say something about the buying stage, latest first wins. */
const INTENT_STAGES: Record<string, BuyingStage> = {
  not_interested: 'closed_lost',
  unsubscribe: 'closed_lost',
  meeting_request: 'evaluation',
  objection_price: 'negotiation',
  interested: 'consideration',
  question: 'consideration',
};

const OBJECTIONS: Record<string, string> = { objection_price: 'price', objection_timing: 'timing' };

export function seniorityOf(title: string): Seniority {
  for (const [pattern, level] of SENIORITY_RULES) if (pattern.test(title)) return level;
  return 'individual_contributor';
}

/** HubSpot's `numemployees` is a range like "51-200" or a number. */
function employeesOf(raw: string | null | undefined): number | null {
  const n = Number.parseInt(String(raw ?? '').replace(/[,\s]/g, ''), 10);
  return Number.isFinite(n) && n > 0 ? n : null;
}

function sizeSegment(employees: number): string {
  if (employees < 50) return 'small business';
  if (employees < 1000) return 'mid-market';
  return 'enterprise';
}

const clean = (v: string | null | undefined) => (v ?? '').replace(/\s+/g, ' ').trim().slice(0, 200);

/** The non-LLM persona. Fields whose value would mention a protected attribute are left out, as for the model. */
export function rulesPersona(crm: CrmContact, signals: readonly MessageSignal[]): LocalPersonaFields {
  const p = crm.properties;
  const out: LocalPersonaFields = {};
  const set = (name: keyof LocalPersonaFields, value: string, confidence: number, source: string) => {
    if (!value || findProtectedAttributes(value).length > 0) return;
    out[name] = { value, confidence, source, approved: false };
  };

  const title = clean(p.jobtitle);
  if (title) {
    set('role', title, 0.9, 'rules:jobtitle');
    const level = seniorityOf(title);
    set('seniority', level, level === 'individual_contributor' ? 0.4 : 0.7, 'rules:jobtitle');
  }

  const company = clean(p.company);
  const industry = clean(p.industry).replace(/_/g, ' ').toLowerCase();
  const employees = employeesOf(p.numemployees);
  const context = [company, industry, employees ? `${clean(p.numemployees)} employees` : ''].filter(Boolean);
  if (context.length > 0)
    set(
      'companyContext',
      context.join(' · '),
      0.8,
      `rules:${company ? 'company' : industry ? 'industry' : 'numemployees'}`,
    );
  if (employees || industry)
    set(
      'segment',
      [employees ? sizeSegment(employees) : '', industry].filter(Boolean).join(' '),
      0.6,
      `rules:${employees ? 'numemployees' : 'industry'}`,
    );

  // Newest first: the latest reply says most about where they stand.
  const history = [...signals].sort((a, b) => b.at - a.at);
  const lifecycle = LIFECYCLE_STAGES[clean(p.lifecyclestage).toLowerCase()];
  const fromIntent = history.find((m) => m.intent && INTENT_STAGES[m.intent]);
  if (fromIntent?.intent && (INTENT_STAGES[fromIntent.intent] === 'closed_lost' || !lifecycle))
    set('buyingStage', INTENT_STAGES[fromIntent.intent] as string, 0.5, `message:${fromIntent.id}`);
  else if (lifecycle) set('buyingStage', lifecycle, 0.7, 'rules:lifecyclestage');

  const objections = new Map<string, string>();
  for (const m of history) {
    const o = m.intent ? OBJECTIONS[m.intent] : undefined;
    if (o && !objections.has(o)) objections.set(o, m.id);
  }
  if (objections.size > 0)
    set('objectionsHeard', [...objections.keys()].join('; '), 0.6, `message:${[...objections.values()][0]}`);

  const latest = history[0];
  if (latest) {
    set('preferredChannel', 'email', 0.5, `message:${latest.id}`);
    // Mostly negative replies call for a plainer, more direct tone; mostly positive ones allow a friendly one.
    const rated = history.filter((m) => m.sentiment).slice(0, 10);
    const negative = rated.filter((m) => m.sentiment?.label === 'negative').length;
    const positive = rated.filter((m) => m.sentiment?.label === 'positive').length;
    if (rated.length >= 2 && negative > rated.length / 2) set('preferredTone', 'direct', 0.4, `message:${latest.id}`);
    else if (rated.length >= 2 && positive > rated.length / 2)
      set('preferredTone', 'friendly', 0.4, `message:${latest.id}`);
  }
  const zone = clean(p.hs_timezone)
    .replace(/_slash_/g, '/')
    .replace(/_/g, ' ');
  if (zone) set('bestTimeToReach', `business hours (${zone})`, 0.3, 'rules:hs_timezone');
  return out;
}
