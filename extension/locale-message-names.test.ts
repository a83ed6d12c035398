import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Chrome refuses to load an extension whose `_locales` hold a message name with anything but letters, digits, `_`
 * and `@` — and WXT joins nested YAML keys with `_`, so one hyphenated key (`x-post:`) breaks the whole build at
 * load time with no build error. This reads the key paths of each locale file and checks every joined name.
 */
function messageNames(yaml: string): string[] {
  const names: string[] = [];
  const stack: Array<{ indent: number; key: string }> = [];
  // Lines indented under a value (a plain scalar folded over lines, or a block scalar) are text, not keys.
  let valueIndent = Number.POSITIVE_INFINITY;
  for (const line of yaml.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const lineIndent = line.length - line.trimStart().length;
    if (lineIndent > valueIndent) continue;
    valueIndent = Number.POSITIVE_INFINITY;
    const m = /^( *)([^\s#'"][^:]*?):(?:\s|$)/.exec(line);
    if (!m) continue;
    const indent = (m[1] ?? '').length;
    while (stack.length && (stack.at(-1)?.indent ?? 0) >= indent) stack.pop();
    stack.push({ indent, key: m[2] ?? '' });
    const isParent = /:\s*$/.test(line);
    if (isParent) continue;
    names.push(stack.map((s) => s.key).join('_'));
    valueIndent = indent;
  }
  return names;
}

describe.each(['en.yml', 'zh_CN.yml'])('locale %s', (file) => {
  const names = messageNames(readFileSync(join(__dirname, 'locales', file), 'utf8'));

  it('has only message names Chrome accepts', () => {
    expect(names.length).toBeGreaterThan(100);
    expect(names.filter((n) => !/^[A-Za-z0-9_@]+$/.test(n))).toEqual([]);
  });

  it('catches a hyphenated key (the check can fail)', () => {
    expect(messageNames('studio:\n  formats:\n    x-post: X\n')).toEqual(['studio_formats_x-post']);
    expect(messageNames('a:\n  b: long text\n    that goes on: here\n  c: |\n    x: y\n')).toEqual(['a_b', 'a_c']);
  });
});

describe('locale files', () => {
  it('have the same message names in English and Chinese', () => {
    const read = (f: string) => messageNames(readFileSync(join(__dirname, 'locales', f), 'utf8')).sort();
    expect(read('zh_CN.yml')).toEqual(read('en.yml'));
  });
});
