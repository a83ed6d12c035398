import { storage } from 'wxt/utils/storage';
import type { Expectation } from '../../shared/common/llm/expectation';

/** User settings, version 2. v1 kept a single `engineModel` string; v2 keeps the whole engine expectation. */
export interface Settings {
  /** Whether the in-page panel starts collapsed. */
  panelCollapsed: boolean;
  /** The engine and model the panel asks the AI host for. */
  engine: Expectation;
  /** Base URL of the companion backend (crm-app/server). */
  companionUrl: string;
}

export interface SettingsV1 {
  panelCollapsed: boolean;
  engineModel: string;
  companionUrl: string;
}

export const DEFAULT_SETTINGS: Settings = {
  panelCollapsed: false,
  engine: { engine: 'auto', model: '' },
  companionUrl: 'http://127.0.0.1:8787',
};

/** v1 → v2: the model name becomes a full expectation; a v1 model is kept as the preferred model of `auto`. */
export function migrateSettingsV1toV2(old: SettingsV1): Settings {
  return {
    panelCollapsed: old.panelCollapsed,
    engine: { engine: 'auto', model: old.engineModel || DEFAULT_SETTINGS.engine.model },
    companionUrl: old.companionUrl,
  };
}

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: 2,
  migrations: { 2: migrateSettingsV1toV2 },
});
