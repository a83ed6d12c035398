/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { findComposes } from './compose';
import { loadFixture, select } from './load-fixture';
import { rewriteTarget } from './rewrite-text';

describe('rewriteTarget', () => {
  it('takes the selection, cut before the signature', () => {
    loadFixture('gmail-2026-12-compose-popout.html');
    const [compose] = findComposes(document);
    const line = compose!.body.querySelector('div[dir] > div:last-child')!.firstChild!;
    select(line, 0, 9);
    expect(rewriteTarget(compose!)).toMatchObject({ text: 'The price', whole: false });
  });

  it('takes everything the rep wrote without a selection, never the signature or the quote', () => {
    loadFixture('gmail-2026-12-compose-popout.html');
    const [compose] = findComposes(document);
    const target = rewriteTarget(compose!)!;
    expect(target).toMatchObject({ text: 'Hi Jordan, hi Priya,\n\nThe price is fixed for 12 months.', whole: true });
    const replaced = target.range.toString();
    expect(replaced).toContain('The price is fixed');
    expect(replaced).not.toContain('Sam Rivera');
    expect(replaced).not.toContain('wrote:');
  });

  it('offers nothing in an empty compose', () => {
    loadFixture('gmail-2026-12-compose-new.html');
    expect(rewriteTarget(findComposes(document)[0]!)).toBeNull();
  });
});
