import { describe, expect, it } from 'vitest';
import { methods, streams } from './methods';
import {
  CONTENT_SCRIPT_METHODS,
  isExtensionPage,
  isOptionsPage,
  isServiceWorker,
  methodRefusal,
} from './sender-policy';

const ID = 'anakpbjfdpnjhcmjhbemojljchgbgjni';
const EXT = `chrome-extension://${ID}`;
// What Chrome reports for each kind of sender.
const contentScript = {
  id: ID,
  url: 'https://mail.google.com/mail/u/0/#inbox',
  origin: 'https://mail.google.com',
  tab: { id: 3 },
};
const panelFrame = { id: ID, url: `${EXT}/panel.html?site=gmail`, origin: EXT, tab: { id: 3 } };
const options = { id: ID, url: `${EXT}/options.html`, origin: EXT, tab: { id: 4 } };
const worker = { id: ID, url: `${EXT}/background.js`, origin: EXT };

describe('sender policy', () => {
  it('tells extension pages from content scripts by the origin and URL the browser reports', () => {
    expect([panelFrame, options, worker].map((s) => isExtensionPage(s, ID))).toEqual([true, true, true]);
    expect(isExtensionPage(contentScript, ID)).toBe(false);
    expect(isExtensionPage({ ...panelFrame, id: 'other' }, ID)).toBe(false);
    // A page URL that merely mentions the extension does not pass.
    expect(isExtensionPage({ ...contentScript, url: `https://evil.example/${EXT}/panel.html` }, ID)).toBe(false);
    expect(isExtensionPage({ ...panelFrame, origin: 'https://mail.google.com' }, ID)).toBe(false);
    expect(isExtensionPage(undefined, ID)).toBe(false);
  });

  it('lets content scripts call only what a page needs, and refuses every other method of the catalogue', () => {
    const all = [...Object.keys(methods), ...Object.keys(streams)];
    const allowed = all.filter((m) => methodRefusal(m, contentScript, ID) === null);
    expect(allowed.sort()).toEqual([...CONTENT_SCRIPT_METHODS].sort());
    const refused = ['host.testScript', 'host.learnIntent', 'host.loadModel', 'engine.setModelBaseUrl', 'nope'];
    // A hostile page must not teach the rep's style or open threads with text of its choosing.
    for (const m of [...refused, 'style.observe', 'style.update', 'followups.open']) {
      expect(methodRefusal(m, contentScript, ID)).toMatch(/not available to content scripts/);
    }
    expect(all.every((m) => methodRefusal(m, panelFrame, ID) === null)).toBe(true);
  });

  it('knows the options page and the service worker', () => {
    expect(isOptionsPage(options, ID)).toBe(true);
    expect(isOptionsPage({ ...options, url: `${EXT}/options.html#models` }, ID)).toBe(true);
    expect(isOptionsPage(panelFrame, ID)).toBe(false);
    expect(isOptionsPage({ ...contentScript, url: `${EXT}/options.html` }, ID)).toBe(false);
    expect(isServiceWorker(worker, ID, `${EXT}/background.js`)).toBe(true);
    expect(isServiceWorker(panelFrame, ID, `${EXT}/background.js`)).toBe(false);
    expect(isServiceWorker({ ...worker, tab: { id: 1 } }, ID, `${EXT}/background.js`)).toBe(false);
    expect(isServiceWorker(contentScript, ID, `${EXT}/background.js`)).toBe(false);
  });
});
