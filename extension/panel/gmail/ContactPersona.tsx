import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';

type LocalPersona = ResultOf<Methods, 'persona.byEmail'>;
type Synced = ResultOf<Methods, 'companion.summary'>;

/** Key facts first: what a rep needs before replying. */
const KEY_FIELDS = ['role', 'segment', 'buyingStage', 'preferredTone', 'preferredChannel', 'painPoints'] as const;

/**
 * The persona behind an address: the one built on this device (approved fields marked) and the one the team synced
 * to HubSpot through the companion backend. Both are optional; without a connection only the local one shows.
 */
export function ContactPersona({ email }: { email: string }) {
  return <ContactPersonaView {...useContactPersona(email)} />;
}

/** The local persona and the synced summary of an address; `synced` is 'offline' when the companion is unreachable. */
export function useContactPersona(email: string): { local: LocalPersona; synced: Synced | 'offline' } {
  const [local, setLocal] = useState<LocalPersona>(null);
  const [synced, setSynced] = useState<Synced | 'offline'>(null);
  useEffect(() => {
    let live = true;
    setLocal(null);
    setSynced(null);
    request('persona.byEmail', { email }).then(
      (p) => live && setLocal(p),
      () => undefined,
    );
    request('companion.summary', { email }, { timeoutMs: 10_000 }).then(
      (s) => live && setSynced(s),
      // Not connected or backend down: the card says so quietly; everything local keeps working.
      () => live && setSynced('offline'),
    );
    return () => {
      live = false;
    };
  }, [email]);
  return { local, synced };
}

export function ContactPersonaView({ local, synced }: { local: LocalPersona; synced: Synced | 'offline' }) {
  const facts = local
    ? KEY_FIELDS.flatMap((name) => {
        const field = local.fields[name];
        return field ? [{ name, ...field }] : [];
      })
    : [];
  return (
    <div className="contact-persona" data-testid="contact-persona">
      {facts.length > 0 && (
        <dl>
          {facts.map((f) => (
            <div key={f.name} data-field={f.name} data-approved={f.approved}>
              <dt>{i18n.t(`hubspot.field.${f.name}` as 'hubspot.field.role')}</dt>
              <dd>
                {f.value}
                {!f.approved && <span className="muted"> · {i18n.t('gmail.persona.notApproved')}</span>}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {synced && synced !== 'offline' && synced.persona && (
        <p data-testid="synced-persona">
          {i18n.t('gmail.persona.synced', [synced.persona.label, `${Math.round(synced.persona.confidence * 100)}%`])}
        </p>
      )}
      {synced === 'offline' && facts.length === 0 && <p className="muted">{i18n.t('gmail.persona.none')}</p>}
    </div>
  );
}
