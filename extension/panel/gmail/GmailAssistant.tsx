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
import { draftGrounding, splitFacts } from './thread-context';
import { CampaignOutcomesNote } from './CampaignOutcomesNote';
import { replyModeFor } from './compose-context';
import { NewMessageAssistant } from './NewMessageAssistant';
import { RewriteTool } from './RewriteTool';

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
  const off = page.checks.filter((c) => !c.ok).map((c) => c.feature);
  const thread = page.thread;
  const other = thread?.messages.findLast((m) => m.from.email !== thread.selfEmail);
  const compose = page.composes.find((c) => c.kind === 'inline' || c.kind === 'reply') ?? page.composes[0];
  // Without a thread (the inbox, a pop-out window), the assistant works on a compose: a new message first.
  const standalone = thread ? undefined : (page.composes.find((c) => c.kind === 'new') ?? page.composes[0]);
  const latest = other ? byId.get(other.id) : undefined;
  return (
    <>
      {off.length > 0 && (
        <p className="muted" role="note" data-testid="features-off">
          {i18n.t('gmail.featuresOff', [off.join(', ')])}
        </p>
      )}
      {!thread && !standalone && (
        <p className="muted" data-testid="no-thread">
          {i18n.t('gmail.noThread')}
        </p>
      )}
      {standalone && (
        <NewMessageAssistant
          key={standalone.index}
          compose={standalone}
          expect={expect}
          disabledReason={generationOff}
          shortcut={page.rewriteRequest}
        />
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
            suggestedMode={replyModeFor(latest?.intent?.label, latest?.sentiment?.label)}
          />
          {compose && (
            <RewriteTool
              compose={compose}
              expect={expect}
              disabledReason={generationOff}
              shortcut={page.rewriteRequest}
            />
          )}
          <LiveScore
            compose={compose}
            subject={thread.subject}
            recipientName={other?.from.name}
            grounding={draftGrounding(thread, splitFacts(facts))}
          />
        </>
      )}
    </>
  );
}
