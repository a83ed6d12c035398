/**
 * Removing the quoted part of an email reply. A reply usually carries the message it answers (our own outreach),
 * whose words ("call", "pricing", "demo") would otherwise be counted as the prospect's.
 */

// Lines that start the quoted original, in the mail clients our users' prospects use (Gmail, Outlook, Apple Mail,
// QQ Mail, NetEase, Foxmail). Every pattern is anchored and bounded, so one line costs O(line length).
const CUT_LINE_PATTERNS: readonly RegExp[] = [
  /^-{2,}\s*(?:original message|forwarded message|原始邮件|转发的邮件)/i,
  /^_{10,}\s*$/,
  /^在.{0,200}写道\s*[:：]?\s*$/,
  /^(?:发件人|寄件者)\s*[:：]/,
];

// "On Tue, 3 Mar 2026 at 10:02, Jane Doe <jane@acme.com> wrote:" is often wrapped over two lines by the client.
const ATTRIBUTION_START = /^on\s.{0,300}$/i;
const ATTRIBUTION_END = /wrote\s*:\s*$/i;
// Outlook's header block: "From: …" followed within three lines by "Sent:" / "Date:" / "To:" / "Subject:".
const OUTLOOK_FROM = /^from\s*:\s*\S/i;
const OUTLOOK_NEXT = /^(?:sent|date|to|subject|cc)\s*:/i;

function startsQuote(lines: readonly string[], i: number): boolean {
  const line = (lines[i] ?? '').trim();
  if (CUT_LINE_PATTERNS.some((re) => re.test(line))) return true;
  if (ATTRIBUTION_START.test(line)) {
    if (ATTRIBUTION_END.test(line)) return true;
    const next = (lines[i + 1] ?? '').trim();
    if (next.length <= 300 && ATTRIBUTION_END.test(next)) return true;
  }
  if (OUTLOOK_FROM.test(line)) {
    for (let k = i + 1; k <= i + 3 && k < lines.length; k++) {
      if (OUTLOOK_NEXT.test((lines[k] ?? '').trim())) return true;
    }
  }
  return false;
}

/**
 * Returns the part of an email reply the sender wrote: drops `>`-quoted lines and everything from the first
 * attribution or separator line ("On … wrote:", "-----Original Message-----", "在…写道：", Outlook's "From:/Sent:"
 * block). If nothing with a letter or digit would remain (a reply that is only a quote), the text is returned
 * unchanged, so the caller never loses the whole message.
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (startsQuote(lines, i)) break;
    const line = lines[i] ?? '';
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  const result = kept.join('\n').trim();
  return /[\p{L}\p{N}]/u.test(result) ? result : text;
}
