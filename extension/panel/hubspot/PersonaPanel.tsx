import { useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import type { CrmContact } from '../../../shared/common/persona/crm';
import { crmName } from '../../../shared/common/persona/crm';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { request } from '../../messaging/client';
import type { Expectation } from '../../messaging/methods';
import type { PersonaView } from '../../messaging/persona-methods';
import { PersonaFields } from '../../ui/persona/PersonaFields';
import { approveAll, fieldNames, previewUpsert, withoutEmpty } from '../../ui/persona/persona-edit';
import { approveAndQueue } from '../../ui/persona/queue-persona';

type BuildState =
  | { kind: 'idle' }
  | { kind: 'building'; requestId: string; startedAt: number }
  | { kind: 'error'; message: string; errorKind: string };

/**
 * The persona of the contact on screen: build or refresh it on the device (with progress and cancel), edit and
 * approve fields, see exactly what would leave the device, then queue it for sync.
 */
export function PersonaPanel({ contact, expect }: { contact: CrmContact; expect: Expectation }) {
  const [persona, setPersona] = useState<PersonaView | null>(null);
  const [build, setBuild] = useState<BuildState>({ kind: 'idle' });
  const [elapsed, setElapsed] = useState(0);
  const [queued, setQueued] = useState<string | null>(null);
  const [queueError, setQueueError] = useState<string | null>(null);
  // Fixed when the preview is first shown for this set of approvals, so the previewed key is the queued key.
  const approvedAt = useRef(Date.now());

  useEffect(() => {
    let live = true;
    void request('persona.get', { portalId: contact.portalId, contactId: contact.contactId }).then(
      (p) => live && setPersona(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [contact.portalId, contact.contactId]);

  useEffect(() => {
    if (build.kind !== 'building') return;
    const timer = setInterval(() => setElapsed(Math.round((Date.now() - build.startedAt) / 1000)), 500);
    return () => clearInterval(timer);
  }, [build]);

  const change = (next: PersonaView) => {
    setPersona(next);
    setQueued(null);
    approvedAt.current = Date.now();
    void request('persona.save', { persona: withoutEmpty({ ...next, status: 'draft' }) }).catch(() => undefined);
  };

  const start = async () => {
    const requestId = crypto.randomUUID();
    setBuild({ kind: 'building', requestId, startedAt: Date.now() });
    setElapsed(0);
    setQueued(null);
    try {
      const res = await request(
        'host.buildPersona',
        { requestId, contact: { ...contact, name: crmName(contact) }, expect, fallback: 'rules' },
        { timeoutMs: 300_000 },
      );
      if (res.ok) {
        setPersona(res.persona);
        approvedAt.current = Date.now();
        setBuild({ kind: 'idle' });
      } else setBuild({ kind: 'error', message: res.error.message, errorKind: res.error.kind });
    } catch (err) {
      setBuild({ kind: 'error', message: ProtocolError.from(err).message, errorKind: 'engine' });
    }
  };

  const cancel = () => {
    if (build.kind === 'building') void request('host.cancelPersona', { requestId: build.requestId });
  };

  const queue = async () => {
    if (!persona) return;
    setQueueError(null);
    try {
      const res = await approveAndQueue(persona, approvedAt.current);
      if (res.ok) {
        setQueued(res.outboxId);
        setPersona({ ...withoutEmpty(persona), status: 'approved', approvedAt: approvedAt.current });
      }
    } catch (err) {
      setQueueError(ProtocolError.from(err).message);
    }
  };

  const preview = persona ? previewUpsert(withoutEmpty(persona), approvedAt.current) : null;
  const building = build.kind === 'building';
  const allApproved = persona ? fieldNames(persona).every((n) => persona.fields[n]?.approved) : false;

  return (
    <section aria-labelledby="persona-h" data-testid="persona-panel">
      <h2 id="persona-h">{i18n.t('hubspot.title')}</h2>
      <div className="row">
        <button type="button" data-testid="persona-build" onClick={() => void start()} disabled={building}>
          {persona ? i18n.t('hubspot.refresh') : i18n.t('hubspot.build')}
        </button>
        {building && (
          <button type="button" data-testid="persona-cancel" onClick={cancel}>
            {i18n.t('hubspot.cancel')}
          </button>
        )}
      </div>
      {building && (
        <p role="status" data-testid="persona-progress">
          <progress aria-label={i18n.t('hubspot.building', [String(elapsed)])} />{' '}
          {i18n.t('hubspot.building', [String(elapsed)])}
        </p>
      )}
      {build.kind === 'error' && (
        <p role="alert" className="error" data-testid="persona-error" data-kind={build.errorKind}>
          {build.message}
        </p>
      )}
      {!persona && !building && <p className="muted">{i18n.t('hubspot.noPersona')}</p>}
      {persona && (
        <>
          <p className="muted" data-testid="persona-origin" data-origin={persona.origin}>
            {persona.origin === 'rules' ? i18n.t('hubspot.rulesNotice') : i18n.t('hubspot.originLlm')} ·{' '}
            {persona.status === 'approved' ? i18n.t('hubspot.statusApproved') : i18n.t('hubspot.statusDraft')}
          </p>
          <button type="button" data-testid="approve-all" onClick={() => change(approveAll(persona, !allApproved))}>
            {allApproved ? i18n.t('hubspot.unapproveAll') : i18n.t('hubspot.approveAll')}
          </button>
          <PersonaFields persona={persona} onChange={change} />
          <h3>{i18n.t('hubspot.preview')}</h3>
          {preview?.item ? (
            <>
              <p className="muted">{i18n.t('hubspot.previewHint', [String(preview.redactions)])}</p>
              <pre data-testid="send-preview" tabIndex={0}>
                {JSON.stringify(preview.item, null, 2)}
              </pre>
              <button type="button" data-testid="persona-queue" onClick={() => void queue()}>
                {i18n.t('hubspot.queue')}
              </button>
            </>
          ) : (
            <p className="muted" data-testid="send-preview-empty">
              {preview?.problem === 'no_email'
                ? i18n.t('hubspot.noEmail')
                : preview?.problem === 'invalid'
                  ? i18n.t('hubspot.invalid', [preview.detail ?? ''])
                  : i18n.t('hubspot.nothingApproved')}
            </p>
          )}
          {queued && (
            <p role="status" data-testid="queue-status">
              {i18n.t('hubspot.queued', [queued])}
            </p>
          )}
          {queueError && (
            <p role="alert" className="error" data-testid="queue-error">
              {i18n.t('hubspot.queueFailed', [queueError])}
            </p>
          )}
        </>
      )}
    </section>
  );
}
