import { browser } from 'wxt/browser';

const HOST_PATH = '/offscreen.html';
let creating: Promise<void> | null = null;

/**
 * Makes sure the AI host (the offscreen document) exists. Chrome allows one offscreen document per profile, which
 * is what makes the host shared by every tab; concurrent callers wait on the same creation.
 */
export async function ensureOffscreenHost(): Promise<void> {
  const url = browser.runtime.getURL(HOST_PATH);
  const existing = await browser.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'], documentUrls: [url] });
  if (existing.length > 0) return;
  creating ??= browser.offscreen
    .createDocument({
      url: HOST_PATH,
      reasons: ['WORKERS'],
      justification: 'Runs the on-device language models once for all tabs.',
    })
    .catch((err: unknown) => {
      // Another caller won the race: that is fine, the document exists.
      if (!String(err).includes('Only a single offscreen')) throw err;
    })
    .finally(() => {
      creating = null;
    });
  await creating;
}
