import { useCallback, useEffect, useState } from 'react';
import type { StyleProfile } from '../../../shared/common/style';
import { request } from '../../messaging/client';
import type { GmailPageState } from '../../messaging/page-state';
import { useLatest } from '../../ui/use-latest';

type Thread = NonNullable<GmailPageState['thread']>;

/** How many of a thread's sent messages are offered to the learner at once (the newest). */
const OBSERVE_AT_MOST = 50;

/** The rep's own messages in a thread, as the style learner takes them (text without quoted history). */
export function sentByRep(thread: Thread, now: number) {
  if (!thread.selfEmail) return [];
  const self = thread.selfEmail.toLowerCase();
  return thread.messages
    .filter((m) => m.from.email.toLowerCase() === self && !m.collapsed && m.bodyText.trim() && !m.truncated)
    .slice(-OBSERVE_AT_MOST)
    .map((m) => {
      const at = m.date ? Date.parse(m.date) : NaN;
      return { id: m.id, text: m.bodyText.slice(0, 20_000), at: Number.isFinite(at) ? at : now };
    });
}

/**
 * The rep's style profile for the panel: learned (in the worker) from the rep's messages in each thread shown, and
 * whether drafts use it by default.
 */
export function useStyleProfile(thread: Thread | null) {
  const [state, setState] = useState<{ profile: StyleProfile | null; enabled: boolean }>({
    profile: null,
    enabled: true,
  });
  const load = useCallback(() => {
    request('style.get', {}).then(
      (s) => setState({ profile: s.profile, enabled: s.enabled }),
      () => undefined,
    );
  }, []);
  useEffect(load, [load]);
  // Once per thread and message count: a re-published page with the same messages adds nothing.
  const key = thread ? `${thread.threadId}:${thread.messages.length}` : '';
  const latest = useLatest(thread);
  useEffect(() => {
    const current = latest.current;
    if (!key || !current) return;
    const messages = sentByRep(current, Date.now());
    if (messages.length === 0) return;
    request('style.observe', { messages }).then(
      (r) => r.added > 0 && load(),
      () => undefined,
    );
  }, [key, load, latest]);
  return state;
}
