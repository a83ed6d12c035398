/** @vitest-environment happy-dom */
import { describe, expect, it } from 'vitest';
import { readSelfEmail } from './self-email';
import { selfCheck } from './self-check';
import type { FeatureCheck, GmailFeature } from './types';
import { loadFixture } from './load-fixture';

const byFeature = (root: ParentNode) =>
  Object.fromEntries(selfCheck(root).map((c) => [c.feature, c])) as Record<GmailFeature, FeatureCheck>;

describe('selfCheck', () => {
  it('reports every feature on in a thread with an inline reply', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    expect(selfCheck(document)).toEqual([
      { feature: 'thread', ok: true, detail: '4 messages' },
      { feature: 'collapsed', ok: true, detail: '3 collapsed rows, 3 with a snippet' },
      { feature: 'quotedHistory', ok: true, detail: '1 of 1 expanded messages quote earlier ones' },
      { feature: 'signature', ok: true, detail: '1 of 1 expanded messages carry a marked signature' },
      { feature: 'compose', ok: true, detail: 'inline' },
      { feature: 'insert', ok: true, detail: 'compose body editable' },
      { feature: 'sendDetection', ok: true, detail: 'Send button and Ctrl/Cmd+Enter' },
      { feature: 'selfEmail', ok: true, detail: 'from compose' },
    ]);
  });

  it('says which features the view leaves off (inbox: no thread open)', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const checks = byFeature(document);
    expect(checks.thread).toMatchObject({ ok: false, idle: true, detail: 'no thread open' });
    expect(checks.compose).toMatchObject({ ok: true, detail: 'new, reply' });
    loadFixture('gmail-2026-11-inbox-shell.html');
    const shell = byFeature(document);
    expect([shell.compose.ok, shell.insert.ok, shell.sendDetection.ok]).toEqual([false, false, false]);
    expect(shell.compose.detail).toBe('no compose open');
    expect([shell.compose.idle, shell.insert.idle, shell.sendDetection.idle]).toEqual([true, true, true]);
    expect(shell.selfEmail).toMatchObject({ ok: true, detail: 'from title' });
  });

  it('turns send detection off when the Send button cannot be found', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    // A layout where Send lost both its position partner and its old class.
    document.querySelector('[aria-label="More send options"]')!.remove();
    document.querySelector('.aoO')!.classList.remove('aoO');
    const checks = byFeature(document);
    expect(checks.sendDetection).toMatchObject({
      ok: false,
      detail: 'no Send button in inline: only Ctrl/Cmd+Enter detected',
    });
    expect(checks.compose.ok).toBe(true);
  });

  it('turns thread reading off, naming the selectors, when message senders are gone', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    for (const el of document.querySelectorAll('[data-message-id] [email]')) el.removeAttribute('email');
    for (const el of document.querySelectorAll('[data-message-id] [data-hovercard-id]')) el.remove();
    const { thread } = byFeature(document);
    expect(thread.ok).toBe(false);
    // A layout change is a fault the panel shows, unlike a view with nothing open.
    expect(thread.idle).toBeUndefined();
    expect(thread.detail).toMatch(/no element for "sender" \(tried h3 span\[email\]/);
  });

  it('turns collapsed rows and quoted history off when their markup is gone, naming the selectors', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    for (const el of document.querySelectorAll('.iA')) el.className = 'zz';
    expect(byFeature(document).collapsed).toMatchObject({ ok: false, detail: expect.stringContaining('div.iA.g6') });
    // The quote loses every class the adapter knows: the collapsed messages' text can no longer be recovered.
    for (const el of document.querySelectorAll('[class*="gmail_quote"], blockquote')) {
      const div = document.createElement('div');
      div.append(...el.childNodes);
      el.replaceWith(div);
    }
    const { quotedHistory, thread } = byFeature(document);
    expect(quotedHistory).toMatchObject({ ok: false, detail: expect.stringContaining('.gmail_quote') });
    expect(thread.ok).toBe(true);
  });

  it('turns compose and insertion off when the To field or the editable body is gone', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    document.querySelector('[role="dialog"] [name="to"]')!.remove();
    document.querySelector('[g_editable="true"]')!.setAttribute('contenteditable', 'false');
    const checks = byFeature(document);
    expect(checks.compose.ok).toBe(false);
    expect(checks.compose.detail).toContain('no To field');
    expect(checks.insert).toMatchObject({ ok: false, detail: 'compose body is not editable' });
  });

  it('turns selfEmail off when no source has an address', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    document.querySelector('input[name="from"]')!.remove();
    expect(byFeature(document).selfEmail).toMatchObject({ ok: true, detail: 'from title' });
    document.title = 'Gmail';
    expect(byFeature(document).selfEmail.ok).toBe(false);
  });
});

describe('readSelfEmail', () => {
  it('prefers an address attribute in the account bar, then the compose, then the last address of the title', () => {
    loadFixture('gmail-2026-11-compose-popout.html');
    expect(readSelfEmail(document)).toEqual({ email: 'rep@example.com', source: 'compose' });
    document.querySelector('input[name="from"]')!.remove();
    document.title = 'Intro to jordan.lee@example.net - rep@example.com - Gmail';
    expect(readSelfEmail(document)).toEqual({ email: 'rep@example.com', source: 'title' });
    const banner = document.createElement('header');
    banner.setAttribute('role', 'banner');
    banner.innerHTML = '<span email="sam@example.com" name="Sam Rivera"></span>';
    document.body.prepend(banner);
    expect(readSelfEmail(document)).toEqual({ email: 'sam@example.com', source: 'account' });
  });
});
