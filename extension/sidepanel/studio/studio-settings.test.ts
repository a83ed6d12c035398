import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_STUDIO_SETTINGS, loadStudioSettings, studioSettingsItem } from './studio-settings';

describe('studio settings (brand voice and product facts)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('starts from the defaults and keeps what was saved', async () => {
    expect(await loadStudioSettings()).toEqual(DEFAULT_STUDIO_SETTINGS);
    const saved = {
      voice: { toneWords: ['warm'], bannedWords: ['revolutionary'], language: 'zh' as const },
      facts: ['Closer runs on-device.'],
    };
    await studioSettingsItem.setValue(saved);
    expect(await loadStudioSettings()).toEqual(saved);
  });

  it('falls back to the defaults when what is stored does not validate', async () => {
    await fakeBrowser.storage.local.set({ studioSettings: { voice: { toneWords: 'warm' }, facts: [] } });
    expect(await loadStudioSettings()).toEqual(DEFAULT_STUDIO_SETTINGS);
  });
});
