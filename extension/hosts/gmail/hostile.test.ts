/** @vitest-environment happy-dom */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { findComposes } from './compose';
import { insertDraft } from './insert-draft';
import { selfCheck } from './self-check';
import { readThread } from './thread';
import { watchSends } from './watch-sends';
import { loadFixture, runTrustedFixtureScript } from './load-fixture';

const pwned = () => (window as { __pwned?: unknown }).__pwned;

/** Every DOM API that turns a string into markup: none may be used while reading or writing Gmail. */
function spyOnHtmlSinks() {
  return [
    vi.spyOn(Element.prototype, 'innerHTML', 'set'),
    vi.spyOn(Element.prototype, 'outerHTML', 'set'),
    vi.spyOn(Element.prototype, 'insertAdjacentHTML'),
    vi.spyOn(Range.prototype, 'createContextualFragment'),
    vi.spyOn(DOMParser.prototype, 'parseFromString'),
    vi.spyOn(document, 'write'),
  ];
}

describe('hostile thread content', () => {
  beforeEach(() => {
    delete (window as { __pwned?: unknown }).__pwned;
    loadFixture('gmail-2026-12-thread-hostile.html');
    runTrustedFixtureScript(document);
  });

  it('builds a 1 MB quoted history, and the fixture itself runs nothing hostile', () => {
    expect(Number(document.documentElement.dataset.historyChars)).toBeGreaterThanOrEqual(1024 * 1024);
    expect(document.querySelectorAll('script, img[onerror], [onmouseover], svg[onload]').length).toBeGreaterThan(4);
    expect(pwned()).toBeUndefined();
  });

  it('reads scripts, handlers and markup as text, running and parsing nothing', () => {
    const sinks = spyOnHtmlSinks();
    const thread = readThread(document);
    selfCheck(document);
    const [hostile] = thread.messages;
    expect(hostile!.from).toEqual({
      name: 'Mallory <img src=x onerror=window.__pwned=1>',
      email: 'mallory@example.org',
    });
    expect(thread.subject).toBe('Contract terms');
    expect(hostile!.bodyText).toBe(
      [
        'Please review the attached terms.',
        'Hover here.',
        'Open the contract',
        `Shown as text: <script>window.__pwned = 'text'</script> and <img src=x onerror="window.__pwned = 'text'">`,
      ].join('\n'),
    );
    // Script bodies, style sheets, SVG and hidden text are not message text.
    for (const absent of ["'script'", 'hostile-marker', 'svg text', 'iframe', 'hidden preheader']) {
      expect(hostile!.bodyText).not.toContain(absent);
    }
    for (const sink of sinks) expect(sink).not.toHaveBeenCalled();
    expect(pwned()).toBeUndefined();
  });

  // Work, not wall-clock, is what the caps bound: every element the reader visits has its inline style checked once,
  // so counting `getAttribute` calls counts visited elements, whatever the machine's load. The time limits are only
  // sanity bounds for a loaded CI machine running happy-dom (Chromium reads this thread in about 5 ms).
  it('caps a 1 MB quoted history after visiting a small part of it', () => {
    const historyElements = document.getElementById('huge-history')!.querySelectorAll('*').length;
    const getAttribute = vi.spyOn(Element.prototype, 'getAttribute');
    const started = performance.now();
    const thread = readThread(document);
    const elapsed = performance.now() - started;
    const reply = thread.messages[1]!;
    expect(reply.bodyText).toBe('Thanks, I will have legal look at it.');
    expect(
      reply.quotedText.startsWith('On Wed, Nov 4, 2026 at 3:30 PM Mallory wrote:\n0: Earlier in this thread'),
    ).toBe(true);
    expect(reply.quotedText).toHaveLength(20_000);
    expect(reply.truncated).toBe(true);
    expect(historyElements).toBeGreaterThan(9_000);
    // About 400 calls (a few hundred lines read, then the cap) against 9,500 elements in the history.
    expect(getAttribute.mock.calls.length).toBeGreaterThan(0);
    expect(getAttribute.mock.calls.length).toBeLessThan(historyElements / 10);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('caps a 1 MB body, as text', () => {
    const body = document.querySelector('[data-legacy-message-id="19aa000000000001"] div[dir]')!;
    body.append(document.createTextNode('<b>x</b> '.repeat(120_000)));
    const started = performance.now();
    const [hostile] = readThread(document).messages;
    const elapsed = performance.now() - started;
    expect(hostile!.bodyText).toHaveLength(100_000);
    expect(hostile!.bodyText).toContain('<b>x</b> <b>x</b>');
    expect(hostile!.truncated).toBe(true);
    expect(elapsed).toBeLessThan(2_000);
  });

  it('keeps hostile text inert through a compose: read, inserted and reported as text', () => {
    // An inline reply quoting the hostile message.
    const region = document.createElement('div');
    region.setAttribute('role', 'region');
    const body = document.createElement('div');
    body.setAttribute('role', 'textbox');
    body.setAttribute('g_editable', 'true');
    body.setAttribute('contenteditable', 'true');
    region.append(body);
    document.querySelector('[role="list"]')!.after(region);
    const sinks = spyOnHtmlSinks();
    const sent: string[] = [];
    const stop = watchSends(document, (e) => sent.push(e.bodyText));

    const [compose] = findComposes(document);
    const hostile = readThread(document).messages[0]!.bodyText;
    expect(insertDraft(compose!, hostile)).toEqual({ ok: true });
    body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true }));
    stop();

    expect(body.querySelector('script, img, a, div[onmouseover]')).toBeNull();
    expect(sent).toEqual([hostile]);
    for (const sink of sinks) expect(sink).not.toHaveBeenCalled();
    expect(pwned()).toBeUndefined();
  });
});
