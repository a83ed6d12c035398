import { logger } from '@hubspot/ui-extensions';
import { useCallback, useEffect, useState } from 'react';
import { type Persona, PersonaResponseSchema } from '../types/persona.ts';
import { BackendError, type BackendErrorKind, fetchFromBackend } from '../utils/fetchFromBackend.ts';

export type PersonaState =
  | { status: 'loading' }
  | { status: 'empty' }
  | { status: 'ready'; persona: Persona }
  | { status: 'error'; kind: BackendErrorKind | 'no-record' };

/**
 * Loads the persona of one contact. `reload` starts over (the error state's retry button); an answer that arrives
 * after the contact changed or the card unmounted is dropped.
 */
export function usePersona(contactId: number | string | undefined): { state: PersonaState; reload: () => void } {
  const [state, setState] = useState<PersonaState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (contactId === undefined || contactId === '') {
      setState({ status: 'error', kind: 'no-record' });
      return;
    }
    let current = true;
    setState({ status: 'loading' });
    // hubspot.fetch signs the request and adds portalId (and the user) to the query; the backend checks both.
    const path = `/v1/card/persona?objectId=${encodeURIComponent(String(contactId))}`;
    fetchFromBackend(path, PersonaResponseSchema)
      .then((response) => {
        if (current) setState(response.persona ? { status: 'ready', persona: response.persona } : { status: 'empty' });
      })
      .catch((error: unknown) => {
        const kind = error instanceof BackendError ? error.kind : 'network';
        logger.error(`Persona lookup failed for contact ${String(contactId)}: ${String(error)}`);
        if (current) setState({ status: 'error', kind });
      });
    return () => {
      current = false;
    };
  }, [contactId, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
