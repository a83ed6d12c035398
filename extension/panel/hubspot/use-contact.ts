import { useEffect, useState } from 'react';
import { CrmEngagementSchema, type CrmContact } from '../../../shared/common/persona/crm';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { request } from '../../messaging/client';

export type ContactState =
  | { state: 'loading' }
  | { state: 'ready'; contact: CrmContact }
  /** The record could not be had; `contact` holds what the URL says, so building still works. */
  | { state: 'unavailable'; reason: 'not_connected' | 'down'; message: string; contact: CrmContact };

/**
 * Loads the contact's CRM record through the companion backend; without it, falls back to what the page shows (ids
 * from the URL, the e-mail the record displays).
 */
export function useContact(portalId: string, contactId: string, pageEmail: string | null): ContactState {
  const [state, setState] = useState<ContactState>({ state: 'loading' });
  useEffect(() => {
    let live = true;
    setState({ state: 'loading' });
    const bare: CrmContact = { portalId, contactId, email: pageEmail, properties: {}, engagements: [] };
    request('companion.contact', { contactId }, { timeoutMs: 20_000 }).then(
      (c) => {
        if (!live) return;
        const engagements = CrmEngagementSchema.array()
          .max(50)
          .safeParse((c as { engagements?: unknown }).engagements);
        setState({
          state: 'ready',
          contact: {
            portalId,
            contactId,
            email: c.properties.email ?? pageEmail,
            properties: c.properties,
            engagements: engagements.success ? engagements.data : [],
          },
        });
      },
      (err: unknown) => {
        if (!live) return;
        const e = ProtocolError.from(err);
        const reason = /not_connected|unauthorized/.test(e.message) ? 'not_connected' : 'down';
        setState({ state: 'unavailable', reason, message: e.message, contact: bare });
      },
    );
    return () => {
      live = false;
    };
  }, [portalId, contactId, pageEmail]);
  return state;
}
