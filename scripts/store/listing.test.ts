import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DESCRIPTIONS, SHORT_MAX_CHARS, listingMarkdown } from './listing';

const ROOT = resolve(import.meta.dirname, '../..');
const permissions = readFileSync(join(ROOT, 'store/permissions.json'), 'utf8');

describe('store listing', () => {
  it.each(['en', 'zh_CN'] as const)('%s: the committed listing is what store:listing writes', (lang) => {
    expect(readFileSync(join(ROOT, 'store/listing', `${lang}.md`), 'utf8')).toBe(listingMarkdown(lang, permissions));
  });

  it.each(['en', 'zh_CN'] as const)('%s: the short description fits the store limit', (lang) => {
    expect(DESCRIPTIONS[lang].short.length).toBeLessThanOrEqual(SHORT_MAX_CHARS);
  });

  it('lists every justified permission in both languages', () => {
    const names = Object.keys(JSON.parse(permissions) as object);
    for (const lang of ['en', 'zh_CN'] as const)
      for (const name of names) expect(listingMarkdown(lang, permissions)).toContain(`\`${name}\``);
  });
});
