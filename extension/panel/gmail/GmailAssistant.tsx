import { useMemo, useState } from 'react';
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
import { FoldedNote } from './FoldedNote';
import { readableThread } from './readable-thread';
import { FollowUpReady } from './FollowUpReady';
import { useStyleProfile } from './use-style';
import { usableStyle } from '../../../shared/common/style';
import { layoutFaults } from '../../ui/gmail-feature-name';
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
  // Collapsed messages' text recovered from the quoted history, signatures apart: what every part below reads.
  const thread = useMemo(() => (page.thread ? readableThread(page.thread) : null), [page.thread]);
  const { byId, error, refresh } = useThreadAnalysis(thread);
  const [facts, setFacts] = useState('');
  const off = layoutFaults(page.checks);
  // The style learner reads the rep's messages as Gmail shows them: collapsed rows carry no text of their own.
  const style = useStyleProfile(page.thread);
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
          <FollowUpReady page={page} />
          <ContactCard thread={thread} analysis={byId} />
          <ThreadSummary thread={thread} expect={expect} disabledReason={generationOff} />
          <CampaignOutcomesNote thread={thread} analysis={byId} analysisFailed={error !== null} />
          {thread.folded > 0 && <FoldedNote count={thread.folded} />}
          <ThreadView thread={thread} analysis={byId} onCorrected={refresh} />
          <DraftComposer
            thread={thread}
            composes={page.composes}
            expect={expect}
            disabledReason={generationOff}
            facts={facts}
            onFactsChange={setFacts}
            style={style.enabled ? usableStyle(style.profile) : null}
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
