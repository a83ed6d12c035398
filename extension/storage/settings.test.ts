import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, migrateSettingsV1toV2, settingsItem } from './settings';

describe('settings item', () => {
  beforeEach(() => fakeBrowser.reset());

  it('falls back to the defaults', async () => {
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('migrates a stored v1 value to v2 on read', async () => {
    await fakeBrowser.storage.local.set({
      settings: { panelCollapsed: true, engineModel: 'echo-9', companionUrl: 'http://localhost:9000' },
      settings$: { v: 1 },
    });
    // Migrations run when the item is defined (at import); an extension update runs them again on start-up.
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({
      panelCollapsed: true,
      engine: { engine: 'auto', model: 'echo-9' },
      companionUrl: 'http://localhost:9000',
    });
  });

  it('v1 → v2 lets the host choose when v1 had no model', () => {
    expect(migrateSettingsV1toV2({ panelCollapsed: false, engineModel: '', companionUrl: 'x' }).engine).toEqual(
      DEFAULT_SETTINGS.engine,
    );
  });
});
