import { addBusinessDays, type CalendarOptions } from './business-days';

/**
 * Which tagged sends need a follow-up: a thread whose tagged send got no answer for N business days. Works on the
 * campaign events as stored (`sent` events from the page, outcomes the panel classified), so nothing new is recorded
 * about the contact to make the list.
 */

export interface ThreadEvent {
  id: string;
  type: string;
  at: number;
  threadId?: string;
  campaignId?: string;
  variantId?: string;
  contactId?: string;
  draftId?: string;
  detail?: Record<string, unknown>;
}

export interface DueFollowUp {
  threadId: string;
  /** The first tagged send: the message the follow-up refers to. */
  firstSendId: string;
  firstSentAt: number;
  /** The latest send in the thread (the rep's own follow-ups restart the clock). */
  lastSentAt: number;
  dueAt: number;
  contactId: string;
  campaignId: string;
  variantId: string;
  /** The draft the first send carried (its text is the first message), when the panel drafted it. */
  draftId?: string;
  subject?: string;
}

/** Outcomes that end the wait at once: the contact answered, or the address does not work. */
const CLOSING = new Set(['replied', 'positive_reply', 'meeting', 'bounce']);
/** Outcomes that end it only once the rep confirmed them (stopping contact is the rep's decision). */
const CLOSING_WHEN_CONFIRMED = new Set(['unsubscribe', 'not_interested']);

/** Whether an outcome event takes its thread off the follow-up list. */
export function closesFollowUp(e: Pick<ThreadEvent, 'type' | 'detail'>): boolean {
  if (CLOSING.has(e.type)) return true;
  return CLOSING_WHEN_CONFIRMED.has(e.type) && e.detail?.confirmation === 'confirmed';
}

export interface DueOptions extends CalendarOptions {
  now: number;
  /** Business days without an answer before a follow-up is due (1–30). */
  businessDays: number;
  /** Threads the rep took off the list by hand, with the send they were due for (a later send brings them back). */
  dismissed?: ReadonlyMap<string, number>;
}

/** The follow-ups due at `now`, the longest-waiting first. */
export function followUpsDue(events: readonly ThreadEvent[], options: DueOptions): DueFollowUp[] {
  const byThread = new Map<string, ThreadEvent[]>();
  for (const e of events) {
    if (!e.threadId) continue;
    const list = byThread.get(e.threadId) ?? [];
    list.push(e);
    byThread.set(e.threadId, list);
  }
  const out: DueFollowUp[] = [];
  for (const [threadId, list] of byThread) {
    const sends = list.filter((e) => e.type === 'sent').sort((a, b) => a.at - b.at);
    const first = sends.find((s) => s.campaignId && s.variantId && s.contactId);
    if (!first) continue;
    if (list.some((e) => e.at >= first.at && closesFollowUp(e))) continue;
    const last = sends.at(-1)!;
    if (options.dismissed?.get(threadId) === last.at) continue;
    const dueAt = addBusinessDays(last.at, options.businessDays, options);
    if (dueAt > options.now) continue;
    const subject = first.detail?.subject;
    const draftId = first.detail?.taggedDraftId ?? first.draftId;
    out.push({
      threadId,
      firstSendId: first.id,
      firstSentAt: first.at,
      lastSentAt: last.at,
      dueAt,
      contactId: first.contactId!,
      campaignId: first.campaignId!,
      variantId: first.variantId!,
      ...(typeof draftId === 'string' ? { draftId } : {}),
      ...(typeof subject === 'string' ? { subject } : {}),
    });
  }
  return out.sort((a, b) => a.dueAt - b.dueAt);
}
