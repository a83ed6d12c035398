import { useEffect, useRef, useState } from 'react';
import { classifyReply } from '../../../shared/common/campaigns';
import { request } from '../../messaging/client';
import type { GmailPageState } from '../../messaging/page-state';
import type { ObservedOutcome } from '../../messaging/campaign-methods';
import { useLatest } from '../../ui/use-latest';
import type { Analysis } from './use-analysis';
import { pickReplies } from './campaign-replies';

/**
 * Reply detection: when a thread with a tagged send is open again, the messages after the send that the rep did not
 * write are classified on this device (rules, then the host's intent and sentiment) and recorded once each as
 * campaign outcomes. Only labels go to the worker, never the text.
 */
export function useCampaignOutcomes(
  thread: GmailPageState['thread'],
  analysis: Map<string, Analysis>,
  analysisFailed: boolean,
): { recorded: number; error: string | null } {
  const [recorded, setRecorded] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const done = useRef(new Set<string>());
  const busy = useRef(false);
  // A change that arrives while a pass is running schedules one more pass instead of being lost.
  const pending = useRef(false);
  const [tick, setTick] = useState(0);
  const key = thread ? `${thread.threadId}|${thread.messages.map((m) => m.id).join(',')}|${analysis.size}` : '';
  const latest = useLatest({ thread, analysis });

  useEffect(() => {
    const { thread, analysis } = latest.current;
    if (!thread) return;
    if (busy.current) {
      pending.current = true;
      return;
    }
    busy.current = true;
    void (async () => {
      const status = await request('campaign.threadStatus', { threadId: thread.threadId });
      if (status.sends.length === 0) return;
      const skip = new Set([...status.recordedMessageIds, ...done.current]);
      const firstSend = status.sends[0]?.at ?? Infinity;
      const candidates = pickReplies(thread, firstSend, skip);
      // Wait for the on-device analysis unless it failed: then the rules alone decide.
      if (!analysisFailed && candidates.some((m) => !analysis.has(m.id))) return;
      const messages: ObservedOutcome[] = candidates.map((m) => {
        const a = analysis.get(m.id);
        const c = classifyReply({
          fromEmail: m.from.email,
          fromName: m.from.name,
          text: m.bodyText,
          intent: a?.intent?.label ?? null,
          sentiment: a?.sentiment?.label ?? null,
        });
        return {
          messageId: m.id,
          fromEmail: m.from.email,
          at: m.at,
          outcomes: c.outcomes,
          ...(a?.sentiment ? { sentiment: a.sentiment.label } : {}),
          ...(a?.intent ? { intent: a.intent.label.slice(0, 64) } : {}),
        };
      });
      if (messages.length === 0) return;
      const res = await request('campaign.recordOutcomes', { threadId: thread.threadId, messages });
      for (const m of messages) done.current.add(m.messageId);
      setRecorded((n) => n + res.recorded);
      setError(null);
    })()
      .catch((err: unknown) => setError(err instanceof Error ? err.message : String(err)))
      .finally(() => {
        busy.current = false;
        if (pending.current) {
          pending.current = false;
          setTick((t) => t + 1);
        }
      });
    // `key` captures the thread's messages and how much analysis has arrived.
  }, [key, analysisFailed, tick, latest]);

  return { recorded, error };
}
