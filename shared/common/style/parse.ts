/**
 * Reads the parts of one sent message that make a writer recognisable: the greeting line, the sign-off line and the
 * body between them. Pure text rules (no model): a greeting and a sign-off have fixed shapes in every language we
 * draft in, and a rule the rep can read explains itself on the options page.
 */

/** Words that open an English greeting line ("Hi Sarah,", "Good morning Ana!"). */
const GREETING_EN =
  /^(hi there|hi all|hi everyone|hello there|hello all|good (?:morning|afternoon|evening)|hiya|hi|hey|hello|dear|greetings|morning|yo)\b/i;
/** Chinese greetings: "王总，您好！", "您好，", "Hi 王总，". */
const GREETING_ZH = /^(.{0,12}?)[，,\s]*(您好|你好|早上好|下午好|晚上好|大家好)([，,！!。]?)$/;
/** Sign-off lines (compared lower-cased, trailing punctuation removed). */
const SIGN_OFFS = new Set([
  'best',
  'best regards',
  'best wishes',
  'kind regards',
  'warm regards',
  'warmest regards',
  'regards',
  'many thanks',
  'thanks',
  'thanks so much',
  'thanks again',
  'thank you',
  'thanks!',
  'thx',
  'cheers',
  'sincerely',
  'yours sincerely',
  'yours faithfully',
  'respectfully',
  'all the best',
  'talk soon',
  'speak soon',
  'take care',
  'with thanks',
  'br',
  'rgds',
  'later',
  '祝好',
  '此致',
  '此致敬礼',
  '敬礼',
  '谢谢',
  '谢谢！',
  '顺祝商祺',
  '祝商祺',
  '期待您的回复',
  '期待回复',
  '祝工作顺利',
]);

const NAME_WORD = /^[\p{Lu}][\p{L}'’.-]*$/u;
const TRAILING_PUNCT = /[\s,，.。!！:：;；—–-]+$/u;

export interface ParsedMessage {
  /** The greeting with the addressee replaced by `{name}` ("Hi {name},"), or null when there is none. */
  greeting: string | null;
  /** The sign-off line as written ("Cheers,"), or null. Two-line Chinese sign-offs are joined with a newline. */
  signOff: string | null;
  /** The lines between greeting and sign-off. */
  body: string;
}

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.trim());

/** The greeting shape of one line, or null when the line is not a greeting. */
export function greetingOf(line: string): string | null {
  const text = line.trim();
  if (!text || text.length > 60) return null;
  const zh = GREETING_ZH.exec(text);
  if (zh) {
    const opener = /^(hi|hello|dear)\s*/i.exec(zh[1]!)?.[0] ?? '';
    const who = zh[1]!.slice(opener.length).trim();
    return `${opener}${who ? '{name}，' : ''}${zh[2]}${zh[3] ?? ''}`;
  }
  const m = GREETING_EN.exec(text);
  if (m) {
    const word = m[0];
    const rest = text.slice(word.length);
    const punct = /[,!.:—–-]*$/.exec(rest)?.[0] ?? '';
    const who = rest.slice(0, rest.length - punct.length).trim();
    // "Hi Sarah," → "Hi {name},"; "Hi team," keeps "team": it is how the writer greets, not whom.
    if (!who) return `${word}${punct}`;
    const words = who.split(/\s+/);
    if (words.length > 4) return null;
    if (words.every((w) => NAME_WORD.test(w))) return `${word} {name}${punct}`;
    return words.length <= 2 ? `${word} ${who}${punct}` : null;
  }
  // A bare name as the greeting ("Sarah," / "Sarah —").
  const bare = /^([\p{Lu}][\p{L}'’.-]*(?:\s[\p{Lu}][\p{L}'’.-]*)?)\s*([,—–-])$/u.exec(text);
  return bare ? `{name}${bare[2]}` : null;
}

/** The sign-off key of a line (lower-cased, without trailing punctuation), or null when it is not a sign-off. */
export function signOffKey(line: string): string | null {
  const key = line.trim().replace(TRAILING_PUNCT, '').toLowerCase();
  if (!key || key.length > 30) return null;
  return SIGN_OFFS.has(key) ? key : null;
}

/** Splits a message into greeting, body and sign-off. Lines after the sign-off (the name, a signature) are dropped. */
export function parseMessage(text: string): ParsedMessage {
  const all = lines(text);
  let start = all.findIndex((l) => l !== '');
  if (start < 0) return { greeting: null, signOff: null, body: '' };
  const greeting = greetingOf(all[start]!);
  if (greeting) start++;
  let end = all.length;
  let signOff: string | null = null;
  // The sign-off sits in the last few non-empty lines, above the name and signature.
  const tail: number[] = [];
  for (let i = all.length - 1; i >= start && tail.length < 5; i--) if (all[i]) tail.push(i);
  for (const i of tail) {
    const key = signOffKey(all[i]!);
    if (!key) continue;
    // "此致" / "敬礼" on two lines is one sign-off.
    if (key === '敬礼' && i > start && signOffKey(all[i - 1]!) === '此致') {
      signOff = `${all[i - 1]}\n${all[i]}`;
      end = i - 1;
    } else {
      signOff = all[i]!;
      end = i;
    }
    break;
  }
  const body = all.slice(start, end).join('\n').trim();
  return { greeting, signOff, body };
}
