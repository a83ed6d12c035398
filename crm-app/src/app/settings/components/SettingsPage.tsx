import { useExtensionContext } from '@hubspot/ui-extensions';
import { useSettings } from '../hooks/useSettings.ts';
import { languageOf, SETTINGS_STRINGS } from './settings-strings.ts';
import { SettingsView } from './SettingsView.tsx';

/** The app's settings page: this account's connection, properties and tier features, in the user's language. */
export function SettingsPage() {
  const context = useExtensionContext<'settings'>();
  const { state, reload } = useSettings();
  return <SettingsView state={state} onReload={reload} strings={SETTINGS_STRINGS[languageOf(context.user?.locale)]} />;
}
