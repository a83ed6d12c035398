/**
 * Reading a reply's quoted history back into the messages it quotes. Gmail shows the older messages of a conversation
 * collapsed, with no body in the page, but the newest message usually quotes them all, nested, each under an
 * attribution line ("On Tue, Nov 3, 2026 at 8:47 AM Priya Shah <priya@example.net> wrote:", with U+202F before AM/PM
 * in mail written since 2025). Read as text, the nesting flattens into attribution, body, attribution, body…, oldest
 * last. Pure text work: it runs in the panel, not in the content script.
 */

export interface QuotedBlock {
  /** The attribution line as written. */
  attribution: string;
  /** Who wrote the quoted message, as the attribution names them (either may be empty). */
  name: string;
  email: string;
  /** Epoch ms of the attribution's date when it is an English date with a year, else null. */
  time: number | null;
  /** The quoted message's own text (its signature split off). */
  body: string;
  signature: string;
}

// One attribution on one line (clients wrap long ones over two: joined below). Bounded, anchored: O(line length).
const ENGLISH = /^On\s(.{4,300}?)\s*wrote\s*:\s*$/i;
const CHINESE = /^在?\s*(.{4,300}?)\s*写道\s*[:：]?\s*$/;
const EMAIL = /<\s*([^\s<>@]+@[^\s<>@]+)\s*>|([^\s<>@"']+@[^\s<>@"']+\.[a-z]{2,})/i;
const TIME_END = /\d{1,2}:\d{2}(?:\s?[AP]M)?,?\s+/i;

/** The quoted text split at its attribution lines, in the order written (newest first). */
export function splitQuotedHistory(text: string): QuotedBlock[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const blocks: QuotedBlock[] = [];
  let current: { attribution: string; lines: string[] } | null = null;
  const flush = () => {
    if (current) blocks.push(toBlock(current.attribution, current.lines.join('\n')));
  };
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    let attribution: string | null = null;
    if (ENGLISH.test(line) || CHINESE.test(line)) attribution = line;
    else if (/^On\s/i.test(line) && line.length <= 300) {
      const joined = `${line} ${(lines[i + 1] ?? '').trim()}`;
      if (ENGLISH.test(joined)) {
        attribution = joined;
        i++;
      }
    }
    if (attribution !== null) {
      flush();
      current = { attribution, lines: [] };
    } else if (current) current.lines.push(line.replace(/^>\s?/, ''));
  }
  flush();
  return blocks;
}

function toBlock(attribution: string, text: string): QuotedBlock {
  const inner = (ENGLISH.exec(attribution) ?? CHINESE.exec(attribution))?.[1] ?? '';
  const email = EMAIL.exec(inner);
  const address = (email?.[1] ?? email?.[2] ?? '').trim();
  // The name sits between the date's time and the address: "… at 8:47 AM Priya Shah <…>".
  const beforeAddress = email ? inner.slice(0, email.index) : inner;
  const clean = beforeAddress.replace(/[\u00A0\u202F]/g, ' ');
  const timeAt = TIME_END.exec(clean);
  const name = timeAt
    ? clean
        .slice(timeAt.index + timeAt[0].length)
        .replace(/[,"]/g, '')
        .trim()
    : '';
  const dateText = timeAt ? clean.slice(0, timeAt.index + timeAt[0].length) : '';
  const { body, signature } = splitSignature(text.trim());
  return { attribution, name, email: address, time: parseEnglishDate(dateText), body, signature };
}

/** "Tue, Nov 3, 2026 at 8:47 AM" → epoch ms (local time), or null when it has no year or does not parse. */
export function parseEnglishDate(text: string): number | null {
  const cleaned = text
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/\s+at\s+/i, ' ')
    .replace(/,\s*$/, '')
    .trim();
  if (!/\b\d{4}\b/.test(cleaned) || !/^[\p{L}\d\s,:.]+$/u.test(cleaned)) return null;
  const ms = Date.parse(cleaned);
  return Number.isNaN(ms) ? null : ms;
}

const MAX_SIGNATURE_LINES = 10;
const MAX_SIGNATURE_CHARS = 600;

/**
 * A message's signature, split off at the last "-- " separator line (the Usenet convention Gmail keeps as
 * `span.gmail_signature_prefix`), when what follows is short enough to be one.
 */
export function splitSignature(text: string): { body: string; signature: string } {
  const lines = text.split('\n');
  for (let i = lines.length - 1; i >= 0; i--) {
    if ((lines[i] ?? '').trim() !== '--') continue;
    const signature = lines
      .slice(i + 1)
      .join('\n')
      .trim();
    if (lines.length - i - 1 > MAX_SIGNATURE_LINES || signature.length > MAX_SIGNATURE_CHARS) break;
    return { body: lines.slice(0, i).join('\n').trim(), signature };
  }
  return { body: text, signature: '' };
}

/** Letters and digits only, lower case: how a snippet and a body are compared (Gmail's snippet joins the lines). */
export function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/[…]+$/u, '')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
