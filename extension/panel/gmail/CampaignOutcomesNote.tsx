import { i18n } from '#i18n';
import type { GmailPageState } from '../../messaging/page-state';
import type { Analysis } from './use-analysis';
import { useCampaignOutcomes } from './use-campaign-outcomes';

/** Runs reply detection for the open thread and says what it recorded (nothing shows for untagged threads). */
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
  if (error)
    return (
      <p className="error" role="alert">
        {i18n.t('campaigns.replies.error', [error])}
      </p>
    );
  if (recorded === 0) return null;
  return (
    <p className="muted" role="status" data-testid="campaign-outcomes" data-recorded={recorded}>
      {i18n.t('campaigns.replies.recorded', [String(recorded)])}
    </p>
  );
}
