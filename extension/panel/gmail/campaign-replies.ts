import { isFromRep } from '../../../shared/common/campaigns';
import type { GmailPageState } from '../../messaging/page-state';

type Thread = NonNullable<GmailPageState['thread']>;
export type DatedMessage = Thread['messages'][number] & { at: number };

/**
 * The messages of a thread that can be outcomes of a send at `sentAt`: dated after it, not written by the rep, not
 * already recorded. A message without a readable date is left out: it cannot be placed after the send.
 */
export function pickReplies(thread: Thread, sentAt: number, recorded: ReadonlySet<string>): DatedMessage[] {
  const rep = thread.selfEmail ? [thread.selfEmail] : [];
  const out: DatedMessage[] = [];
  for (const m of thread.messages) {
    // A collapsed row has no message id (its id is its place in the list, which changes): it is recorded once Gmail
    // shows it expanded, as it always shows the newest message.
    if (m.collapsed || recorded.has(m.id) || isFromRep(m.from.email, rep)) continue;
    const at = m.date ? Date.parse(m.date) : NaN;
    if (!Number.isFinite(at) || at < sentAt) continue;
    out.push({ ...m, at });
  }
  return out;
}
