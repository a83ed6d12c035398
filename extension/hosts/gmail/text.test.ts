/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { extractText, normaliseText } from './text';

function html(markup: string): HTMLElement {
  const root = document.createElement('div');
  // Test input only; the adapter itself never parses markup.
  root.innerHTML = markup;
  return root;
}

describe('extractText', () => {
  it('breaks lines where the page does: blocks, <br>, paragraphs, and not after a line-ending <br>', () => {
    expect(extractText(html('Hi<div><br></div><div>Thanks</div>'), { maxChars: 100 }).text).toBe('Hi\n\nThanks');
    expect(extractText(html('<p>One</p><p>Two</p>'), { maxChars: 100 }).text).toBe('One\n\nTwo');
    expect(extractText(html('-- <br><div>Sam</div>'), { maxChars: 100 }).text).toBe('--\nSam');
    expect(extractText(html('<ul><li>a</li><li>b</li></ul>'), { maxChars: 100 }).text).toBe('a\nb');
    expect(extractText(html('<table><tr><td>Seats</td><td>40</td></tr></table>'), { maxChars: 100 }).text).toBe(
      'Seats 40',
    );
  });

  it('treats newlines in the markup as spaces, except in <pre>', () => {
    expect(extractText(html('one\n   two'), { maxChars: 100 }).text).toBe('one two');
    expect(extractText(html('<pre>a\nb</pre>'), { maxChars: 100 }).text).toBe('a\nb');
  });

  it('skips scripts, styles, form fields and inline-hidden elements', () => {
    const root = html(
      'Visible<script>bad()</script><style>.x{}</style><textarea>typed</textarea><span hidden>h</span><span style="display: none">n</span>',
    );
    expect(extractText(root, { maxChars: 100 }).text).toBe('Visible');
  });

  it('diverts outermost matches and caps by length and by nodes', () => {
    const root = html('Body<blockquote>Q1<blockquote>Q2</blockquote></blockquote>After');
    const result = extractText(root, { maxChars: 100, divert: (el) => el.localName === 'blockquote' });
    expect(result.text).toBe('Body\nAfter');
    expect(result.diverted).toHaveLength(1);
    expect(extractText(html('x'.repeat(500)), { maxChars: 10 })).toMatchObject({
      text: 'x'.repeat(10),
      truncated: true,
    });
    expect(extractText(html('<i>a</i>'.repeat(50)), { maxChars: 1000, maxNodes: 10 }).truncated).toBe(true);
  });

  it('never cuts a surrogate pair in half', () => {
    expect(extractText(html('ab😀'), { maxChars: 3 }).text).toBe('ab');
  });
});

describe('normaliseText', () => {
  it('collapses spaces, trims lines, keeps one blank line and drops zero-width characters', () => {
    expect(normaliseText(' a \u00a0 b\u200b \n\n\n\n  c\t\n')).toBe('a b\n\nc');
  });
});
