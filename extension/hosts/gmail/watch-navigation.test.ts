/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import type { NavigationState } from './types';
import { watchNavigation } from './watch-navigation';
import { loadFixture } from './load-fixture';

/** Lets hashchange events and MutationObserver callbacks run. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  window.location.hash = '';
});

function watch(): NavigationState[] {
  const states: NavigationState[] = [];
  stop = watchNavigation(window, (s) => states.push(s));
  return states;
}

function threadView(permId: string, subject: string): HTMLElement {
  const view = document.createElement('div');
  const h2 = document.createElement('h2');
  h2.setAttribute('data-thread-perm-id', permId);
  h2.textContent = subject;
  const message = document.createElement('div');
  message.setAttribute('data-message-id', '#msg-f:1');
  view.append(h2, message);
  return view;
}

describe('watchNavigation', () => {
  it('reports the current state at once', () => {
    loadFixture('gmail-2026-12-thread-view.html');
    expect(watch()).toEqual([{ url: window.location.href, threadId: 'thread-f:1849203746152093817' }]);
  });

  it('follows hash navigation and a thread that renders after its route changed', async () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const states = watch();
    const main = document.querySelector('[role="main"]')!;

    // Back to the inbox: Gmail hides the thread view and changes the hash.
    (
      document.querySelector('h2[data-thread-perm-id="thread-f:1849203746152093817"]')!.closest('.a98') as HTMLElement
    ).style.display = 'none';
    window.location.hash = '#inbox';
    await settle();
    expect(states.at(-1)).toEqual({ url: window.location.href, threadId: null });

    // Open another thread: the route changes first, the thread renders a moment later.
    window.location.hash = '#inbox/FMfcgzQXJWDsKbcvVdBtbxVfLLWvxNkD';
    await settle();
    expect(states.at(-1)).toEqual({ url: window.location.href, threadId: null });
    main.append(threadView('thread-f:1849500000000000009', 'Renewal questions'));
    await settle();
    expect(states.at(-1)).toEqual({ url: window.location.href, threadId: 'thread-f:1849500000000000009' });
    expect(states).toHaveLength(4);

    // Unrelated rendering in the main region reports nothing new.
    main.append(document.createElement('div'));
    await settle();
    expect(states).toHaveLength(4);
  });

  it('waits for a main region that Gmail renders late, then follows it', async () => {
    loadFixture('gmail-2026-11-inbox-shell.html');
    const states = watch();
    expect(states).toEqual([{ url: window.location.href, threadId: null }]);
    const main = document.createElement('div');
    main.setAttribute('role', 'main');
    document.body.append(main);
    await settle();
    main.append(threadView('thread-f:1849500000000000010', 'Late thread'));
    await settle();
    expect(states.at(-1)?.threadId).toBe('thread-f:1849500000000000010');
  });

  it('stops when asked', async () => {
    loadFixture('gmail-2026-12-thread-view.html');
    const states = watch();
    stop!();
    window.location.hash = '#sent';
    document.querySelector('[role="main"]')!.append(threadView('thread-f:2', 'After stop'));
    await settle();
    expect(states).toHaveLength(1);
  });
});
