import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../storage/settings';
import { AskBox } from './AskBox';
import { StatusLine } from './StatusLine';
import { useHostStatus } from './use-host-status';

export type PanelSurface = 'gmail' | 'hubspot' | 'sidepanel';

/** The assistant panel: the same app in the Gmail and HubSpot frames and in the side panel. */
export function App({ surface }: { surface: PanelSurface }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [host, refreshHost] = useHostStatus();

  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((s) => setSettings(s));
  }, []);

  return (
    <main className="panel" data-surface={surface}>
      <header>
        <h1>{i18n.t('panel.title')}</h1>
        <span className="badge">{i18n.t(`panel.site.${surface}`)}</span>
      </header>
      <p className="muted privacy">{i18n.t('panel.privacy')}</p>
      <StatusLine state={host} onRetry={refreshHost} />
      <AskBox expect={settings.engine} />
    </main>
  );
}
