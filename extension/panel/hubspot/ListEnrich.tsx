import { useState } from 'react';
import { i18n } from '#i18n';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { request } from '../../messaging/client';
import type { EnrichContact } from '../../messaging/persona-methods';
import type { HubspotPageState } from '../../messaging/page-state';

/** Search results shown before they are queued. */
const SEARCH_LIMIT = 100;

/**
 * Bulk enrichment from a contact list: the contacts the page shows, or a search through the companion backend.
 * Queued contacts are worked through by the AI host; progress and review are in the side panel's Personas tab.
 */
export function ListEnrich({ page }: { page: HubspotPageState }) {
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<EnrichContact[] | null>(null);
  const visible = page.contacts ?? [];
  const portalId = page.portalId;

  const enqueue = async (contacts: EnrichContact[]) => {
    if (!portalId || contacts.length === 0) return;
    setError(null);
    try {
      const res = await request('enrich.queue', { portalId, contacts });
      setMessage(i18n.t('hubspot.enrichQueued', [String(res.queued), String(res.skipped)]));
    } catch (err) {
      setError(ProtocolError.from(err).message);
    }
  };

  const search = async () => {
    setError(null);
    try {
      const res = await request('companion.searchContacts', { query: query.trim() || undefined, limit: SEARCH_LIMIT });
      setFound(
        res.contacts.map((c) => {
          const name = [c.firstname, c.lastname].filter(Boolean).join(' ');
          const properties = Object.fromEntries(
            Object.entries({ jobtitle: c.jobtitle, company: c.company }).filter(([, v]) => v),
          ) as Record<string, string>;
          return { contactId: c.id, email: c.email, ...(name ? { name } : {}), properties };
        }),
      );
    } catch (err) {
      setError(ProtocolError.from(err).message);
    }
  };

  return (
    <section aria-labelledby="enrich-h" data-testid="list-enrich">
      <h2 id="enrich-h">{i18n.t('hubspot.enrichTitle')}</h2>
      {visible.length > 0 ? (
        <button
          type="button"
          data-testid="enrich-visible"
          onClick={() =>
            void enqueue(
              visible.map((c) => ({ contactId: c.contactId, email: c.email, ...(c.name ? { name: c.name } : {}) })),
            )
          }
        >
          {i18n.t('hubspot.enrichVisible', [String(visible.length)])}
        </button>
      ) : (
        <p className="muted">{i18n.t('hubspot.enrichNone')}</p>
      )}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <label htmlFor="enrich-search">{i18n.t('hubspot.search')}</label>
        <input
          id="enrich-search"
          value={query}
          placeholder={i18n.t('hubspot.searchPlaceholder')}
          onChange={(e) => setQuery(e.target.value)}
          maxLength={200}
        />
        <button type="submit">{i18n.t('hubspot.searchRun')}</button>
      </form>
      {found && (
        <p>
          {i18n.t('hubspot.searchResults', [String(found.length)])}{' '}
          {found.length > 0 && (
            <button type="button" data-testid="enrich-search" onClick={() => void enqueue(found)}>
              {i18n.t('hubspot.enrichResults')}
            </button>
          )}
        </p>
      )}
      {message && (
        <p role="status" data-testid="enrich-queued">
          {message}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {i18n.t('hubspot.error', [error])}
        </p>
      )}
    </section>
  );
}
