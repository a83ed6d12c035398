import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { DEFAULT_SETTINGS, settingsItem, type Settings } from '../storage/settings';
import { ModelManager } from './ModelManager';

/**
 * The first-run page, opened when the extension is installed: what runs where, a model that fits this device (or
 * what works without one), HubSpot if wanted, then Gmail.
 */
export function WelcomeApp() {
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  useEffect(() => {
    void settingsItem.getValue().then(setSettings);
    return settingsItem.watch((s) => setSettings(s));
  }, []);
  return (
    <main className="panel" data-testid="welcome">
      <h1>{i18n.t('welcome.title')}</h1>
      <p>{i18n.t('welcome.intro')}</p>
      <section aria-labelledby="welcome-where" data-testid="welcome-where">
        <h2 id="welcome-where">{i18n.t('welcome.where.title')}</h2>
        <ul>
          <li>
            <strong>{i18n.t('welcome.where.deviceName')}</strong> {i18n.t('welcome.where.device')}
          </li>
          <li>
            <strong>{i18n.t('welcome.where.backendName')}</strong> {i18n.t('welcome.where.backend')}
          </li>
          <li>
            <strong>{i18n.t('welcome.where.hubspotName')}</strong> {i18n.t('welcome.where.hubspot')}
          </li>
        </ul>
      </section>
      <section aria-labelledby="welcome-model" data-testid="welcome-model">
        <h2 id="welcome-model">{i18n.t('welcome.model.title')}</h2>
        <p>{i18n.t('welcome.model.withoutOne')}</p>
        <ModelManager settings={settings} />
      </section>
      <section aria-labelledby="welcome-hubspot" data-testid="welcome-hubspot">
        <h2 id="welcome-hubspot">{i18n.t('welcome.hubspot.title')}</h2>
        <p>{i18n.t('welcome.hubspot.text')}</p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {i18n.t('welcome.hubspot.open')}
        </button>
      </section>
      <section aria-labelledby="welcome-gmail" data-testid="welcome-gmail">
        <h2 id="welcome-gmail">{i18n.t('welcome.gmail.title')}</h2>
        <p>{i18n.t('welcome.gmail.text')}</p>
        <a href="https://mail.google.com/" target="_blank" rel="noreferrer">
          {i18n.t('welcome.gmail.open')}
        </a>
      </section>
    </main>
  );
}
