import { storage } from 'wxt/utils/storage';

/** Follow-up settings, version 1: business days without an answer before a tagged send needs a follow-up. */
export interface FollowUpSettings {
  businessDays: number;
}

export const DEFAULT_FOLLOWUP_SETTINGS: FollowUpSettings = { businessDays: 3 };

export const followUpSettingsItem = storage.defineItem<FollowUpSettings>('local:followupSettings', {
  fallback: DEFAULT_FOLLOWUP_SETTINGS,
  version: 1,
});
