import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import { ScoreDetails, type DraftScore } from '../../ui/ScoreDetails';
import { useLatest } from '../../ui/use-latest';
import type { GmailPageState } from '../../messaging/page-state';

type Score = DraftScore;
/** Pause in typing before the draft is checked again. */
const DEBOUNCE_MS = 400;

/**
 * Checks what the rep is writing in any Gmail compose as they type (debounced, computed in the AI host): the
 * explainable score, and claims nothing in the grounding supports, each a click away from its place. A reply is
 * grounded on its thread and the product facts; a new message on the product facts, the CRM and the persona.
 */
export function LiveScore({
  compose,
  subject: fallbackSubject,
  recipientName,
  grounding,
}: {
  compose: GmailPageState['composes'][number] | undefined;
  /** The subject when the compose has none of its own (an inline reply keeps the thread's). */
  subject: string;
  recipientName: string | undefined;
  grounding: string[];
}) {
  const [score, setScore] = useState<Score | null>(null);
  const [error, setError] = useState<string | null>(null);
  const body = compose?.bodyText ?? '';
  const subject = compose?.subject || fallbackSubject;
  const latestGrounding = useLatest(grounding);
  const groundingKey = grounding.join('\n');

  useEffect(() => {
    if (!body.trim()) return setScore(null);
    const grounding = latestGrounding.current;
    const timer = setTimeout(() => {
      request('host.scoreDraft', {
        subject,
        body,
        grounding,
        recipient: recipientName ? { name: recipientName } : undefined,
      }).then(
        (s) => (setScore(s), setError(null)),
        (err: unknown) => setError(err instanceof Error ? err.message : String(err)),
      );
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // Re-check when the text changes, not on each new array.
  }, [body, subject, recipientName, groundingKey, latestGrounding]);

  return (
    <section aria-labelledby="score-h" data-testid="live-score">
      <h2 id="score-h">{i18n.t('score.title')}</h2>
      {!score && !error && <p className="muted">{i18n.t('score.waiting')}</p>}
      {error && (
        <p className="error" role="alert">
          {i18n.t('panel.error.generic', [error])}
        </p>
      )}
      {score && (
        <ScoreDetails
          score={score}
          Heading="h3"
          labels={{
            total: i18n.t('score.total', [String(Math.round(score.total))]),
            claims: i18n.t('score.claims'),
            noClaims: i18n.t('score.noClaims'),
          }}
          testIds={{ total: 'score-total', claims: 'unsupported-claims', criteria: 'criteria' }}
          claimAction={
            compose
              ? (c) => (
                  <button
                    type="button"
                    onClick={() => void request('page.selectText', { composeIndex: compose.index, text: c.text })}
                  >
                    {i18n.t('score.show')}
                  </button>
                )
              : undefined
          }
        />
      )}
    </section>
  );
}
