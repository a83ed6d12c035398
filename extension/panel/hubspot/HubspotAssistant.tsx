import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import { portalMismatch } from './portal-check';
import { crmName } from '../../../shared/common/persona/crm';
import type { Expectation } from '../../messaging/methods';
import type { HubspotPageState } from '../../messaging/page-state';
import { CONTACT_OBJECT_TYPE } from '../../hosts/hubspot/url';
import { ContactHistory } from './ContactHistory';
import { ListEnrich } from './ListEnrich';
import { PersonaPanel } from './PersonaPanel';
import { useContact } from './use-contact';

function ContactRecord(props: { portalId: string; contactId: string; pageEmail: string | null; expect: Expectation }) {
  const { portalId, contactId, expect } = props;
  const contact = useContact(portalId, contactId, props.pageEmail);
  if (contact.state === 'loading') return <p className="muted">{i18n.t('hubspot.contactLoading')}</p>;
  const crm = contact.contact;
  return (
    <>
      <section className="contact" aria-labelledby="hs-contact-h" data-testid="hubspot-contact">
        <h2 id="hs-contact-h" data-testid="contact-name">
          {crmName(crm)}
        </h2>
        <p className="muted">
          {[crm.properties.jobtitle, crm.properties.company, crm.email].filter(Boolean).join(' · ') ||
            i18n.t('hubspot.contactId', [contactId, portalId])}
        </p>
        {contact.state === 'unavailable' && (
          <p role="status" className="warning" data-testid="companion-error" data-reason={contact.reason}>
            {contact.reason === 'not_connected'
              ? i18n.t('hubspot.notConnected')
              : i18n.t('hubspot.companionDown', [contact.message])}
          </p>
        )}
      </section>
      <PersonaPanel key={`${portalId}:${contactId}`} contact={crm} expect={expect} />
      <ContactHistory email={crm.email} />
    </>
  );
}

/**
 * A contact record, once the sign-in is known to belong to the page's portal: on a page of another portal the
 * panel says so and reads and writes nothing (no contact read, no persona panel, no outbox item).
 */
function PortalGuard(props: { portalId: string; contactId: string; pageEmail: string | null; expect: Expectation }) {
  const [status, setStatus] = useState<{ state: string; portalId: number | null } | null | 'loading'>('loading');
  useEffect(() => {
    request('companion.status', {}).then(setStatus, () => setStatus(null));
  }, [props.portalId]);
  if (status === 'loading') return <p className="muted">{i18n.t('hubspot.contactLoading')}</p>;
  const mismatch = portalMismatch(props.portalId, status);
  if (mismatch)
    return (
      <p role="alert" className="warning" data-testid="wrong-portal">
        {i18n.t('hubspot.wrongPortal', [mismatch.page, mismatch.signedIn])}
      </p>
    );
  return <ContactRecord {...props} />;
}

/** The panel on HubSpot pages: a contact record's persona, or bulk enrichment on a contact list. */
export function HubspotAssistant({ page, expect }: { page: HubspotPageState; expect: Expectation }) {
  const body = (() => {
    if (page.view === 'list' && page.objectTypeId === CONTACT_OBJECT_TYPE) return <ListEnrich page={page} />;
    if (page.view === 'record' && page.portalId && page.recordId) {
      if (page.objectTypeId !== CONTACT_OBJECT_TYPE) return <p className="muted">{i18n.t('hubspot.notContact')}</p>;
      return (
        <PortalGuard
          key={`${page.portalId}:${page.recordId}`}
          portalId={page.portalId}
          contactId={page.recordId}
          pageEmail={page.recordEmail ?? null}
          expect={expect}
        />
      );
    }
    return <p className="muted">{i18n.t('hubspot.otherPage')}</p>;
  })();
  return <div data-testid="hubspot-assistant">{body}</div>;
}
