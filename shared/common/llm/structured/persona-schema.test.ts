import { describe, expect, it } from 'vitest';
import { validPersona } from './persona-fixtures';
import { PERSONA_FIELD_NAMES, PersonaDraftSchema, personaJsonSchema } from './persona-schema';
import { PROTECTED_CATEGORIES } from './protected-attributes';

const issuesOf = (value: unknown) => {
  const result = PersonaDraftSchema.safeParse(value);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('PersonaDraftSchema', () => {
  it('accepts a valid draft', () => {
    expect(issuesOf(validPersona())).toEqual([]);
  });

  it('has the twelve persona fields and none for protected attributes', () => {
    expect(PERSONA_FIELD_NAMES).toHaveLength(12);
    const banned = new Set<string>([...PROTECTED_CATEGORIES, 'race', 'sex', 'birthday', 'marital', 'married']);
    // camelCase words: "buyingStage" is buying + stage, not "age".
    const words = PERSONA_FIELD_NAMES.flatMap((name) => name.split(/(?=[A-Z])/).map((w) => w.toLowerCase()));
    expect(words.filter((w) => banned.has(w))).toEqual([]);
  });

  it.each(['age', 'gender', 'ethnicity', 'religion', 'health', 'politics', 'sexuality'])(
    'rejects an extra "%s" field',
    (key) => {
      const draft = { ...validPersona(), [key]: { value: 'x', confidence: 0.5, source: 'inferred' } };
      expect(issuesOf(draft).join('\n')).toMatch(new RegExp(`Unrecognized key: "${key}"`));
    },
  );

  it('rejects an extra key inside a field', () => {
    const draft = validPersona() as unknown as Record<string, Record<string, unknown>>;
    draft.role = { ...draft.role, age: 44 };
    expect(issuesOf(draft).join('\n')).toMatch(/role: Unrecognized key: "age"/);
  });

  it.each([
    ['goals', 'Wants to retire early, he is 58 years old'],
    ['interests', 'Active in his church community'],
    ['painPoints', '怀孕期间希望减少出差'],
  ] as const)('rejects a protected attribute in %s: "%s"', (field, text) => {
    const draft = validPersona();
    draft[field] = [{ value: text, confidence: 0.5, source: 'thread' }];
    const issues = issuesOf(draft);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatch(new RegExp(`^${field}\\.0\\.value: mentions a protected attribute`));
  });

  it('rejects a protected attribute in a single-value field', () => {
    const draft = validPersona();
    draft.companyContext = {
      value: 'Family firm; CEO mentioned his wife runs finance',
      confidence: 0.5,
      source: 'thread',
    };
    expect(issuesOf(draft)[0]).toMatch(/^companyContext\.value: mentions a protected attribute \(family/);
  });

  it.each([
    [
      'a missing key',
      () => {
        const { segment: _segment, ...rest } = validPersona();
        return rest;
      },
    ],
    ['confidence above 1', () => ({ ...validPersona(), role: { value: 'CTO', confidence: 1.2, source: 'thread' } })],
    ['an unknown source', () => ({ ...validPersona(), role: { value: 'CTO', confidence: 0.5, source: 'linkedin' } })],
    [
      'an unknown enum value',
      () => ({ ...validPersona(), seniority: { value: 'boss', confidence: 0.5, source: 'thread' } }),
    ],
    ['an empty value', () => ({ ...validPersona(), role: { value: '  ', confidence: 0.5, source: 'thread' } })],
    [
      'too many list items',
      () => ({
        ...validPersona(),
        goals: Array.from({ length: 7 }, (_, i) => ({ value: `goal ${i}`, confidence: 0.5, source: 'thread' })),
      }),
    ],
  ])('rejects %s', (_label, make) => {
    expect(issuesOf(make()).length).toBeGreaterThan(0);
  });

  it('exposes a strict JSON Schema for constrained decoding', () => {
    const schema = personaJsonSchema() as { additionalProperties?: boolean; required?: string[] };
    expect(schema.additionalProperties).toBe(false);
    expect([...(schema.required ?? [])].sort()).toEqual([...PERSONA_FIELD_NAMES].sort());
  });
});
