import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../storage/settings';
import { AskBox } from './AskBox';
import { GmailAssistant } from './gmail/GmailAssistant';
import { HubspotAssistant } from './hubspot/HubspotAssistant';
import { usePageState } from './gmail/use-page-state';
import { StatusLine } from '../ui/StatusLine';
import { useHostStatus } from '../ui/use-host-status';
import { useCapabilities, type Capabilities } from '../ui/use-capabilities';
import { reasonText } from '../ui/reason-text';

/** Why generation is off, or null when it can run (an explicit engine choice is the user's or a test's call). */
function generatorOff(settings: Settings, caps: Capabilities | Error | null): string | null {
  if (settings.engine.engine !== 'auto' || caps === null || caps instanceof Error) return null;
  if (caps.choice.engine !== 'none') return null;
  const why = caps.choice.reasons.map(reasonText);
  return why.join(' ');
}

/** One line saying which generator the panel will use. */
function GeneratorNotice({ settings, caps }: { settings: Settings; caps: Capabilities | Error | null }) {
  if (settings.engine.engine !== 'auto' || caps === null || caps instanceof Error) return null;
  return (
    <p className="muted" data-testid="generator" data-engine={caps.choice.engine}>
      {i18n.t('models.generator')}{' '}
      {i18n.t(`models.engine.${caps.choice.engine.replace('-', '')}` as 'models.engine.none')}
      {caps.choice.model ? ` · ${caps.choice.model}` : ''}
    </p>
  );
}

export type PanelSurface = 'gmail' | 'hubspot' | 'sidepanel';

/** Which site framed this panel, from its URL (`panel.html?site=gmail`). */
export function surfaceFromLocation(search: string): PanelSurface {
  const site = new URLSearchParams(search).get('site');
  return site === 'gmail' || site === 'hubspot' ? site : 'sidepanel';
}

/** The assistant panel: the same app in the Gmail and HubSpot frames and in the side panel. */
export function App({ surface }: { surface: PanelSurface }) {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [host, refreshHost] = useHostStatus();
  const caps = useCapabilities(settings.engine.model || null);
  const page = usePageState(surface !== 'sidepanel');
  // Follow Gmail's own theme when it tells us; otherwise the system's (panel.css).
  const theme = page?.site === 'gmail' ? page.theme : undefined;
  useEffect(() => {
    if (theme) document.documentElement.dataset.theme = theme;
    else delete document.documentElement.dataset.theme;
  }, [theme]);

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
      <GeneratorNotice settings={settings} caps={caps} />
      {surface === 'gmail' && page?.site === 'gmail' && (
        <GmailAssistant page={page} expect={settings.engine} generationOff={generatorOff(settings, caps)} />
      )}
      {surface === 'hubspot' && page?.site === 'hubspot' && <HubspotAssistant page={page} expect={settings.engine} />}
      {/* The free-form assistant, wherever no thread gives the panel something more specific to do. */}
      {!(page?.site === 'gmail' && page.thread) && (
        <AskBox expect={settings.engine} disabledReason={generatorOff(settings, caps)} />
      )}
    </main>
  );
}
