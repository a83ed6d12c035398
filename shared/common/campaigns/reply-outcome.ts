import type { OutcomeType, SentimentLabel } from './schema';

/**
 * Turns one message that came back on a campaign thread into outcome types. Rules first, because delivery failures
 * and auto-replies have fixed shapes a classifier trained on human replies may miss; then the on-device intent and
 * sentiment labels for human replies. Only labels are returned, never text: the caller records outcomes, not mail.
 */
export interface ReplyInput {
  fromEmail: string;
  fromName?: string;
  /** The message's own text (quoted history removed by the caller where possible). */
  text: string;
  /** The naive Bayes intent label (`SALES_INTENTS`), when the host classified the message. */
  intent?: string | null;
  sentiment?: SentimentLabel | null;
}

/** Outcome kinds a reply message can produce; `sent` never comes from a reply. */
export type ReplyOutcome = Exclude<OutcomeType, 'sent'>;

export interface ReplyClassification {
  /** The kinds to record, most specific first (each implies the generic ones in aggregation). */
  outcomes: ReplyOutcome[];
  /** Which rule decided, for the UI and tests. */
  rule: 'bounce' | 'out_of_office' | 'unsubscribe' | 'not_interested' | 'meeting' | 'positive' | 'reply';
}

const BOUNCE_SENDER = /(mailer-daemon|postmaster|mail delivery (subsystem|system)|maildelivery)/i;
const BOUNCE_TEXT =
  /(delivery (status notification|has failed|failed|incomplete)|undeliverable|address not found|wasn't delivered|could ?n[o']t be delivered|message (was )?not delivered|recipient address rejected|user unknown|邮件(无法)?投递失败|退信)/i;
const OUT_OF_OFFICE =
  /(out of (the )?office|automatic reply|auto-?reply|autoreply|on (annual |parental |sick )?leave|away (from the office )?until|limited access to (my )?e-?mail|i am currently away|i'm currently away|back in the office on|自动回复|不在办公室|休假中)/i;
const UNSUBSCRIBE =
  /(unsubscribe|remove me from|take me off|stop (e-?mailing|contacting|sending)|opt(ed)? out|退订|别再发)/i;
const NOT_INTERESTED =
  /(not interested|no thanks|no, thank you|not a (good )?fit|not the right time for us|we('ve| have) (already )?(chosen|gone with|decided)|please don't follow up|不感兴趣|暂不需要|不需要)/i;
const MEETING =
  /((book|schedule|set up|arrange) (a |the )?(call|meeting|demo|time)|calendar invite|send (me |us )?(an |the )?invite|works for (me|us|both of us)|let's (meet|talk)|happy to (meet|jump on a call)|约个时间|安排(一个)?(会议|电话|演示)|开个会)/i;

/** Lower-cases and trims the address part of a sender. */
const norm = (s: string) => s.trim().toLowerCase();

/** True when the message was written by the rep (or any of the rep's addresses). */
export function isFromRep(fromEmail: string, repEmails: readonly string[]): boolean {
  const from = norm(fromEmail);
  return repEmails.some((r) => norm(r) === from);
}

/**
 * May this message change the outcome of a send to `contactEmail`? Only the contact's own address speaks for the
 * contact: a CC'd stranger's "remove me" must not unsubscribe them. A bounce notice from the mail system is the one
 * exception, and it may only say `bounce`.
 */
export function speaksForContact(fromEmail: string, contactEmail: string, outcome: string): boolean {
  if (norm(fromEmail) === norm(contactEmail)) return true;
  return outcome === 'bounce' && BOUNCE_SENDER.test(fromEmail);
}

/** Outcomes that stop contact with a person: the rep confirms them before they sync. */
export const OUTCOMES_NEEDING_CONFIRMATION: ReadonlySet<string> = new Set(['unsubscribe', 'not_interested']);

/** Classifies one message on a tagged thread. */
export function classifyReply(input: ReplyInput): ReplyClassification {
  const text = input.text;
  const sender = `${input.fromEmail} ${input.fromName ?? ''}`;
  if (
    BOUNCE_SENDER.test(sender) ||
    input.intent === 'bounce' ||
    (BOUNCE_TEXT.test(text) && /daemon|postmaster/i.test(sender))
  )
    return { outcomes: ['bounce'], rule: 'bounce' };
  if (BOUNCE_TEXT.test(text) && text.length < 2_000) return { outcomes: ['bounce'], rule: 'bounce' };
  if (OUT_OF_OFFICE.test(text) || input.intent === 'out_of_office')
    return { outcomes: ['out_of_office'], rule: 'out_of_office' };
  // Asking to be removed is a (negative) human reply and an unsubscribe: both are recorded.
  if (UNSUBSCRIBE.test(text) || input.intent === 'unsubscribe')
    return { outcomes: ['unsubscribe', 'not_interested'], rule: 'unsubscribe' };
  if (NOT_INTERESTED.test(text) || input.intent === 'not_interested')
    return { outcomes: ['not_interested'], rule: 'not_interested' };
  if (MEETING.test(text) || input.intent === 'meeting_request') return { outcomes: ['meeting'], rule: 'meeting' };
  if (
    input.intent === 'interested' ||
    input.intent === 'referral' ||
    (input.sentiment === 'positive' && !(input.intent ?? '').startsWith('objection'))
  )
    return { outcomes: ['positive_reply'], rule: 'positive' };
  return { outcomes: ['replied'], rule: 'reply' };
}
