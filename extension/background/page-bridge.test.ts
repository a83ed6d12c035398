import { describe, expect, it, vi } from 'vitest';
import { createRouter } from '../../shared/common/protocol/router';
import { PROTOCOL } from '../../shared/common/protocol/envelopes';
import { memoryPortPair } from '../../shared/common/protocol/memory-port.test-utils';
import { methods, type Methods } from '../messaging/methods';
import type { PageState } from '../messaging/page-state';
import { createPageBridge } from './page-bridge';
import { createPageHandlers, type SenderContext } from './page-handlers';

const state = (url: string): PageState => ({ site: 'gmail', url, thread: null, composes: [], checks: [] });
const req = (method: string, params: unknown) => ({ protocol: PROTOCOL, kind: 'request', id: 'r1', method, params });
const answer = (message: unknown, result: unknown) => ({
  protocol: PROTOCOL,
  kind: 'response',
  id: (message as { id: string }).id,
  ok: true,
  result,
});

describe('page bridge', () => {
  it("gives a panel its own tab's state, now and on each publish, and nothing from other tabs", async () => {
    const bridge = createPageBridge({ sendToTab: vi.fn(async () => undefined) });
    bridge.publish(1, state('https://mail.google.com/one'));
    const [worker, panel] = memoryPortPair('closer/page');
    const seen: string[] = [];
    panel.onMessage.addListener((m) => seen.push((m as { state: PageState }).state.url));
    bridge.subscribe(1, worker);
    bridge.publish(2, state('https://mail.google.com/other-tab'));
    bridge.publish(1, state('https://mail.google.com/two'));
    await new Promise((r) => setTimeout(r, 5));
    expect(seen).toEqual(['https://mail.google.com/one', 'https://mail.google.com/two']);
  });

  it('asks the content script to publish again when it knows nothing of the tab (after a worker restart)', async () => {
    const sendToTab = vi.fn(async (_tab: number, m: unknown) => answer(m, { ok: true }));
    const bridge = createPageBridge({ sendToTab });
    bridge.subscribe(7, memoryPortPair('closer/page')[0]);
    expect(sendToTab).toHaveBeenCalledWith(7, expect.objectContaining({ method: 'content.republish' }));
  });

  it('reports an unreachable page as host_unavailable and an unreadable answer as invalid_response', async () => {
    const gone = createPageBridge({
      sendToTab: async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    await expect(
      gone.callTab(3, 'content.insertDraft', { composeIndex: 0, text: 'Hi', replaceSelection: false }),
    ).rejects.toMatchObject({
      code: 'host_unavailable',
    });
    const garbled = createPageBridge({ sendToTab: async (_t, m) => answer(m, { ok: 'yes' }) });
    await expect(
      garbled.callTab(3, 'content.insertDraft', { composeIndex: 0, text: 'Hi', replaceSelection: false }),
    ).rejects.toMatchObject({
      code: 'invalid_response',
    });
  });

  it('lets only content scripts publish and only panels command a page', async () => {
    const sendToTab = vi.fn(async (_t: number, m: unknown) => answer(m, { ok: true }));
    const route = createRouter<Methods, SenderContext>(methods, createPageHandlers(createPageBridge({ sendToTab })));
    const page = { tabId: 4, fromExtensionPage: false };
    const panel = { tabId: 4, fromExtensionPage: true };
    expect(await route(req('page.publish', { state: state('https://mail.google.com/x') }), panel)).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(
      await route(req('page.insertDraft', { composeIndex: 0, text: 'Hi', replaceSelection: false }), page),
    ).toMatchObject({
      ok: false,
      error: { code: 'bad_request' },
    });
    expect(sendToTab).not.toHaveBeenCalled();
    expect(await route(req('page.publish', { state: state('https://mail.google.com/x') }), page)).toMatchObject({
      ok: true,
    });
    expect(
      await route(req('page.insertDraft', { composeIndex: 0, text: 'Hi', replaceSelection: false }), panel),
    ).toMatchObject({
      ok: true,
      result: { ok: true },
    });
    expect(await route(req('page.gmailChecks', {}), panel)).toMatchObject({
      ok: true,
      result: { url: 'https://mail.google.com/x' },
    });
  });

  it('rejects page state that breaks the schema before any panel sees it', async () => {
    const route = createRouter<Methods, SenderContext>(
      methods,
      createPageHandlers(createPageBridge({ sendToTab: async () => undefined })),
    );
    const bad = { site: 'gmail', url: 'x', thread: { threadId: 1 }, composes: [], checks: [] };
    expect(await route(req('page.publish', { state: bad }), { tabId: 1, fromExtensionPage: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid_params' },
    });
  });
});
