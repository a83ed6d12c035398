import { useEffect, useId, useState, type FormEvent } from 'react';
import { i18n } from '#i18n';
import { request } from '../messaging/client';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../storage/settings';
import { StatusLine } from '../ui/StatusLine';
import { useHostStatus } from '../ui/use-host-status';
import { ModelManager } from './ModelManager';
import { GmailChecks } from './GmailChecks';
import { CompanionSection } from './CompanionSection';
import { StyleSection } from './StyleSection';
import { PrivacySection } from './PrivacySection';

const isHttpUrl = (value: string) => {
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
};

/** Settings, AI host status and what is stored on this device. */
export function OptionsApp() {
  const ids = { url: useId(), collapsed: useId() };
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [draft, setDraft] = useState<Settings>(DEFAULT_SETTINGS);
  const [saved, setSaved] = useState(false);
  const [urlError, setUrlError] = useState(false);
  const [counts, setCounts] = useState<Record<string, number> | null>(null);
  const [host, refreshHost] = useHostStatus();

  useEffect(() => {
    void settingsItem.getValue().then((s) => (setSettings(s), setDraft(s)));
    request('store.counts', {}).then(setCounts, () => setCounts(null));
    return settingsItem.watch((s) => setSettings(s));
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!isHttpUrl(draft.companionUrl)) return setUrlError(true);
    setUrlError(false);
    // Only this form's field: the model manager and the writing group save their own.
    await settingsItem.setValue({ ...settings, companionUrl: draft.companionUrl });
    setSaved(true);
  };

  const setCollapsed = (panelCollapsed: boolean) => void settingsItem.setValue({ ...settings, panelCollapsed });

  // Grouped for a person: what runs the AI, what connects outside, how Closer writes, and what it keeps.
  return (
    <main className="panel">
      <h1>{i18n.t('options.title')}</h1>
      <section aria-labelledby="group-models" data-testid="group-models">
        <h2 id="group-models">{i18n.t('options.group.models')}</h2>
        <h3>{i18n.t('options.hostStatus')}</h3>
        <StatusLine state={host} onRetry={refreshHost} />
        <ModelManager settings={settings} />
      </section>
      <section aria-labelledby="group-connection" data-testid="group-connection">
        <h2 id="group-connection">{i18n.t('options.group.connection')}</h2>
        <form className="ask" onSubmit={save}>
          <label htmlFor={ids.url}>{i18n.t('options.companionUrl')}</label>
          <input
            id={ids.url}
            value={draft.companionUrl}
            aria-invalid={urlError}
            aria-describedby={urlError ? `${ids.url}-err` : undefined}
            onChange={(e) => (setSaved(false), setDraft({ ...draft, companionUrl: e.target.value }))}
          />
          {urlError && (
            <p id={`${ids.url}-err`} className="error" role="alert">
              {i18n.t('options.invalidUrl')}
            </p>
          )}
          <div className="row">
            <button type="submit">{i18n.t('options.save')}</button>
            {saved && <span role="status">{i18n.t('options.saved')}</span>}
          </div>
        </form>
        <CompanionSection savedUrl={settings.companionUrl} />
        <GmailChecks />
      </section>
      <section aria-labelledby="group-writing" data-testid="group-writing">
        <h2 id="group-writing">{i18n.t('options.group.writing')}</h2>
        <label>
          <input
            id={ids.collapsed}
            type="checkbox"
            checked={settings.panelCollapsed}
            onChange={(e) => setCollapsed(e.target.checked)}
          />{' '}
          {i18n.t('options.panelCollapsed')}
        </label>
        <StyleSection />
      </section>
      <PrivacySection counts={counts} />
    </main>
  );
}
