import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { checkModelBase, createModelBaseHandlers, trustedModelBase } from './model-base';
import { createBackgroundRouter } from './router';
import type { HostConnection } from './host-connection';

const ID = 'anakpbjfdpnjhcmjhbemojljchgbgjni';
const EXT = `chrome-extension://${ID}`;

describe('trusted model host', () => {
  it('is set only from the options page, https only, and each change is written to the ledger', async () => {
    const record = vi.fn(async () => undefined);
    const h = createModelBaseHandlers({ ledger: { record }, extensionId: ID });
    const set = h['engine.setModelBaseUrl']!;
    const from = (url: string, fromExtensionPage = true) => ({ tabId: 1, fromExtensionPage, senderUrl: url });

    await expect(set({ url: 'https://models.example/' }, from(`${EXT}/panel.html`))).rejects.toThrow(/options page/);
    await expect(
      set({ url: 'https://models.example/' }, from('https://mail.google.com/mail/u/0/', false)),
    ).rejects.toThrow(/options page/);
    expect(await trustedModelBase()).toBeNull();
    expect(record).not.toHaveBeenCalled();

    expect(await set({ url: 'https://models.example/' }, from(`${EXT}/options.html`))).toEqual({
      url: 'https://models.example/',
    });
    expect(await trustedModelBase()).toBe('https://models.example/');
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ purpose: 'model.base_url', url: 'https://models.example/' }),
    );
  });

  it('the catalogue refuses a non-https URL', async () => {
    const { methods } = await import('../messaging/methods');
    expect(methods['engine.setModelBaseUrl'].params.safeParse({ url: 'http://models.example/' }).success).toBe(false);
    expect(methods['engine.setModelBaseUrl'].params.safeParse({ url: null }).success).toBe(true);
  });

  it('refuses host requests and streams naming another model host before they reach the host', async () => {
    expect(() => checkModelBase('host.loadModel', { expect: { modelBaseUrl: 'https://evil.example' } }, null)).toThrow(
      /not the one set on the options page/,
    );
    expect(() =>
      checkModelBase('host.catalogue', { modelBaseUrl: 'https://a.example' }, 'https://b.example'),
    ).toThrow();
    expect(() =>
      checkModelBase('host.catalogue', { modelBaseUrl: 'https://a.example' }, 'https://a.example'),
    ).not.toThrow();
    expect(() => checkModelBase('host.catalogue', {}, 'https://a.example')).not.toThrow();

    const call = vi.fn(async () => ({ entries: [] }));
    const host = { call } as unknown as HostConnection;
    const route = createBackgroundRouter(host, {} as never, async () => null);
    const res = await route(
      {
        protocol: 'closer/1',
        kind: 'request',
        id: 'r1',
        method: 'host.catalogue',
        params: { modelBaseUrl: 'https://evil.example' },
      },
      { tabId: null, fromExtensionPage: true },
    );
    expect(res).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(call).not.toHaveBeenCalled();
  });
});
