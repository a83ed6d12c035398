import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const FIXTURES = resolve(import.meta.dirname, '../../e2e/fixtures') + '/';

export type GmailFixture =
  | 'gmail-2026-12-thread-view.html'
  | 'gmail-2026-12-thread-long.html'
  | 'gmail-2026-11-compose-new.html'
  | 'gmail-2026-11-compose-popout.html'
  | 'gmail-2026-12-thread-hostile.html'
  | 'gmail-2026-12-thread-200.html'
  | 'gmail-2026-11-inbox-shell.html'
  | 'gmail-2026-12-compose-new.html'
  | 'gmail-2026-12-compose-fullscreen.html'
  | 'gmail-2026-12-compose-inline-reply.html'
  | 'gmail-2026-12-compose-forward.html'
  | 'gmail-2026-12-compose-popout.html';

export function fixtureHtml(name: GmailFixture): string {
  return readFileSync(FIXTURES + name, 'utf8');
}

/**
 * Loads a fixture into the test window's document. Markup set through `innerHTML` never runs its scripts, so the
 * fixture's content is present but inert, as a DOMParser document would be, while keeping a live window (selection,
 * events, MutationObserver) for the adapter.
 */
export function loadFixture(name: GmailFixture): Document {
  document.documentElement.innerHTML = fixtureHtml(name);
  document.getSelection()?.removeAllRanges();
  return document;
}

/**
 * Runs the fixture's own trusted script (the one carrying the CSP nonce), as a browser would; every other script
 * in the fixture stays inert, as the fixture's Content-Security-Policy makes it in a browser.
 */
export function runTrustedFixtureScript(doc: Document): void {
  const script = doc.querySelector('script[nonce="gmail-fixture"]');
  if (!script) throw new Error('fixture has no trusted script');
  new Function(script.textContent ?? '')();
}

/** Puts the caret (or a selection) in a text node of the compose body. */
export function select(node: Node, start: number, end = start): void {
  const range = document.createRange();
  range.setStart(node, start);
  range.setEnd(node, end);
  const selection = document.getSelection()!;
  selection.removeAllRanges();
  selection.addRange(range);
}

/** The first text node whose value contains `text`. */
export function textNode(root: Node, text: string): Text {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.nodeValue?.includes(text)) return n as Text;
  throw new Error(`no text node with "${text}"`);
}
