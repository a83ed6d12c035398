import { i18n } from '#i18n';
import { browser } from 'wxt/browser';
import { STORE_NAMES } from '../storage/schema';
import { PRIVACY_POLICY } from '../../shared/common/store/privacy-policy';

type StoreName = (typeof STORE_NAMES)[number];

/** One store's count in plain words ("312 analysed messages"), never the store's internal name. */
function storedText(name: StoreName, n: number): string {
  const count = String(n);
  switch (name) {
    case 'contacts':
      return i18n.t('options.stored.contacts', [count]);
    case 'personas':
      return i18n.t('options.stored.personas', [count]);
    case 'messages':
      return i18n.t('options.stored.messages', [count]);
    case 'drafts':
      return i18n.t('options.stored.drafts', [count]);
    case 'campaigns':
      return i18n.t('options.stored.campaigns', [count]);
    case 'events':
      return i18n.t('options.stored.events', [count]);
    case 'outbox':
      return i18n.t('options.stored.outbox', [count]);
    case 'models':
      return i18n.t('options.stored.models', [count]);
    case 'ledger':
      return i18n.t('options.stored.ledger', [count]);
    case 'enrichJobs':
      return i18n.t('options.stored.enrichJobs', [count]);
    case 'catalogue':
      return i18n.t('options.stored.catalogue', [count]);
    case 'library':
      return i18n.t('options.stored.library', [count]);
    case 'style':
      return i18n.t('options.stored.style', [count]);
    case 'styleSamples':
      return i18n.t('options.stored.styleSamples', [count]);
    case 'followups':
      return i18n.t('options.stored.followups', [count]);
  }
}

/** What is stored on this device, in words, and the privacy policy (the same text the backend serves at /privacy). */
export function PrivacySection({ counts }: { counts: Record<string, number> | null }) {
  const policy = PRIVACY_POLICY[browser.i18n.getUILanguage().toLowerCase().startsWith('zh') ? 'zh_CN' : 'en'];
  const stored = STORE_NAMES.filter((name) => (counts?.[name] ?? 0) > 0);
  return (
    <section aria-labelledby="group-privacy" data-testid="group-privacy">
      <h2 id="group-privacy">{i18n.t('options.group.privacy')}</h2>
      <p className="muted">{i18n.t('options.privacyIntro')}</p>
      {counts && stored.length === 0 && <p>{i18n.t('options.privacyEmpty')}</p>}
      {counts && stored.length > 0 && (
        <ul data-testid="store-counts">
          {stored.map((name) => (
            <li key={name}>{storedText(name, counts[name] ?? 0)}</li>
          ))}
        </ul>
      )}
      <details data-testid="privacy-policy">
        <summary>{i18n.t('options.privacyPolicy')}</summary>
        <p className="muted">{policy.updated}</p>
        {policy.sections.map((s) => (
          <div key={s.heading}>
            <h3>{s.heading}</h3>
            {s.paragraphs.map((p) => (
              <p key={p}>{p}</p>
            ))}
          </div>
        ))}
      </details>
    </section>
  );
}
