/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { findComposes } from './compose';
import { findSendButton } from './send-button';
import type { SendEvent } from './types';
import { watchSends } from './watch-sends';
import { loadFixture } from './load-fixture';

const click = (el: Element) => el.dispatchEvent(new MouseEvent('click', { bubbles: true, button: 0 }));
const mouseup = (el: Element) => el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true, button: 0 }));
const key = (el: Element, init: KeyboardEventInit) =>
  el.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));

let stop: (() => void) | undefined;
afterEach(() => stop?.());

function watch(): SendEvent[] {
  const events: SendEvent[] = [];
  stop = watchSends(document, (e) => events.push(e));
  return events;
}

function sendButtonOf(index: number): Element {
  const compose = findComposes(document)[index]!;
  return findSendButton(compose.element, compose.body)!;
}

describe('watchSends', () => {
  it('reports a click on Send in an inline reply, with what is being sent', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const events = watch();
    const compose = findComposes(document)[0]!;
    // Gmail's empty body starts with a <br> (evidence S9 #1131): the rep types before it.
    compose.body.prepend('Order form attached.');
    // The click lands on the label inside the button, as a real one may.
    const label = document.createElement('span');
    label.textContent = 'Send';
    const button = sendButtonOf(0);
    button.replaceChildren(label);
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-03T11:00:00.000Z'));
    click(label);
    vi.useRealTimers();
    expect(events).toEqual([
      {
        composeKind: 'inline',
        to: ['jordan.lee@example.net', 'priya.shah@example.net'],
        subject: 'Re: Pilot pricing for Q1',
        bodyText: 'Order form attached.',
        at: '2026-11-03T11:00:00.000Z',
        via: 'click',
      },
    ]);
  });

  it('finds the Send button by position, not by its localised label', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const button = sendButtonOf(0);
    expect(button.textContent).toBe('Send');
    button.textContent = 'Envoyer';
    button.setAttribute('aria-label', 'Envoyer (Ctrl-Entrée)');
    button.classList.remove('aoO');
    expect(sendButtonOf(0)).toBe(button);
  });

  it('reports one send for the mouseup and click of one press, per compose', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const events = watch();
    const button = sendButtonOf(1);
    mouseup(button);
    click(button);
    expect(events.map((e) => [e.composeKind, e.subject])).toEqual([['reply', 'Re: Pilot pricing for Q1']]);
    click(sendButtonOf(0));
    expect(events.map((e) => e.composeKind)).toEqual(['reply', 'new']);
  });

  it('ignores other buttons and clicks outside composes', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const events = watch();
    for (const button of document.querySelectorAll('[role="button"]')) {
      if (button !== sendButtonOf(0)) click(button);
    }
    click(document.querySelector('h2')!);
    expect(events).toEqual([]);
  });

  it('reports Ctrl+Enter and Cmd+Enter in a compose, not a plain Enter', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const events = watch();
    const [created, reply] = findComposes(document);
    key(created!.body, { key: 'Enter' });
    key(created!.body, { key: 'Enter', shiftKey: true });
    expect(events).toEqual([]);
    key(created!.body, { key: 'Enter', ctrlKey: true });
    key(reply!.element.querySelector('input[name="subjectbox"]')!, { key: 'Enter', metaKey: true });
    expect(events.map((e) => [e.composeKind, e.via, e.to])).toEqual([
      ['new', 'keyboard', ['alex.kim@example.org', 'morgan.diaz@example.org', 'ops@example.org']],
      ['reply', 'keyboard', ['jordan.lee@example.net']],
    ]);
  });

  it('reports Enter or Space on a focused Send button', () => {
    loadFixture('gmail-2026-11-compose-popout.html');
    const events = watch();
    key(sendButtonOf(0), { key: ' ' });
    expect(events.map((e) => [e.composeKind, e.via])).toEqual([['popout', 'keyboard']]);
  });

  it('stops when asked, or when its signal aborts', () => {
    loadFixture('gmail-2026-11-compose-new.html');
    const events = watch();
    stop!();
    click(sendButtonOf(0));
    const controller = new AbortController();
    watchSends(document, (e) => events.push(e), { signal: controller.signal });
    controller.abort();
    key(findComposes(document)[0]!.body, { key: 'Enter', ctrlKey: true });
    expect(events).toEqual([]);
  });
});
