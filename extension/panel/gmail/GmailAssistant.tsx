import { useState } from 'react';
import { i18n } from '#i18n';
import type { Expectation } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { DraftComposer } from './DraftComposer';
import { LiveScore } from './LiveScore';
import { ThreadView } from './ThreadView';
import { ThreadSummary } from './ThreadSummary';
import { ContactCard } from './ContactCard';
import { useThreadAnalysis } from './use-analysis';
import { splitFacts } from './thread-context';
import { CampaignOutcomesNote } from './CampaignOutcomesNote';
import { layoutFaults } from '../../ui/gmail-feature-name';

/** The rep's daily job in Gmail: understand the thread, draft and check the reply, insert it. */
export function GmailAssistant({
  page,
  expect,
  generationOff,
}: {
  page: GmailPageState;
  expect: Expectation;
  generationOff: string | null;
}) {
  const { byId, error, refresh } = useThreadAnalysis(page.thread);
  const [facts, setFacts] = useState('');
  const off = layoutFaults(page.checks);
  const thread = page.thread;
  const other = thread?.messages.findLast((m) => m.from.email !== thread.selfEmail);
  const compose = page.composes.find((c) => c.kind === 'inline' || c.kind === 'reply') ?? page.composes[0];
  return (
    <>
      {off.length > 0 && (
        <p className="muted" role="note" data-testid="features-off">
          {i18n.t('gmail.featuresOff', [off.join(', ')])}
        </p>
      )}
      {!thread && (
        <p className="muted" data-testid="no-thread">
          {i18n.t('gmail.noThread')}
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {i18n.t('gmail.analysisError', [error])}
        </p>
      )}
      {thread && (
        <>
          <ContactCard thread={thread} analysis={byId} />
          <ThreadSummary thread={thread} expect={expect} disabledReason={generationOff} />
          <CampaignOutcomesNote thread={thread} analysis={byId} analysisFailed={error !== null} />
          <ThreadView thread={thread} analysis={byId} onCorrected={refresh} />
          <DraftComposer
            thread={thread}
            composes={page.composes}
            expect={expect}
            disabledReason={generationOff}
            facts={facts}
            onFactsChange={setFacts}
          />
          <LiveScore compose={compose} thread={thread} recipientName={other?.from.name} facts={splitFacts(facts)} />
        </>
      )}
    </>
  );
}
