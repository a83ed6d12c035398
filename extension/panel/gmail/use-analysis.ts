import { useEffect, useState } from 'react';
import { request } from '../../messaging/client';
import type { ResultOf } from '../../../shared/common/protocol/define';
import type { Methods } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';
import { useLatest } from '../../ui/use-latest';

const isEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254;

export type Analysis = ResultOf<Methods, 'host.analyze'>['results'][number];

/** On-device analysis of each message of the thread, re-run when the thread's messages change. */
export function useThreadAnalysis(thread: GmailPageState['thread']): {
  byId: Map<string, Analysis>;
  error: string | null;
  refresh: () => void;
} {
  const [byId, setById] = useState(new Map<string, Analysis>());
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const key = thread ? thread.messages.map((m) => `${m.id}:${m.bodyText.length}`).join('|') : '';
  const latestThread = useLatest(thread);
  useEffect(() => {
    const thread = latestThread.current;
    if (!thread || thread.messages.length === 0) return;
    let live = true;
    request(
      'host.analyze',
      {
        messages: thread.messages.map((m) => ({
          id: m.id,
          text: m.bodyText,
          threadId: thread.threadId,
          // The rep's own messages are not the contact's history.
          ...(m.from.email && m.from.email.toLowerCase() !== thread.selfEmail?.toLowerCase() && isEmail(m.from.email)
            ? { from: m.from.email }
            : {}),
        })),
      },
      { timeoutMs: 30_000 },
    ).then(
      (r) => {
        if (!live) return;
        setById(new Map(r.results.map((a) => [a.id, a])));
        setError(null);
      },
      (err: unknown) => live && setError(err instanceof Error ? err.message : String(err)),
    );
    return () => {
      live = false;
    };
    // Re-run on `key` (message ids and lengths), which captures what matters in `thread`.
  }, [key, tick, latestThread]);
  return { byId, error, refresh: () => setTick((t) => t + 1) };
}
