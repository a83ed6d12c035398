import { useEffect, useState } from 'react';
import { i18n } from '#i18n';
import { request } from '../../messaging/client';
import type { GmailPageState } from '../../messaging/page-state';
import type { Analysis } from './use-analysis';
import { useCampaignOutcomes } from './use-campaign-outcomes';

type Waiting = { eventId: string; type: string; contactId: string; at: number };

/**
 * Runs reply detection for the open thread and says what it recorded (nothing shows for untagged threads). An
 * unsubscribe or not-interested outcome waits here for the rep to confirm it before it syncs to HubSpot.
 */
export function CampaignOutcomesNote({
  thread,
  analysis,
  analysisFailed,
}: {
  thread: NonNullable<GmailPageState['thread']>;
  analysis: Map<string, Analysis>;
  analysisFailed: boolean;
}) {
  const { recorded, error } = useCampaignOutcomes(thread, analysis, analysisFailed);
  const [waiting, setWaiting] = useState<Waiting[]>([]);
  const [decideError, setDecideError] = useState<string | null>(null);
  useEffect(() => {
    void request('campaign.pendingConfirmations', { threadId: thread.threadId }).then(setWaiting, () => setWaiting([]));
  }, [thread.threadId, recorded]);
  const decide = (eventId: string, confirm: boolean) =>
    void request('campaign.confirmOutcome', { eventId, confirm }).then(
      () => setWaiting((w) => w.filter((x) => x.eventId !== eventId)),
      (err: unknown) => setDecideError(err instanceof Error ? err.message : String(err)),
    );
  const problem = error ?? decideError;
  return (
    <>
      {problem && (
        <p className="error" role="alert">
          {i18n.t('campaigns.replies.error', [problem])}
        </p>
      )}
      {recorded > 0 && (
        <p className="muted" role="status" data-testid="campaign-outcomes" data-recorded={recorded}>
          {i18n.t('campaigns.replies.recorded', [String(recorded)])}
        </p>
      )}
      {waiting.map((w) => (
        <div key={w.eventId} role="group" data-testid="outcome-confirm" data-type={w.type}>
          <p>
            {i18n.t(
              w.type === 'unsubscribe'
                ? 'campaigns.replies.confirmUnsubscribe'
                : 'campaigns.replies.confirmNotInterested',
              [w.contactId],
            )}
          </p>
          <button type="button" onClick={() => decide(w.eventId, true)}>
            {i18n.t('campaigns.replies.confirm')}
          </button>{' '}
          <button type="button" onClick={() => decide(w.eventId, false)}>
            {i18n.t('campaigns.replies.dismiss')}
          </button>
        </div>
      ))}
    </>
  );
}
