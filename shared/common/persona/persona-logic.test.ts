import { describe, expect, it } from 'vitest';
import { personaDraft } from '../llm/structured/persona-fixtures';
import { PersonaDraftSchema } from '../llm/structured/persona-schema';
import { buildPersonaPrompt } from '../prompts/builders/persona';
import type { CrmContact, MessageSignal } from './crm';
import { fieldsFromDraft, mergeRefreshed } from './local-fields';
import { rulesPersona, seniorityOf } from './rules';
import { approvedUpsertItem, syncedSourceOf } from './to-upsert';
import { personaPromptInput } from './grounding';

const crm: CrmContact = {
  portalId: '12345',
  contactId: '678',
  email: 'jane@example.com',
  properties: {
    firstname: 'Jane',
    lastname: 'Doe',
    jobtitle: 'Head of Revenue Operations',
    company: 'Acme Logistics',
    industry: 'LOGISTICS_AND_SUPPLY_CHAIN',
    numemployees: '201-500',
    lifecyclestage: 'salesqualifiedlead',
    hs_timezone: 'europe_slash_berlin',
  },
  engagements: [{ id: '77', type: 'NOTE', at: '2026-11-02T10:00:00Z', text: 'Asked about SSO and pilot pricing' }],
};
const signals: MessageSignal[] = [
  { id: 'm1', at: 1, intent: 'question', sentiment: { label: 'neutral', score: 0.5 } },
  { id: 'm2', at: 2, intent: 'objection_price', sentiment: { label: 'negative', score: 0.2 } },
  { id: 'm3', at: 3, intent: 'objection_timing', sentiment: { label: 'negative', score: 0.3 } },
];

describe('rulesPersona', () => {
  it('derives role, seniority, company context, segment and stage from CRM fields, naming each input', () => {
    const p = rulesPersona(crm, []);
    expect(p.role).toEqual({
      value: 'Head of Revenue Operations',
      confidence: 0.9,
      source: 'rules:jobtitle',
      approved: false,
    });
    expect(p.seniority?.value).toBe('director');
    expect(p.companyContext?.value).toBe('Acme Logistics · logistics and supply chain · 201-500 employees');
    expect(p.segment?.value).toBe('mid-market logistics and supply chain');
    expect(p.buyingStage).toMatchObject({ value: 'evaluation', source: 'rules:lifecyclestage' });
    expect(p.bestTimeToReach?.value).toBe('business hours (europe/berlin)');
    expect(p.objectionsHeard).toBeUndefined();
  });

  it('uses the reply history: objections, channel, tone, and a lost deal over the lifecycle stage', () => {
    const p = rulesPersona(crm, signals);
    expect(p.objectionsHeard).toMatchObject({ value: 'timing; price', source: 'message:m3' });
    expect(p.preferredChannel).toMatchObject({ value: 'email', source: 'message:m3' });
    expect(p.preferredTone?.value).toBe('direct');
    expect(p.buyingStage?.value).toBe('evaluation');
    const lost = rulesPersona(crm, [...signals, { id: 'm4', at: 4, intent: 'not_interested' }]);
    expect(lost.buyingStage).toMatchObject({ value: 'closed_lost', source: 'message:m4' });
  });

  it('maps titles to seniority in English and Chinese', () => {
    expect(seniorityOf('Co-Founder & CEO')).toBe('owner');
    expect(seniorityOf('Chief Revenue Officer')).toBe('c_level');
    expect(seniorityOf('SVP Sales')).toBe('vp');
    expect(seniorityOf('销售总监')).toBe('director');
    expect(seniorityOf('市场经理')).toBe('manager');
    expect(seniorityOf('Account Executive')).toBe('individual_contributor');
  });

  it('leaves out a CRM value that mentions a protected attribute', () => {
    const p = rulesPersona({ ...crm, properties: { ...crm.properties, jobtitle: 'Pregnancy leave cover' } }, []);
    expect(p.role).toBeUndefined();
  });
});

const draft = PersonaDraftSchema.parse(
  personaDraft({
    role: { value: 'Head of Revenue Operations', confidence: 0.95, source: 'crm' },
    seniority: { value: 'director', confidence: 0.8, source: 'inferred' },
    goals: [
      { value: 'Shorter sales cycle', confidence: 0.7, source: 'thread' },
      { value: 'SSO', confidence: 0.5, source: 'thread' },
    ],
    objectionsHeard: [{ value: 'pilot pricing', confidence: 0.8, source: 'crm' }],
  }),
);

describe('fieldsFromDraft and mergeRefreshed', () => {
  it('keeps confidence and names the CRM property or activity behind a value', () => {
    const f = fieldsFromDraft(draft, crm);
    expect(f.role).toEqual({
      value: 'Head of Revenue Operations',
      confidence: 0.95,
      source: 'crm:jobtitle',
      approved: false,
    });
    expect(f.goals).toMatchObject({ value: 'Shorter sales cycle; SSO', confidence: 0.6, source: 'thread' });
    expect(f.objectionsHeard?.source).toBe('crm:engagement:77');
    expect(f.companyContext).toBeUndefined();
  });

  it('keeps an approval only where the refreshed value agrees, and a person edit always', () => {
    const old = fieldsFromDraft(draft, crm);
    old.role = { ...(old.role as NonNullable<typeof old.role>), approved: true };
    old.seniority = { value: 'vp', confidence: 1, source: 'edited:inferred', approved: true };
    old.goals = { ...(old.goals as NonNullable<typeof old.goals>), approved: true };
    const fresh = fieldsFromDraft(draft, crm);
    fresh.goals = { ...(fresh.goals as NonNullable<typeof fresh.goals>), value: 'Something else' };
    const merged = mergeRefreshed(old, fresh);
    expect(merged.role?.approved).toBe(true);
    expect(merged.seniority).toMatchObject({ value: 'vp', approved: true });
    expect(merged.goals).toMatchObject({ value: 'Something else', approved: false });
  });
});

describe('approvedUpsertItem', () => {
  const base = {
    origin: 'llm' as const,
    email: 'Jane@Example.com',
    hubspotContactId: '678',
    approvedAt: Date.UTC(2026, 10, 29),
    idempotencyKey: 'persona:12345:678:1',
  };

  it('sends approved fields only, redacted, with coarse sources', () => {
    const fields = fieldsFromDraft(draft, crm);
    fields.role!.approved = true;
    fields.goals = {
      value: 'Call me on +1 415 555 0100 about SSO',
      confidence: 0.6,
      source: 'edited:thread',
      approved: true,
    };
    const { item, problem, redactions } = approvedUpsertItem({ ...base, fields });
    expect(problem).toBeNull();
    expect(redactions).toBe(1);
    expect(Object.keys(item!.persona.fields).sort()).toEqual(['goals', 'role']);
    expect(item!.persona.fields.goals).toEqual({
      value: 'Call me on [PHONE] about SSO',
      confidence: 0.6,
      source: 'thread',
    });
    expect(item!.persona.fields.role?.source).toBe('crm');
    expect(item!).toMatchObject({ email: 'jane@example.com', hubspotContactId: '678' });
    expect(item!.persona.label).toBe('Head of Revenue Operations');
    expect(JSON.stringify(item)).not.toContain('director');
  });

  it('refuses without approved fields or an e-mail, and marks rules personas as such', () => {
    expect(approvedUpsertItem({ ...base, fields: fieldsFromDraft(draft, crm) }).problem).toBe('nothing_approved');
    const fields = rulesPersona(crm, signals);
    fields.buyingStage!.approved = true;
    fields.role!.approved = true;
    expect(approvedUpsertItem({ ...base, fields, email: null }).problem).toBe('no_email');
    const { item } = approvedUpsertItem({ ...base, fields, origin: 'rules' });
    expect(item!.persona.origin).toBe('rules');
    expect(item!.persona.fields.buyingStage?.source).toBe('rules');
    expect(syncedSourceOf('message:m1', 'llm')).toBe('thread');
  });
});

describe('personaPromptInput', () => {
  it('grounds the prompt on CRM facts and the local intent/sentiment history, never anything else', () => {
    const input = personaPromptInput(crm, signals);
    expect(input.grounding).toContain('CRM jobtitle: Head of Revenue Operations');
    expect(input.grounding.some((g) => g.startsWith('CRM activity 77 (NOTE, 2026-11-02)'))).toBe(true);
    expect(input.context).toContain('message m2, 1970-01-01: intent objection_price, sentiment negative');
    const request = buildPersonaPrompt(input);
    const text = request.messages.map((m) => m.content).join('\n');
    expect(text).toContain('Jane Doe');
    expect(text).toContain('CRM company: Acme Logistics');
  });
});
