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
    // Only this form's fields: the model manager saves the engine choice itself.
    await settingsItem.setValue({
      ...settings,
      companionUrl: draft.companionUrl,
      panelCollapsed: draft.panelCollapsed,
    });
    setSaved(true);
  };

  return (
    <main className="panel">
      <h1>{i18n.t('options.title')}</h1>
      <section>
        <h2>{i18n.t('options.hostStatus')}</h2>
        <StatusLine state={host} onRetry={refreshHost} />
      </section>
      <ModelManager settings={settings} />
      <GmailChecks />
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
        <label>
          <input
            id={ids.collapsed}
            type="checkbox"
            checked={draft.panelCollapsed}
            onChange={(e) => (setSaved(false), setDraft({ ...draft, panelCollapsed: e.target.checked }))}
          />{' '}
          {i18n.t('options.panelCollapsed')}
        </label>
        <div className="row">
          <button type="submit">{i18n.t('options.save')}</button>
          {saved && <span role="status">{i18n.t('options.saved')}</span>}
        </div>
      </form>
      <CompanionSection savedUrl={settings.companionUrl} />
      <StyleSection />
      <section>
        <h2>{i18n.t('options.storage')}</h2>
        {counts && (
          <ul data-testid="store-counts">
            {Object.entries(counts).map(([name, n]) => (
              <li key={name}>
                {name}: {n}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
