import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PERSONA_FIELD_NAMES } from '../../../shared/common/llm/structured/persona-schema';
import { PERSONA_FIELD_NAMES as CARD_PERSONA_FIELD_NAMES } from '../../src/app/cards/types/persona';
import { CARD_FIELDS_FILE, renderCardFields } from './card-fields';

describe("the card's generated persona field list", () => {
  it('is exactly what `npm run gen:card-fields` writes from the shared list', async () => {
    expect(readFileSync(CARD_FIELDS_FILE, 'utf8')).toBe(await renderCardFields());
    expect([...CARD_PERSONA_FIELD_NAMES]).toEqual(PERSONA_FIELD_NAMES);
  });

  it('would not match a list that differs from the shared one (a field missing or moved)', async () => {
    const current = await renderCardFields();
    expect(await renderCardFields(PERSONA_FIELD_NAMES.slice(1))).not.toBe(current);
    expect(await renderCardFields([...PERSONA_FIELD_NAMES].reverse())).not.toBe(current);
  });
});
