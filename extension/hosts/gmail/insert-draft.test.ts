/** @vitest-environment happy-dom */
import { describe, expect, it, vi } from 'vitest';
import { findComposes } from './compose';
import { insertDraft } from './insert-draft';
import type { GmailCompose } from './types';
import { loadFixture, select, textNode } from './load-fixture';

function newMessage(): GmailCompose {
  loadFixture('gmail-2026-11-compose-new.html');
  return findComposes(document)[0]!;
}

const signatureOf = (c: GmailCompose) => c.body.querySelector('[data-smartmail="gmail_signature"]')!;
const reread = (c: GmailCompose) => findComposes(document).find((x) => x.body === c.body)!;

/** True when `a` comes before `b` in the document. */
const before = (a: Node, b: Node) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;

describe('insertDraft', () => {
  it('inserts at the caret, inline when the text is one line', () => {
    const compose = newMessage();
    const line = textNode(compose.body, 'Following up');
    select(line, line.length);
    expect(insertDraft(compose, ' we agreed on 40 seats.')).toEqual({ ok: true });
    expect(reread(compose).bodyText).toBe('Hi Alex,\n\nFollowing up on our call: we agreed on 40 seats.');
  });

  it('writes several lines as <div> lines (empty ones as <div><br></div>), filling the empty line of the caret', () => {
    const compose = newMessage();
    const emptyLine = compose.body.children[3]!; // the <div><br></div> above the signature
    select(emptyLine, 0);
    expect(insertDraft(compose, 'Pricing: $38/seat\n\nOnboarding included')).toEqual({ ok: true });
    expect(emptyLine.isConnected).toBe(false);
    expect(Array.from(compose.body.children, (d) => d.outerHTML).slice(2, 6)).toEqual([
      '<div>Following up on our call:</div>',
      '<div>Pricing: $38/seat</div>',
      '<div><br></div>',
      '<div>Onboarding included</div>',
    ]);
    expect(reread(compose).bodyText).toBe(
      'Hi Alex,\n\nFollowing up on our call:\nPricing: $38/seat\n\nOnboarding included',
    );
  });

  it('replaces the selection when asked', () => {
    const compose = newMessage();
    const greeting = textNode(compose.body, 'Hi Alex,');
    select(greeting, 0, greeting.length);
    expect(insertDraft(compose, 'Hello Alex,', { replaceSelection: true })).toEqual({ ok: true });
    expect(reread(compose).bodyText).toBe('Hello Alex,\n\nFollowing up on our call:');
  });

  it('keeps the selection and inserts after it by default', () => {
    const compose = newMessage();
    const greeting = textNode(compose.body, 'Hi Alex,');
    select(greeting, 0, 2);
    expect(insertDraft(compose, ' there')).toEqual({ ok: true });
    expect(reread(compose).bodyText.split('\n')[0]).toBe('Hi there Alex,');
  });

  it('never deletes the signature when the selection reaches into it', () => {
    const compose = newMessage();
    const signature = signatureOf(compose);
    const signatureHtml = signature.outerHTML;
    const range = document.createRange();
    range.setStart(textNode(compose.body, 'Following up'), 0);
    range.setEnd(textNode(signature, 'Sam Rivera'), 3);
    document.getSelection()!.removeAllRanges();
    document.getSelection()!.addRange(range);
    expect(insertDraft(compose, 'Replaced.', { replaceSelection: true })).toEqual({ ok: true });
    expect(signature.isConnected).toBe(true);
    expect(signature.outerHTML).toBe(signatureHtml);
    expect(compose.body.querySelector('.gmail_signature_prefix')).not.toBeNull();
    expect(reread(compose).bodyText).toBe('Hi Alex,\n\nReplaced.');
  });

  it('puts the text above the signature when the caret is inside or below it', () => {
    for (const place of ['inside', 'below'] as const) {
      const compose = newMessage();
      if (place === 'inside') select(textNode(signatureOf(compose), 'Account Executive'), 4);
      else select(compose.body, compose.body.childNodes.length);
      expect(insertDraft(compose, 'Talk soon.')).toEqual({ ok: true });
      const inserted = textNode(compose.body, 'Talk soon.');
      expect(before(inserted, compose.body.querySelector('.gmail_signature_prefix')!)).toBe(true);
      expect(before(textNode(compose.body, 'Following up'), inserted)).toBe(true);
    }
  });

  it('without a caret, goes to the top of an empty inline reply, signature kept below', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const [reply] = findComposes(document);
    expect(insertDraft(reply!, 'Hi Jordan,\nThe order form is attached.')).toEqual({ ok: true });
    expect(reply!.body.firstElementChild!.outerHTML).toBe('<div>Hi Jordan,</div>');
    expect(before(textNode(reply!.body, 'order form'), signatureOf(reply!))).toBe(true);
    expect(reread(reply!).bodyText).toBe('Hi Jordan,\nThe order form is attached.');
  });

  it('without a caret, goes after the rep text and above a plain-text "-- " signature and the quote', () => {
    loadFixture('gmail-2026-11-compose-popout.html');
    const [popout] = findComposes(document);
    expect(insertDraft(popout!, 'See you Thursday.')).toEqual({ ok: true });
    const inserted = textNode(popout!.body, 'See you Thursday.');
    const dashes = textNode(popout!.body, '-- ');
    expect(before(inserted, dashes)).toBe(true);
    expect(before(textNode(popout!.body, 'fixed for 12 months'), inserted)).toBe(true);
    expect(reread(popout!).bodyText).toBe(
      'Hi Jordan, hi Priya,\n\nThe price is fixed for 12 months.\n\nSee you Thursday.',
    );
    expect(popout!.body.querySelector('.gmail_quote')!.textContent).toContain('Is the $38 price fixed');
  });

  it('leaves the caret after the inserted text and tells Gmail the body changed', () => {
    const compose = newMessage();
    const onInput = vi.fn();
    compose.body.addEventListener('input', onInput);
    select(textNode(compose.body, 'Hi Alex,'), 8);
    insertDraft(compose, ' Great to meet you.');
    expect(onInput).toHaveBeenCalledTimes(1);
    const range = document.getSelection()!.getRangeAt(0);
    expect(range.collapsed).toBe(true);
    expect(range.startContainer.textContent).toContain('Hi Alex,');
    expect(range.startContainer.childNodes[range.startOffset - 1]?.textContent).toBe(' Great to meet you.');
  });

  it('inserts untrusted text as text: no element is created from markup, no HTML parser is used', () => {
    const compose = newMessage();
    const innerHtml = vi.spyOn(Element.prototype, 'innerHTML', 'set');
    const adjacent = vi.spyOn(Element.prototype, 'insertAdjacentHTML');
    const hostile = '<img src="x" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';
    expect(insertDraft(compose, hostile)).toEqual({ ok: true });
    expect(compose.body.querySelector('img, script')).toBeNull();
    expect(textNode(compose.body, '<img src="x"').nodeValue).toBe(hostile);
    expect(innerHtml).not.toHaveBeenCalled();
    expect(adjacent).not.toHaveBeenCalled();
    expect((window as { __pwned?: unknown }).__pwned).toBeUndefined();
  });

  it('reports why it could not insert, so the caller can use the clipboard', () => {
    const compose = newMessage();
    expect(insertDraft(compose, '   \n ')).toEqual({ ok: false, reason: 'empty-text' });
    expect(insertDraft(compose, 'x'.repeat(50_001))).toEqual({ ok: false, reason: 'too-long' });
    compose.body.setAttribute('contenteditable', 'false');
    expect(insertDraft(compose, 'Hi')).toEqual({ ok: false, reason: 'not-editable' });
    compose.element.remove();
    expect(insertDraft(compose, 'Hi')).toEqual({ ok: false, reason: 'compose-closed' });
  });
});
