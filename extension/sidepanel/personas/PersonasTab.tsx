import { useCallback, useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { ProtocolError } from '../../../shared/common/protocol/errors';
import { request } from '../../messaging/client';
import type { EnrichStatus, PersonaView } from '../../messaging/persona-methods';
import { PersonaFields } from '../../ui/persona/PersonaFields';
import { approveAll, formatSeconds } from '../../ui/persona/persona-edit';
import { approveAndQueue } from '../../ui/persona/queue-persona';

/** How often progress is refreshed while the tab is open. */
const POLL_MS = 1_000;
/** Drafts listed for review at once. */
const REVIEW_PAGE = 50;

/**
 * Bulk enrichment in the side panel: progress (done, left, time left, failures) with pause and resume, and the
 * review of what enrichment drafted — one by one (edit, approve fields, queue) or all at once. Nothing is queued for
 * sync before a person approves it here.
 */
export default function PersonasTab() {
  const [status, setStatus] = useState<EnrichStatus | null>(null);
  const [review, setReview] = useState<{ personas: PersonaView[]; total: number } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      const [s, r] = await Promise.all([
        request('enrich.status', {}),
        request('enrich.review', { limit: REVIEW_PAGE }),
      ]);
      setStatus(s);
      // Keep the person's unsaved edits: only personas not on screen are replaced.
      setReview((old) => {
        if (!old) return r;
        const edited = new Map(old.personas.map((p) => [p.key, p]));
        return { total: r.total, personas: r.personas.map((p) => edited.get(p.key) ?? p) };
      });
    } catch (err) {
      setError(ProtocolError.from(err).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (err) {
      setError(ProtocolError.from(err).message);
    }
    await refresh();
  };

  const queueOne = async (persona: PersonaView) => {
    const res = await approveAndQueue(persona, Date.now());
    if (!res.ok) throw new Error(res.preview.detail ?? res.preview.problem ?? 'not approved');
    setReview((r) => r && { total: r.total - 1, personas: r.personas.filter((p) => p.key !== persona.key) });
  };

  const queueAll = async () => {
    let done = 0;
    let noEmail = 0;
    for (const p of review?.personas ?? []) {
      if (!p.email) {
        noEmail += 1;
        continue;
      }
      await queueOne(approveAll(p, true));
      done += 1;
    }
    setNote(
      [i18n.t('personas.reviewed', [String(done)]), noEmail ? i18n.t('personas.skippedNoEmail', [String(noEmail)]) : '']
        .filter(Boolean)
        .join(' '),
    );
  };

  const edit = (next: PersonaView) =>
    setReview((r) => r && { ...r, personas: r.personas.map((p) => (p.key === next.key ? next : p)) });

  const s = status;
  return (
    <section aria-labelledby="personas-h" data-testid="personas-tab">
      <h2 id="personas-h">{i18n.t('personas.title')}</h2>
      {s && s.total === 0 && <p className="muted">{i18n.t('personas.empty')}</p>}
      {s && s.total > 0 && (
        <div data-testid="enrich-status" data-done={s.done} data-left={s.left} data-failed={s.failed}>
          <progress max={s.total} value={s.done + s.failed} aria-label={i18n.t('personas.title')} />
          <p role="status">
            {i18n.t('personas.progress', [String(s.done), String(s.left), String(s.failed)])} ·{' '}
            {s.etaSeconds !== null && s.left > 0
              ? i18n.t('personas.eta', [formatSeconds(s.etaSeconds)])
              : s.left > 0
                ? i18n.t('personas.etaUnknown')
                : ''}
          </p>
          <div className="row">
            <button
              type="button"
              data-testid="enrich-pause"
              onClick={() => void act(() => request('enrich.setPaused', { paused: !s.paused }))}
            >
              {s.paused ? i18n.t('personas.resume') : i18n.t('personas.pause')}
            </button>
            {s.failed > 0 && (
              <button type="button" onClick={() => void act(() => request('enrich.retryFailed', {}))}>
                {i18n.t('personas.retryFailed')}
              </button>
            )}
          </div>
          {s.paused && <p className="muted">{i18n.t('personas.paused')}</p>}
          {s.failures.length > 0 && (
            <details>
              <summary>{i18n.t('personas.failures')}</summary>
              <ul>
                {s.failures.map((f) => (
                  <li key={f.jobId}>
                    {f.name ?? f.contactId}: {f.error}
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
      <h3>{i18n.t('personas.review', [String(review?.total ?? 0)])}</h3>
      {review && review.personas.length === 0 && <p className="muted">{i18n.t('personas.noReview')}</p>}
      {review && review.personas.length > 0 && (
        <button type="button" data-testid="review-approve-all" onClick={() => void act(queueAll)}>
          {i18n.t('personas.approveAllQueue')}
        </button>
      )}
      {note && <p role="status">{note}</p>}
      {error && (
        <p role="alert" className="error">
          {i18n.t('hubspot.error', [error])}
        </p>
      )}
      <ul className="review-list">
        {review?.personas.map((p) => (
          <li key={p.key} data-testid="review-item">
            <details>
              <summary>
                {p.name ?? p.email ?? p.contactId} ·{' '}
                {p.origin === 'rules' ? i18n.t('hubspot.originRules') : i18n.t('hubspot.originLlm')}
              </summary>
              <PersonaFields persona={p} onChange={edit} idPrefix={`rv-${p.contactId}`} />
              <button type="button" onClick={() => void act(() => queueOne(p))}>
                {i18n.t('personas.approveQueue')}
              </button>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}
