import { useCallback, useEffect, useRef, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { GmailPageState } from '../../messaging/page-state';

/**
 * A follow-up the rep reviewed in the side panel and sent here ("Insert into the reply in Gmail"): inserted into the
 * thread's open reply as soon as there is one, never sent. Without an open reply the panel says so and offers the
 * insert again.
 */
export function FollowUpReady({ page }: { page: GmailPageState }) {
  const threadId = page.thread?.threadId ?? null;
  const [pending, setPending] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const compose = page.composes.find((c) => c.kind === 'inline' || c.kind === 'reply') ?? null;
  // One insert at a time: the page publishes again while an insert is under way, and must not insert twice.
  const busy = useRef(false);

  // Asked again on every page publish: the side panel asks the page to publish after it leaves a follow-up here.
  useEffect(() => {
    if (!threadId) return setPending(null);
    let live = true;
    request('followups.pending', { threadId }).then(
      (p) => live && setPending(p?.text ?? null),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [threadId, page]);

  const insert = useCallback(async () => {
    if (!threadId || !pending || busy.current) return;
    if (!compose) return setNotice(i18n.t('draft.noCompose'));
    busy.current = true;
    try {
      const res = await request('page.insertDraft', {
        composeIndex: compose.index,
        text: pending,
        replaceSelection: false,
      }).catch((err: unknown) => ({ ok: false, reason: err instanceof Error ? err.message : String(err) }));
      if (!res.ok) {
        // Not inserted: the text waits on the clipboard too, and stays pending for another try.
        await navigator.clipboard.writeText(pending).catch(() => undefined);
        return setNotice(i18n.t('draft.copied', [res.reason ?? 'unknown']));
      }
      await request('followups.inserted', { threadId });
      setPending(null);
      setNotice(i18n.t('followups.inserted'));
    } finally {
      busy.current = false;
    }
  }, [threadId, pending, compose]);

  // The rep asked for this insert in the side panel: do it once the reply is open.
  // Once per follow-up: after a failure the rep retries with the button.
  const composeIndex = compose?.index ?? null;
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!pending || composeIndex === null || tried.current === pending) return;
    tried.current = pending;
    void insert();
  }, [pending, composeIndex, insert]);

  if (!pending && !notice) return null;
  return (
    <section className="ask" data-testid="followup-ready" aria-live="polite">
      {pending && (
        <>
          <p>{i18n.t('followups.ready')}</p>
          <button type="button" onClick={() => void insert()} data-testid="followup-insert-here">
            {i18n.t('followups.insertNow')}
          </button>
        </>
      )}
      {notice && (
        <p role="status" data-testid="followup-notice">
          {notice}
        </p>
      )}
    </section>
  );
}
