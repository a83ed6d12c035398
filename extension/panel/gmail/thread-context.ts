import type { ThreadMessage } from '../../../shared/common/prompts';
import { MAX_GROUNDING_CHARS } from '../../../shared/common/factcheck';
import { MAX_SCORE_GROUNDING } from '../../messaging/methods';
import type { GmailPageState } from '../../messaging/page-state';

type Thread = NonNullable<GmailPageState['thread']> & {
  /** Quoted messages that match no row of the page (see `readableThread`). */
  unplaced?: readonly string[];
};

/** The thread as the prompt library takes it (oldest first), marking the rep's own messages. */
export function promptContext(thread: Thread): ThreadMessage[] {
  return thread.messages.map((m) => ({
    from: m.from.name || m.from.email,
    sentAt: m.date ?? m.dateText,
    body: m.bodyText,
    fromMe: m.from.email === thread.selfEmail,
  }));
}

/** The team's product facts as typed in the panel: one per line, blanks dropped. */
export function splitFacts(text: string): string[] {
  return text
    .split('\n')
    .map((f) => f.trim())
    .filter(Boolean);
}

/** The language to answer in: that of the latest message. */
export function threadLanguage(thread: Thread): 'en' | 'zh' {
  return /[\u4e00-\u9fff]/.test(thread.messages.at(-1)?.bodyText ?? '') ? 'zh' : 'en';
}

/**
 * What a draft may rightly state, for the fact check: the team's facts, who is in the thread (greetings name them),
 * and the thread itself, newest messages first, within the fact check's own character budget and the request's
 * string cap — so a 200-message thread checks against its recent history instead of failing the request.
 */
export function draftGrounding(thread: Thread, facts: readonly string[]): string[] {
  const people = [...new Set(thread.messages.flatMap((m) => [m.from.name, m.from.email]).filter(Boolean))];
  const out = [...facts, ...people].slice(0, MAX_SCORE_GROUNDING);
  let chars = out.reduce((n, s) => n + s.length, 0);
  // Every message's text (collapsed ones' recovered from the quoted history), then quoted messages Gmail folded away.
  const texts = [...[...thread.messages].reverse().map((m) => m.bodyText), ...(thread.unplaced ?? [])];
  for (const text of texts) {
    if (out.length >= MAX_SCORE_GROUNDING || chars >= MAX_GROUNDING_CHARS) break;
    if (!text) continue;
    const body = text.slice(0, MAX_GROUNDING_CHARS - chars);
    out.push(body);
    chars += body.length;
  }
  return out;
}
