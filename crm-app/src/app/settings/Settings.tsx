import { hubspot } from '@hubspot/ui-extensions';
import { SettingsPage } from './components/SettingsPage.tsx';

// Entry point named in settings-hsmeta.json: registration only, the page lives in components/.
hubspot.extend<'settings'>(() => <SettingsPage />);
